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
 * its key (the file's sha256, what the extract was made for, and the code that made it) and by the
 * sha256 of its own bytes: an entry edited or damaged since it was written no longer matches its name
 * and is set aside, so the file is read again. At most MAX_EXTRACTS are kept, the least recently used
 * go first.
 */
const MAX_EXTRACTS = 8;
const SUFFIX = '.json.gz';

interface Entry<T> {
  key: string;
  value: T;
}

/** An extract a run took from the cache, as the manifest records it. */
export interface ExtractUse {
  key: string;
  sha256: string;
}

/** What the cache did since it was last asked: entries used, and entries set aside as altered. */
let report: { used: ExtractUse[]; setAside: number } = { used: [], setAside: 0 };

/** The uses and set-aside entries since the last call, for the run to record and tell. */
export function takeCacheReport(): { used: ExtractUse[]; setAside: number } {
  const taken = report;
  report = { used: [], setAside: 0 };
  return taken;
}

/** Where a run keeps its extracts: inside its output folder, beside the builds. */
export function extractCacheDir(outDir: string): string {
  return join(outDir, '.cache', 'extracts');
}

/** The key of an extract: everything that shapes it, including the ingest code and the libraries. */
export async function extractKey(parts: Record<string, unknown>): Promise<string> {
  return sha256(JSON.stringify({ ...parts, code: await codeVersion(INGEST_CODE_FOLDERS) }));
}

/** Whether the cache holds any extract at all: with none, a lookup is sure to miss. */
export async function holdsExtracts(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [])).some((name) => name.endsWith(SUFFIX));
}

/**
 * The extract stored under `key`, or undefined. An entry whose bytes do not hash to the sha256 in its
 * name, or that does not hold its key, is removed and counts as missing.
 */
export async function loadExtract<T>(dir: string, key: string): Promise<T | undefined> {
  const names = (await readdir(dir).catch(() => [])).filter(
    (name) => name.startsWith(`${key}.`) && name.endsWith(SUFFIX),
  );
  for (const name of names) {
    const path = join(dir, name);
    const value = await readEntry<T>(path, key, name.slice(key.length + 1, -SUFFIX.length));
    if (value === undefined) {
      report.setAside += 1;
      await rm(path, { force: true }).catch(() => undefined);
      continue;
    }
    report.used.push({ key, sha256: value.sha256 });
    // Recently used entries are the ones kept when the cache is pruned.
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return value.value;
  }
  return undefined;
}

async function readEntry<T>(
  path: string,
  key: string,
  expected: string,
): Promise<{ value: T; sha256: string } | undefined> {
  try {
    const data = await readFile(path);
    const actual = sha256(data);
    if (actual !== expected) return undefined;
    const entry = JSON.parse((await promisify(gunzip)(data)).toString('utf8')) as Entry<T>;
    return entry.key === key ? { value: entry.value, sha256: actual } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores an extract whole or not at all (temp file, then rename), then prunes the oldest. The cache only
 * saves time: a folder that cannot be written (full, read-only) leaves the run as it is.
 */
export async function saveExtract(dir: string, key: string, value: unknown): Promise<void> {
  const data = await promisify(gzip)(JSON.stringify({ key, value } satisfies Entry<unknown>), { level: 1 });
  try {
    await writeFileAtomic(join(dir, `${key}.${sha256(data)}${SUFFIX}`), data);
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
