import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder (where package.json names tradebrief), from sources or from the bundle alike. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === 'tradebrief'
    )
      return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the tradebrief package.json above the running code');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
