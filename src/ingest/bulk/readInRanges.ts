import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../core/worker.ts';
import { type BaciExtract, joinParts } from '../adapters/baciExtract.ts';
import { PROBLEMS_PER_FILE } from '../problemList.ts';
import { countLineEnds, cutRanges } from './ranges.ts';
import type { RangeJob, RangeMessage } from './rangeWorker.ts';
import type { Stop } from './readLines.ts';
import { type LineProblem, type RangeRead, type RangeSetup, readBaciRange, type Told } from './readRange.ts';

/**
 * Files from this size on (about a million BACI rows) are read in parts on all cores: below it, starting
 * a worker thread costs more than it saves.
 */
export const PARALLEL_MIN_BYTES = 32 << 20;
/** More parts than this gain little: the sums of each part are merged on one thread. */
const MAX_PARTS = 8;

/**
 * How many parts a file of `size` bytes is read in. Run from the sources, a worker thread must load tsx
 * and compile its modules first (about a second, measured): more than it saves, so one part.
 */
export function partsFor(size: number): number {
  if (size < PARALLEL_MIN_BYTES || import.meta.url.endsWith('.ts')) return 1;
  return Math.min(availableParallelism(), MAX_PARTS);
}

/**
 * Reads a BACI file in `parts` byte ranges at once, joined into what one pass gives, when that can be
 * vouched for (`vouchedFor`); otherwise, or with one part, in one pass on this thread. `progress` is told
 * of the bytes read so far (from 0 again when the file is read again).
 */
export async function readBaciFile(
  setup: RangeSetup,
  size: number,
  parts: number,
  progress: (done: number) => void,
): Promise<FileRead> {
  let done = 0;
  const onBytes = (bytes: number) => {
    done += bytes;
    progress(done);
  };
  const { path, head } = setup;
  const ranges =
    parts > 1 ? await cutRanges(path, head.header, head.delimiter.charCodeAt(0), size, parts) : [];
  if (ranges.length > 1) {
    const { reads, firstLines } = await readBaciInRanges(setup, ranges, onBytes);
    const joined = vouchedFor(reads, firstLines) ? joinReads(reads, setup.reporter) : undefined;
    if (joined && !('stop' in joined) && joined.exact) return joined;
    done = 0;
  }
  return joinReads(
    [await readBaciRange(setup, path, undefined, (chunk) => onBytes(chunk.length))],
    setup.reporter,
  );
}

/**
 * Reads byte ranges of a BACI file at once, the first on this thread and each other one in a worker
 * thread. Each range's lines are numbered from its first line, known once the line endings before it
 * are counted (each range counts its own, in parallel). `onBytes` is told of the bytes read as they are.
 */
export async function readBaciInRanges(
  setup: RangeSetup,
  ranges: readonly { start: number; end: number }[],
  onBytes: (bytes: number) => void,
): Promise<{ reads: RangeRead[]; firstLines: number[] }> {
  const workers: { worker: Worker; lines: Promise<number>; read: Promise<RangeRead> }[] = [];
  try {
    for (const [i, { start, end }] of ranges.entries()) {
      if (i === 0) continue;
      const job: RangeJob = { setup, start, end, count: i < ranges.length - 1 };
      workers.push(workerFor(startWorker(import.meta.url, 'rangeWorker', job), onBytes));
    }
    const first = ranges[0] as { start: number; end: number };
    const counts = await Promise.all([
      countLineEnds(setup.path, first.start, first.end),
      ...workers.slice(0, -1).map((w) => w.lines),
    ]);
    const firstLines = [1];
    for (const count of counts) firstLines.push((firstLines.at(-1) as number) + count);
    workers.forEach(({ worker }, i) => {
      worker.postMessage({ firstLine: firstLines[i + 1] });
    });
    const reads = await Promise.all([
      readBaciRange(setup, setup.path, { ...first, firstLine: 1 }, (chunk) => onBytes(chunk.length)),
      ...workers.map((w) => w.read),
    ]);
    return { reads, firstLines };
  } finally {
    // Ended already when all went well; stopped when one failed.
    for (const { worker } of workers) void worker.terminate();
  }
}

function workerFor(worker: Worker, onBytes: (bytes: number) => void) {
  const lines = settled<number>();
  const read = settled<RangeRead>();
  const fail = (error: unknown) => {
    lines.reject(error);
    read.reject(error);
  };
  worker.on('message', (message: RangeMessage) => {
    if (message.kind === 'lines') lines.resolve(message.lines);
    else if (message.kind === 'bytes') onBytes(message.bytes);
    else read.resolve(message.read);
  });
  worker.once('error', fail);
  // After the read is done, exiting is what the worker is meant to do; before it, a failure.
  worker.once('exit', (code) => fail(new Error(`a worker reading a range stopped (exit code ${code})`)));
  return { worker, lines: lines.promise, read: read.promise };
}

/** A promise with its ends, never left unobserved: it may be awaited late, or not at all. */
function settled<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** What a whole file gives, read in one range or several. */
export type FileRead =
  | { stop: Stop }
  | {
      rows: number;
      problems: Told<LineProblem>;
      readProblems: Told<LineProblem>;
      extract: BaciExtract;
      /** Whether the sums are exact (see `EXACT_LIMIT`). */
      exact: boolean;
    };

/** The reads of a file's ranges, in order, joined into what one pass over the whole file gives. */
export function joinReads(reads: readonly RangeRead[], reporter: string | undefined): FileRead {
  const stop = reads.find((read) => read.stop)?.stop;
  if (stop) return { stop };
  const { extract, isExact } = joinParts(
    reporter,
    reads.map((read) => read.sums),
  );
  return {
    rows: reads.reduce((sum, read) => sum + read.rows, 0),
    problems: joinTold(reads.map((read) => read.problems)),
    readProblems: joinTold(reads.map((read) => read.readProblems)),
    extract,
    exact: isExact,
  };
}

/**
 * Whether reads of a file's ranges, joined, are what one pass over the file gives. Not when a range
 * stopped, holds a record that may depend on one before it, or has sums that are not exact; when a
 * range's lines did not end where the next one's were counted to start; or when the pairs are not in
 * ascending order (one pass would look for repeats across ranges, or find a pair starting again).
 * Then the file is read again on one thread.
 */
export function vouchedFor(reads: readonly RangeRead[], firstLines: readonly number[]): boolean {
  let lastPair = -1;
  for (const [i, read] of reads.entries()) {
    if (read.stop || !read.standsAlone || !read.sums.exact || !read.pairs.ascending) return false;
    if (i < reads.length - 1 && read.nextLine !== firstLines[i + 1]) return false;
    if (read.pairs.first < 0) continue;
    if (read.pairs.first <= lastPair) return false;
    lastPair = read.pairs.last;
  }
  return true;
}

/**
 * The problems of ranges in order as one list keeps them. A range that counted more than it kept kept
 * PROBLEMS_PER_FILE, so the first ones of the whole are among those kept.
 */
function joinTold(parts: readonly Told<LineProblem>[]): Told<LineProblem> {
  return {
    first: parts.flatMap((part) => part.first).slice(0, PROBLEMS_PER_FILE),
    count: parts.reduce((sum, part) => sum + part.count, 0),
  };
}
