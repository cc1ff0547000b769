import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files carry this marker so a later run can recognise and clean leftovers. */
export const TEMP_MARK = '.tmp-';

/**
 * Writes to a temp file in the same folder, flushes it to disk, then renames: readers see all or nothing.
 * With `flush: false` the caller flushes it later (`flushFiles`), before anything depends on it.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { flush = true }: { flush?: boolean } = {},
): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    if (flush) await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Flushes files written with `flush: false` to disk, all at once: the disk then waits once, not once a file. */
export async function flushFiles(paths: Iterable<string>): Promise<void> {
  await Promise.all(
    [...paths].map(async (path) => {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }),
  );
}
