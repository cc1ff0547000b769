import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { CsvError, parse } from 'csv-parse';
import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';

export interface CsvRow {
  /** 1-based line of the record in the file. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The file as the user named it (relative to the inputs folder). */
  file: string;
  header: string[];
  rows: CsvRow[];
}

/** A record longer than this is not a CSV line but a broken file: stop before memory grows. */
export const MAX_RECORD_BYTES = 1 << 20;
const SNIFF_BYTES = 64 * 1024;

/** Reads a whole CSV file; problems that stop it are returned, never thrown, so all files get reported. */
export async function readCsv(path: string, file: string): Promise<{ table?: CsvTable; problem?: Problem }> {
  const sniffed = await sniff(path);
  if (sniffed) return { problem: { file, message: sniffed } };
  const header: string[] = [];
  const rows: CsvRow[] = [];
  const parser = createReadStream(path).pipe(
    parse({
      bom: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (record.some((cell) => cell.includes('\uFFFD')))
        return { problem: { file, line: info.lines, message: m.notUtf8() } };
      if (header.length === 0) header.push(...record);
      else rows.push({ line: info.lines, cells: record });
    }
  } catch (error) {
    if (error instanceof CsvError)
      return { problem: { file, line: lineOf(error), message: describe(error) } };
    throw error;
  }
  if (header.length === 0) return { problem: { file, message: m.emptyFile() } };
  if (rows.length === 0) return { problem: { file, line: 1, message: m.headerOnly() } };
  return { table: { file, header, rows } };
}

/** Binary files and other encodings are named before csv-parse turns them into nonsense. */
async function sniff(path: string): Promise<string | undefined> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head.includes(0)) return m.notText();
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      return m.notUtf8();
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

function lineOf(error: CsvError): number | undefined {
  const lines = (error as CsvError & { lines?: number }).lines;
  return typeof lines === 'number' ? lines : undefined;
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return m.unclosedQuote();
    case 'CSV_MAX_RECORD_SIZE':
      return m.lineTooLong(MAX_RECORD_BYTES);
    default:
      return m.csvSyntax(error.message.replace(/^Invalid [^:]*: /, ''));
  }
}
