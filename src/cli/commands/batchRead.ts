import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { flushFiles, TEMP_MARK, writeFileAtomic } from '../../core/atomic.ts';
import type { KnownHash } from '../../core/hash.ts';
import { extractCacheDir } from '../../ingest/bulk/extractCache.ts';
import { shareFiles } from '../../ingest/forPair.ts';
import { ingest } from '../../ingest/ingest.ts';

/** What a batch's one read of the inputs needs: where they are, for whom, and the folder it fills. */
export interface BatchReadSetup {
  inputsDir: string;
  outDir: string;
  reporter: string;
  partners: string[];
  dir: string;
}

/**
 * What the batch hands to the process that reads: the setup, whether it may draw a progress bar, and
 * the input files' hashes the batch made for its key, so a large file is not read a third time.
 */
export interface BatchReadRequest extends BatchReadSetup {
  progress: boolean;
  hashes: KnownHash[];
}

/** The file holding `partner`'s share of a batch's ingest (`shareFiles`). */
export const sharePath = (dir: string, partner: string) => join(dir, `${partner}.json`);

/**
 * Reads the inputs once for every partner (the ingest keeps the flows of all of them) and writes each
 * partner's share into `dir`, aside first and renamed whole, so the folder of a read holds all its
 * shares or does not exist.
 */
export async function readForBatch({
  inputsDir,
  outDir,
  reporter,
  partners,
  dir,
}: BatchReadSetup): Promise<void> {
  const result = await ingest(inputsDir, {
    focus: { reporter, partners },
    extractCache: extractCacheDir(outDir),
  });
  const temp = `${dir}${TEMP_MARK}${process.pid}`;
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  try {
    const shareOf = shareFiles(result, reporter);
    const shares = partners.map((partner) => ({ partner, path: sharePath(temp, partner) }));
    // Flushed together: the disk waits once for all of them, not once a share.
    for (const { partner, path } of shares) await writeFileAtomic(path, shareOf(partner), { flush: false });
    await flushFiles(shares.map((share) => share.path));
    await rename(temp, dir);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
