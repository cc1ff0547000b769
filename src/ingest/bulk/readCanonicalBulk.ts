import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Problem } from '../../core/errors.ts';
import { inputMessages as m, progressMessages } from '../../core/messages.ts';
import { createProgress } from '../../core/progress.ts';
import type { AdapterContext } from '../adapter.ts';
import { createCanonicalReader } from '../adapters/canonical.ts';
import { createNumberFormatScan } from '../numberFormat.ts';
import type { CsvRow } from '../table.ts';
import { cleanRow, createTableRows } from '../tableRows.ts';
import { createCellSink } from './cellSink.ts';
import { sha256InBackground } from './hashInBackground.ts';
import { readLines, streamReader } from './readLines.ts';
import type { BulkInput, BulkRead } from './types.ts';

/**
 * Reads a large canonical file without holding its rows, in two passes over its bytes: the first finds
 * how the file writes numbers (as `numberFormatOf` does from a whole table), the second takes each row
 * as the small path does (`createTableRows`, then `createCanonicalReader`), so its problems read the
 * same, and keeps only the rows a briefing on the focus uses.
 */
export async function readCanonicalBulk(input: BulkInput, ctx: AdapterContext): Promise<BulkRead> {
  const { head, member } = input;
  const { file } = head;
  // A file is hashed on another core while it is parsed; an archive member as it is inflated.
  const hashing = member ? undefined : sha256InBackground(input.path);
  // Never left unobserved: the parse may end first with a problem.
  hashing?.catch(() => undefined);
  const memberHash = member && createHash('sha256');
  const size = member?.size ?? (await stat(input.path)).size;
  const progress = createProgress(progressMessages.reading(file), 2 * size);
  let done = 0;

  /** One pass: each row below the header to `onRow`, title lines and rows checked into `report`. */
  const pass = async (
    onRow: (row: CsvRow) => void,
    report: (problem: Problem) => void,
    onChunk?: (chunk: Buffer) => void,
  ) => {
    const rows = createTableRows(file, head.header, report, onRow);
    const sink = createCellSink(head, (cells, line) => {
      if (line > head.headerLine) rows.add({ line, cells });
      else if (line < head.headerLine) cleanRow(file, { line, cells }, [], report);
    });
    const source = member ? streamReader(await member.open()) : input.path;
    const ended = await readLines(source, head.delimiter.charCodeAt(0), sink, {
      ...(input.chunkBytes ? { chunkBytes: input.chunkBytes } : {}),
      onChunk: (chunk) => {
        onChunk?.(chunk);
        done += chunk.length;
        progress.update(done);
      },
    });
    const stop = 'message' in ended ? ended : undefined;
    return { stop, notes: rows.end(), encoding: sink.encoding() };
  };

  // 1. How the file writes numbers, from every row of it.
  const numbers = createNumberFormatScan(head.delimiter);
  const first = await pass(
    (row) => numbers.add(row.cells),
    () => undefined,
    (chunk) => memberHash?.update(chunk),
  );
  // 2. Every row checked; the focus's rows kept.
  let rows = 0;
  let tableProblems = 0;
  const reader = createCanonicalReader(head, { ...ctx, numbers: numbers.result() });
  const second = first.stop
    ? first
    : await pass(
        (row) => {
          rows += 1;
          reader.row(row);
        },
        (problem) => {
          tableProblems += 1;
          input.readProblems.add(problem);
        },
      );
  progress.finish();
  if (second.stop) return { stop: { file, line: second.stop.line, message: second.stop.message } };
  if (rows === 0 && tableProblems === 0)
    input.readProblems.add({ file, line: head.headerLine, message: m.headerOnly() });
  for (const line of second.notes) ctx.reject(line, m.asideNote());
  return {
    sha256: memberHash ? memberHash.digest('hex') : await (hashing as Promise<string>),
    rows: rows + second.notes.length,
    read: reader.records(),
    encoding: second.encoding,
  };
}
