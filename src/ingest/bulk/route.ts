import { stat } from 'node:fs/promises';
import type { Adapter } from '../adapter.ts';
import { type Input, readMemberHead, ZipError, zipMessage } from '../containers/index.ts';
import { detectFormat, isHeaderRow } from '../formats.ts';
import { type CsvHead, readHead } from '../readCsv.ts';
import { readBaciBulk } from './readBaciBulk.ts';
import { readCanonicalBulk } from './readCanonicalBulk.ts';
import type { BulkReader } from './types.ts';

/**
 * Files from this size on (about 60,000 BACI rows) take their format's bulk reader when it has one.
 * Below it csv-parse, which holds every row in memory, reads a file in under half a second and under
 * 60 MB: the small curated inputs stay on it.
 */
export const BULK_MIN_BYTES = 2 * 1024 * 1024;

/**
 * Formats with a bulk reader: BACI (one simple numeric table per year, hundreds of MB), and our long
 * format, which a database export may fill with every pair.
 */
const BULK_READERS: Record<string, BulkReader> = { baci: readBaciBulk, canonical: readCanonicalBulk };

/**
 * The bulk reader a file takes, with its header: only a file of BULK_MIN_BYTES or more (unless told
 * otherwise) has its header read first, and takes a reader if its format has one and its text is UTF-8
 * (the bulk readers split bytes). Other files are read whole.
 */
export async function bulkRoute(
  input: Input,
  minBytes: number = BULK_MIN_BYTES,
): Promise<{ head: CsvHead; adapter: Adapter; bulk: BulkReader } | undefined> {
  if ((input.member?.size ?? (await stat(input.path)).size) < minBytes) return undefined;
  const { head } = input.member
    ? await readMemberHead(input.member, input.file, isHeaderRow)
    : await readHead(input.path, input.file, isHeaderRow);
  if (head?.encoding !== 'utf-8' && head?.encoding !== 'utf-8-bom') return undefined;
  const detection = detectFormat(head.header);
  if (!('adapter' in detection)) return undefined;
  const bulk = BULK_READERS[detection.adapter.format];
  return bulk && { head, adapter: detection.adapter, bulk: input.member ? withMemberFaults(bulk) : bulk };
}

/** A bulk reader of archive members: a member that turns out damaged or a bomb is its only problem. */
function withMemberFaults(reader: BulkReader): BulkReader {
  return async (input, ctx) => {
    try {
      return await reader(input, ctx);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      return { stop: { file: input.head.file, message: zipMessage(error.reason, false) } };
    }
  };
}
