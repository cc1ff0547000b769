import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { writeFileAtomic } from '../../core/atomic.ts';
import { codeVersion, INGEST_CODE_FOLDERS } from '../../core/cache.ts';
import { sha256 } from '../../core/hash.ts';

/**
 * Extracts of bulk files, kept so that a later run (another partner of the same reporter, or after
 * another input changed) does not read a large file again. One gzipped JSON file per extract, named by
 * its key: the file's sha256, what the extract was made for, and the code that made it. At most
 * MAX_EXTRACTS are kept, the least recently used go first.
 */
const MAX_EXTRACTS = 8;
const SUFFIX = '.json.gz';

interface Entry<T> {
  key: string;
  value: T;
}

/** Where a run keeps its extracts: inside its output folder, beside the builds. */
export function extractCacheDir(outDir: string): string {
  return join(outDir, '.cache', 'extracts');
}

/** The key of an extract: everything that shapes it, including the ingest code and the libraries. */
export async function extractKey(parts: Record<string, unknown>): Promise<string> {
  return sha256(JSON.stringify({ ...parts, code: await codeVersion(INGEST_CODE_FOLDERS) }));
}

/** The extract stored under `key`, or undefined; an unreadable entry is removed and counts as missing. */
export async function loadExtract<T>(dir: string, key: string): Promise<T | undefined> {
  const path = join(dir, `${key}${SUFFIX}`);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    return undefined;
  }
  let entry: Entry<T>;
  try {
    entry = JSON.parse((await promisify(gunzip)(data)).toString('utf8')) as Entry<T>;
    if (entry.key !== key) throw new Error('key mismatch');
  } catch {
    await rm(path, { force: true }).catch(() => undefined);
    return undefined;
  }
  // Recently used entries are the ones kept when the cache is pruned.
  const now = new Date();
  await utimes(path, now, now).catch(() => undefined);
  return entry.value;
}

/**
 * Stores an extract whole or not at all (temp file, then rename), then prunes the oldest. The cache only
 * saves time: a folder that cannot be written (full, read-only) leaves the run as it is.
 */
export async function saveExtract(dir: string, key: string, value: unknown): Promise<void> {
  const data = await promisify(gzip)(JSON.stringify({ key, value } satisfies Entry<unknown>), { level: 1 });
  try {
    await writeFileAtomic(join(dir, `${key}${SUFFIX}`), data);
  } catch {
    return;
  }
  const entries = await Promise.all(
    (await readdir(dir))
      .filter((name) => name.endsWith(SUFFIX))
      .map(async (name) => ({
        name,
        used: (await stat(join(dir, name)).catch(() => undefined))?.mtimeMs ?? 0,
      })),
  );
  entries.sort((a, b) => b.used - a.used);
  for (const { name } of entries.slice(MAX_EXTRACTS))
    await rm(join(dir, name), { force: true }).catch(() => undefined);
}
