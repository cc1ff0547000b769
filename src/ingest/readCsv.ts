import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CsvError, type Options, parse } from 'csv-parse';
import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { type Delimiter, type Encoding, sniffText } from './sniffText.ts';

export interface CsvRow {
  /** 1-based line of the record in the file. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** The file as the user named it (relative to the inputs folder). */
  file: string;
  /** Title lines above the header row, as publishers write them ("Values in US$ Million"). */
  preamble: string[];
  header: string[];
  /** Line of the header row. */
  headerLine: number;
  rows: CsvRow[];
}

export interface ReadResult {
  table?: CsvTable;
  problems: Problem[];
}

/** A file's title lines and header, read without its rows (for files read on by a bulk reader). */
export type CsvHead = Omit<CsvTable, 'rows'> & { delimiter: Delimiter; encoding: Encoding };

/** A record longer than this is not a CSV line but a broken file: stop before memory grows. */
export const MAX_RECORD_BYTES = 1 << 20;
/** Title lines allowed above the header row. */
const MAX_PREAMBLE = 30;
const HEAD_CHUNK_BYTES = 4096;

/**
 * Reads a whole delimited text file. The header is the first record `isHeader` accepts among the
 * first lines (downloads often start with title lines), else the first record. Rows whose field count
 * differs from the header's are reported, all of them, and left out. Problems are returned, never
 * thrown, so every file gets reported.
 */
export async function readCsv(
  path: string,
  file: string,
  isHeader: (cells: string[]) => boolean = () => true,
): Promise<ReadResult> {
  const read = await readRecords(path, file, isHeader, false);
  if ('problems' in read) return read;
  return splitTable(file, read.records, read.headerIndex);
}

/** The title lines and header of a file, as `readCsv` finds them, without reading its rows. */
export async function readHead(
  path: string,
  file: string,
  isHeader: (cells: string[]) => boolean,
): Promise<{ head?: CsvHead; problems: Problem[] }> {
  const read = await readRecords(path, file, isHeader, true);
  if ('problems' in read) return read;
  const { records, headerIndex, delimiter, encoding } = read;
  const headerRow = records[headerIndex] as CsvRow;
  return {
    head: {
      file,
      preamble: preambleOf(records, headerIndex),
      header: withoutTrailingEmpty(headerRow.cells, 0),
      headerLine: headerRow.line,
      delimiter,
      encoding,
    },
    problems: [],
  };
}

/** The file's records, up to the header only when `headOnly`; the header's index among them. */
async function readRecords(
  path: string,
  file: string,
  isHeader: (cells: string[]) => boolean,
  headOnly: boolean,
): Promise<
  | { records: CsvRow[]; headerIndex: number; delimiter: Delimiter; encoding: Encoding }
  | { problems: Problem[] }
> {
  const sniffed = await sniffText(path);
  if ('problem' in sniffed) return { problems: [{ file, message: sniffed.problem }] };
  const records: CsvRow[] = [];
  let headerIndex: number | undefined;
  // The header is within the first lines: a head read takes small chunks, so little is parsed past it.
  const source = createReadStream(path, headOnly ? { highWaterMark: HEAD_CHUNK_BYTES } : {});
  const parser = source.pipe(parse(csvOptions(sniffed.delimiter)));
  const stop = () => {
    parser.destroy();
    source.destroy();
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (record.some((cell) => cell.includes('\uFFFD'))) {
        stop();
        return { problems: [{ file, line: info.lines, message: m.notUtf8() }] };
      }
      records.push({ line: info.lines, cells: record });
      if (headerIndex === undefined && records.length <= MAX_PREAMBLE && isHeader(record))
        headerIndex = records.length - 1;
      if (headOnly && (headerIndex !== undefined || records.length === MAX_PREAMBLE)) {
        stop();
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return {
      problems: [{ file, line: await lineOf(error, path, records), message: describeCsvError(error) }],
    };
  }
  if (records.length === 0) return { problems: [{ file, message: m.emptyFile() }] };
  return { records, headerIndex: headerIndex ?? 0, ...sniffed };
}

/** csv-parse as every reader of delimited text uses it (DESIGN.md says why each option). */
export function csvOptions(delimiter: Delimiter): Options & { info: true } {
  return {
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    info: true,
    max_record_size: MAX_RECORD_BYTES,
  };
}

function splitTable(file: string, records: CsvRow[], headerIndex: number): ReadResult {
  const headerRow = records[headerIndex] as CsvRow;
  const header = withoutTrailingEmpty(headerRow.cells, 0);
  const problems: Problem[] = [];
  const rows: CsvRow[] = [];
  for (const row of records.slice(headerIndex + 1)) {
    // A trailing delimiter (Trade Map, some spreadsheet exports) adds empty cells, not data.
    const cells = withoutTrailingEmpty(row.cells, header.length);
    if (cells.length === header.length) rows.push({ line: row.line, cells });
    else problems.push({ file, line: row.line, message: m.ragged(header.length, cells.length) });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ file, line: headerRow.line, message: m.headerOnly() });
  const preamble = preambleOf(records, headerIndex);
  return { table: { file, preamble, header, headerLine: headerRow.line, rows }, problems };
}

function preambleOf(records: CsvRow[], headerIndex: number): string[] {
  return records.slice(0, headerIndex).map((r) => r.cells.filter(Boolean).join(' '));
}

/** A row's cells less the empty ones a trailing delimiter adds, down to `keep` cells. */
export function withoutTrailingEmpty(cells: string[], keep: number): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1] === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

/** Where the broken record starts: csv-parse reports where it gave up, the end of the file for a quote. */
async function lineOf(error: CsvError, path: string, records: CsvRow[]): Promise<number | undefined> {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return firstLineAfter(path, records.at(-1)?.line ?? 0);
  const lines = (error as CsvError & { lines?: number }).lines;
  return typeof lines === 'number' ? lines : undefined;
}

export function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return m.unclosedQuote();
    case 'CSV_MAX_RECORD_SIZE':
      return m.lineTooLong(MAX_RECORD_BYTES);
    default:
      return m.csvSyntax(error.message.replace(/^Invalid [^:]*: /, ''));
  }
}

/** The first non-blank line after `line`, read lazily so a large file is not read to its end. */
async function firstLineAfter(path: string, line: number): Promise<number> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const text of lines) {
      n += 1;
      if (n > line && text.trim() !== '') return n;
    }
  } finally {
    lines.close();
  }
  return line + 1;
}
