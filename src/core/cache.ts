import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { sha256, sha256File } from './hash.ts';
import { PROJECT_ROOT } from './root.ts';

export interface FileHash {
  file: string;
  sha256: string;
}

/** Every regular file under `dir` (hidden ones aside) with its content hash, in a stable order. */
export async function hashTree(dir: string): Promise<FileHash[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(sep)
          .some((part) => part.startsWith('.')),
    )
    .sort();
  const hashes: FileHash[] = [];
  for (const path of files)
    hashes.push({ file: relative(dir, path).split(sep).join('/'), sha256: await sha256File(path) });
  return hashes;
}

/** Set by the bundler to the code versions of the folder lists below; absent when run from the sources. */
declare const __CODE_VERSIONS__: Record<string, string> | undefined;

/** The folder lists whose code version the bundle carries. */
export const CODE_FOLDERS = ['src', 'pipeline'] as const;
export const INGEST_CODE_FOLDERS = ['src/ingest', 'src/core'] as const;

/** The code version the running bundle was built with; undefined when run from the sources. */
export function bakedCodeVersion(folders: readonly string[] = CODE_FOLDERS): string | undefined {
  return typeof __CODE_VERSIONS__ === 'undefined' ? undefined : __CODE_VERSIONS__[folders.join(',')];
}

/**
 * The code version: one hash over the sources in `folders` and the lock file (which pins every library).
 * By default all of the code, so any change to it re-runs every stage.
 */
export async function codeVersion(folders: readonly string[] = CODE_FOLDERS): Promise<string> {
  // The bundle carries the versions of the code it was built from (scripts/bundle.js), so a run need
  // not hash every source file; from the sources (tsx) they are computed.
  const baked = bakedCodeVersion(folders);
  if (baked) return baked;
  const parts: string[] = [];
  for (const folder of folders) {
    for (const { file, sha256: hash } of await hashTree(join(PROJECT_ROOT, folder)))
      parts.push(`${folder}/${file}:${hash}`);
  }
  parts.push(`package-lock.json:${sha256(await readFile(join(PROJECT_ROOT, 'package-lock.json')))}`);
  return sha256(parts.join('\n'));
}

/** A stage's cache key: the hash of everything that shapes its output. */
export function stageKey(parts: Record<string, unknown>): string {
  return sha256(JSON.stringify(parts));
}
