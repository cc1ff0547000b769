import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
}

/** The installed version of a library, from its package.json ('unknown' where none is found). */
export function packageVersion(name: string): string {
  return packageJson(name)?.version ?? 'unknown';
}

/** A library's own package.json, as installed. */
export function packageJson(name: string): PackageJson | undefined {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
      if (pkg.name === name && pkg.version) return pkg;
    } catch {
      // no package.json of that name here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
