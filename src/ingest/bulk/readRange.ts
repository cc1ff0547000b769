import type { ExtractorState } from '../adapters/baciExtract.ts';
import { createBaciReader } from '../adapters/baciReader.ts';
import type { PairOrder } from '../adapters/baciRepeats.ts';
import { PROBLEMS_PER_FILE } from '../problemList.ts';
import type { CsvHead } from '../readCsv.ts';
import { createBaciSink } from './baciSink.ts';
import { type ByteRange, type ByteReader, readLines, type Stop } from './readLines.ts';

/** What reading a BACI file, or part of it, takes: plain data, so that a worker thread can be given it. */
export interface RangeSetup {
  path: string;
  head: CsvHead;
  reporter?: string;
  /** BACI codes → ISO3, from the country-code tables among the inputs. */
  countryCodes: [string, string][];
  chunkBytes?: number;
}

/** Problems in the order met: the first ones, as many as a file's problem list keeps, and how many in all. */
export interface Told<T> {
  first: T[];
  count: number;
}

/** A problem with a row's cells (column: BACI's column name) or with the file's text (no column). */
export interface LineProblem {
  line: number;
  column?: string;
  message: string;
}

/** What one pass over a BACI file or part of it gives, to be told to the file's context in order. */
export interface RangeRead {
  /** The file cannot be read on from this line: its only problem. */
  stop?: Stop;
  /** The line after the last one read. */
  nextLine: number;
  rows: number;
  /** Problems with the rows (to the adapter's context). */
  problems: Told<LineProblem>;
  /** Problems with the text: ragged rows (to the file's read problems). */
  readProblems: Told<LineProblem>;
  /** The sums and rows set aside, to be joined with the other ranges' into the file's extract. */
  sums: ExtractorState;
  pairs: PairOrder;
  /** Whether every record reads the same wherever the reading started (see `createBaciSink`). */
  standsAlone: boolean;
}

function collector(): Told<LineProblem> & { add(problem: LineProblem): void } {
  const told = {
    first: [] as LineProblem[],
    count: 0,
    add(problem: LineProblem) {
      told.count += 1;
      if (told.first.length < PROBLEMS_PER_FILE) told.first.push(problem);
    },
  };
  return told;
}

/**
 * Reads a BACI file, or the `range` of it, once: checks, repeats and sums, as `readBaciBulk` describes.
 * Problems are kept as a file's problem list would keep them; nothing is told until the caller does.
 */
export async function readBaciRange(
  setup: RangeSetup,
  source: string | ByteReader,
  range?: ByteRange,
  onChunk?: (chunk: Buffer) => void,
): Promise<RangeRead> {
  const { head } = setup;
  const problems = collector();
  const readProblems = collector();
  const reader = createBaciReader({
    ...(setup.reporter === undefined ? {} : { reporter: setup.reporter }),
    countryCodes: new Map(setup.countryCodes),
    problem: (line, column, message) => problems.add({ line, ...(column ? { column } : {}), message }),
  });
  const sink = createBaciSink(head, reader, (line, message) => readProblems.add({ line, message }));
  const end = await readLines(source, head.delimiter.charCodeAt(0), sink, {
    ...(setup.chunkBytes ? { chunkBytes: setup.chunkBytes } : {}),
    ...(range ? { range } : {}),
    ...(onChunk ? { onChunk } : {}),
  });
  return {
    ...('message' in end ? { stop: end, nextLine: end.line } : { nextLine: end.nextLine }),
    rows: sink.rows,
    problems: { first: problems.first, count: problems.count },
    readProblems: { first: readProblems.first, count: readProblems.count },
    sums: reader.state(),
    pairs: reader.pairOrder(),
    standsAlone: sink.standsAlone,
  };
}

/**
 * Tells a part's problems to a problem list in the order met. Past the first ones only the count is
 * left: the part kept as many as the list keeps, so the list is full by then and each further one
 * (the last kept, told again) only adds to its count, as it would have when read whole.
 */
export function tell(told: Told<LineProblem>, add: (problem: LineProblem) => void): void {
  for (const problem of told.first) add(problem);
  const last = told.first.at(-1);
  if (last) for (let n = told.first.length; n < told.count; n++) add(last);
}
