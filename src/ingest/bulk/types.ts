import type { Problem } from '../../core/errors.ts';
import type { AdapterContext } from '../adapter.ts';
import type { Member } from '../containers/archive.ts';
import type { ProblemList } from '../problemList.ts';
import type { CsvHead } from '../readCsv.ts';
import type { Records } from '../records.ts';
import type { Encoding } from '../sniffText.ts';

/** A large file of a format with a bulk reader, as the reader gets it. */
export interface BulkInput {
  path: string;
  /** The member of the archive at `path` to read, inflated as it is read; none: the file itself. */
  member?: Member;
  head: CsvHead;
  /** Where extracts are cached by the file's hash; none: no cache. */
  cacheDir?: string;
  /** Bytes read at a time, when not the reader's default. */
  chunkBytes?: number;
  /** Byte ranges the file is read in, each on its own thread, when not one per core for a large file. */
  parts?: number;
  /** Problems with the file's text (ragged rows), reported with the other files' read problems. */
  readProblems: ProblemList;
}

export type BulkRead =
  /** The file cannot be read on (csv-parse would give up on it too): this is its only problem. */
  | { stop: Problem }
  /** `encoding`: as the whole file showed it, when not as its head did. */
  | { sha256: string; rows: number; read: Partial<Records>; encoding?: Encoding };

export type BulkReader = (input: BulkInput, ctx: AdapterContext) => Promise<BulkRead>;
