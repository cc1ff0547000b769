import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { countLineEnds } from './ranges.ts';
import { type RangeRead, type RangeSetup, readBaciRange } from './readRange.ts';

/** One range of a BACI file for a worker: it counts the range's lines if told, then reads it. */
export interface RangeJob {
  setup: RangeSetup;
  start: number;
  end: number;
  /** Whether the ranges after this one need its number of lines. */
  count: boolean;
}

export type RangeMessage =
  | { kind: 'lines'; lines: number }
  | { kind: 'bytes'; bytes: number }
  | { kind: 'done'; read: RangeRead };

const job = workerData as RangeJob;
const port = parentPort as MessagePort;
const post = (message: RangeMessage) => port.postMessage(message);

if (job.count) post({ kind: 'lines', lines: await countLineEnds(job.setup.path, job.start, job.end) });
// The number of the range's first line comes once the lines before it are counted.
port.once('message', async ({ firstLine }: { firstLine: number }) => {
  const range = { start: job.start, end: job.end, firstLine };
  const read = await readBaciRange(job.setup, job.setup.path, range, (chunk) =>
    post({ kind: 'bytes', bytes: chunk.length }),
  );
  // The sums' arrays are moved, not copied: the thread ends here, and the copies would double them.
  const moved = read.sums.years.flatMap((y) => [
    ...y.values,
    ...y.lines,
    ...y.headings.flatMap((h) => [h.cells, h.values, h.lines]),
  ]);
  port.postMessage({ kind: 'done', read } satisfies RangeMessage, [
    ...new Set(moved.map((array) => array.buffer as ArrayBuffer)),
  ]);
  port.close();
});
