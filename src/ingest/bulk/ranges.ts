import { open } from 'node:fs/promises';
import { createFastBaciLine } from './fastBaciLine.ts';

const LF = 10;
const CR = 13;
/** Bytes looked through for a cut: BACI's largest pair (some 5,000 products) takes about 200 KB. */
const WINDOW_BYTES = 1 << 20;
/** Bytes counted at a time. */
const COUNT_CHUNK_BYTES = 4 << 20;

/**
 * Cuts a BACI file of `size` bytes into at most `parts` byte ranges of about equal size, each cut
 * where one exporter–importer pair's rows end and the next pair's begin: between two plainly valid
 * lines (each ending with LF) of different year, exporter or importer. So no pair, and no repeat,
 * spans two ranges. A cut with no such place in its window is left out (fewer, larger ranges).
 */
export async function cutRanges(
  path: string,
  header: readonly string[],
  delimiter: number,
  size: number,
  parts: number,
): Promise<{ start: number; end: number }[]> {
  const cuts = [0];
  const handle = await open(path, 'r');
  try {
    const window = Buffer.allocUnsafe(WINDOW_BYTES);
    for (let part = 1; part < parts; part++) {
      const from = Math.floor((size * part) / parts);
      if (from <= (cuts.at(-1) as number)) continue;
      const { bytesRead } = await handle.read(window, 0, WINDOW_BYTES, from);
      const cut = pairBoundary(window.subarray(0, bytesRead), header, delimiter);
      if (cut >= 0) cuts.push(from + cut);
    }
  } finally {
    await handle.close();
  }
  return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size }));
}

/** The first line start in `data` (after its first LF) where a pair begins, or -1. */
function pairBoundary(data: Buffer, header: readonly string[], delimiter: number): number {
  const fast = createFastBaciLine(header, delimiter);
  let previous = -1;
  let pos = data.indexOf(LF) + 1;
  while (pos > 0 && pos < data.length) {
    const next = fast.parse(data, pos, 0);
    if (next < 0) {
      previous = -1;
      pos = data.indexOf(LF, pos) + 1;
      continue;
    }
    const { year, exporter, importer } = fast.row;
    const key = (year * 10_000 + exporter) * 10_000 + importer;
    if (previous >= 0 && key !== previous) return pos;
    previous = data[next - 1] === LF ? key : -1;
    pos = next;
  }
  return -1;
}

/**
 * The line endings in bytes [start, end) of a file, as `readLines` counts them outside quotes: each LF,
 * CRLF and lone CR. (A range is only trusted when it holds no quote: see `readBaciInRanges`.)
 */
export async function countLineEnds(
  path: string,
  start: number,
  end: number,
  chunkBytes: number = COUNT_CHUNK_BYTES,
): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let count = 0;
    let afterCr = false;
    for (let position = start; position < end; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(chunkBytes, end - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data = buffer.subarray(0, bytesRead);
      for (let i = data.indexOf(LF); i >= 0; i = data.indexOf(LF, i + 1)) count += 1;
      // A CR counts unless a LF follows it (then the LF counted already), also across chunks.
      if (afterCr && data[0] === LF) count -= 1;
      for (let i = data.indexOf(CR); i >= 0; i = data.indexOf(CR, i + 1)) {
        if (data[i + 1] !== LF) count += 1;
      }
      afterCr = data[bytesRead - 1] === CR;
    }
    return count;
  } finally {
    await handle.close();
  }
}
