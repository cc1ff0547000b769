import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CsvError, type Options, Parser } from 'csv-parse';
import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { createTextDecoding, type DecodeStop, settledEncoding } from './decodeText.ts';
import { fileFault } from './fileFault.ts';
import { createPlainCsv } from './plainCsv.ts';
import { type Delimiter, type Encoding, SNIFF_BYTES, type SniffedEncoding, sniffText } from './sniffText.ts';
import { type CsvRow, type CsvTable, type ReadResult, withoutTrailingEmpty } from './table.ts';
import { tableOfRecords } from './tableOfRecords.ts';

export type { CsvRow, CsvTable, ReadResult } from './table.ts';
export { withoutTrailingEmpty } from './table.ts';

/** A file's title lines and header, read without its rows (for files read on by a bulk reader). */
export type CsvHead = Omit<CsvTable, 'rows'> & { delimiter: Delimiter; encoding: Encoding };

/** Whether a record could be the header row (the first one accepted among the first lines is). */
export type IsHeader = (cells: string[]) => boolean;

/** A record longer than this is not a CSV line but a broken file: stop before memory grows. */
export const MAX_RECORD_BYTES = 1 << 20;
/** Title lines allowed above the header row. */
const MAX_PREAMBLE = 30;
const HEAD_CHUNK_BYTES = 4096;

/** Where a table's bytes come from: a file on disk, or bytes already in memory (an archive's member). */
interface ByteSource {
  /** The first bytes, for sniffing. */
  head(): Promise<Uint8Array>;
  /** All the bytes, in chunks (small ones when only the head is wanted). */
  chunks(small: boolean): AsyncIterable<Uint8Array>;
}

/**
 * Reads a whole delimited text file. The header is the first record `isHeader` accepts among the
 * first lines (downloads often start with title lines), else the first record. Rows whose field count
 * differs from the header's are reported, all of them, and left out. Problems are returned, never
 * thrown, so every file gets reported.
 */
export async function readCsv(
  path: string,
  file: string,
  isHeader: IsHeader = () => true,
): Promise<ReadResult> {
  return readTable(fileSource(path), file, isHeader);
}

/**
 * `readCsv` for bytes already in memory (a member of an archive, a download held in memory): the same
 * decoding, parsing and checks, with line numbers counted in these bytes.
 */
export async function readTableFromBytes(
  bytes: Uint8Array,
  file: string,
  isHeader: IsHeader = () => true,
): Promise<ReadResult> {
  return readTable(bytesSource(bytes), file, isHeader);
}

/**
 * A table from records already split into cells (a spreadsheet's rows, an HTML table's), with the
 * checks every table gets: the header found among the first records, ragged rows reported.
 */
export function tableFromRecords(
  file: string,
  records: CsvRow[],
  isHeader: IsHeader,
  read: { encoding: Encoding; delimiter: Delimiter },
): ReadResult {
  if (records.length === 0) return { problems: [{ file, message: m.emptyFile() }] };
  return tableOfRecords(file, records, headerIndexOf(records, isHeader), read);
}

/** The first record `isHeader` accepts among the first lines, else the first record. */
function headerIndexOf(records: CsvRow[], isHeader: IsHeader): number {
  return Math.max(
    records.slice(0, MAX_PREAMBLE).findIndex((r) => isHeader(r.cells)),
    0,
  );
}

/** The title lines and header of a file, as `readCsv` finds them, without reading its rows. */
export async function readHead(
  path: string,
  file: string,
  isHeader: IsHeader,
): Promise<{ head?: CsvHead; problems: Problem[] }> {
  const read = await readRecords(fileSource(path), file, isHeader, { headOnly: true, quotes: true });
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

async function readTable(source: ByteSource, file: string, isHeader: IsHeader): Promise<ReadResult> {
  let read = await readRecords(source, file, isHeader, { headOnly: false, quotes: true });
  // Trade Map's text export doubles the quotes in a label without enclosing it ("""Light oils …
  // ""incl. …"). Its fields are split by tabs alone, which no label holds.
  if ('quoteBroken' in read)
    read = await readRecords(source, file, isHeader, { headOnly: false, quotes: false });
  if ('problems' in read) return read;
  return tableOfRecords(file, read.records, read.headerIndex, read);
}

function fileSource(path: string): ByteSource {
  return {
    async head() {
      const handle = await open(path, 'r');
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    // The header is within the first lines: a head read takes small chunks, so little is parsed past it.
    chunks: (small) => createReadStream(path, small ? { highWaterMark: HEAD_CHUNK_BYTES } : {}),
  };
}

function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    head: async () => bytes.subarray(0, SNIFF_BYTES),
    async *chunks(small) {
      const size = small ? HEAD_CHUNK_BYTES : SNIFF_BYTES;
      for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
    },
  };
}

/** A byte that fits no encoding stops the parse; it carries its line. */
class DecodeError extends Error {
  constructor(readonly stop: DecodeStop) {
    super(stop.message);
  }
}

/**
 * The file's records, up to the header only when `headOnly`; the header's index among them. Without
 * `quotes`, a quote is a character like any other, and a field's quotes written twice are one.
 * `quoteBroken`: a tab-separated file with text after a closing quote, to be read without quotes.
 */
async function readRecords(
  source: ByteSource,
  file: string,
  isHeader: IsHeader,
  { headOnly, quotes }: { headOnly: boolean; quotes: boolean },
): Promise<
  | { records: CsvRow[]; headerIndex: number; delimiter: Delimiter; encoding: Encoding }
  | { problems: Problem[]; quoteBroken?: true }
> {
  let head: Uint8Array;
  try {
    head = await source.head();
  } catch (error) {
    return { problems: [{ file, message: fileFault(error) }] };
  }
  const sniffed = sniffText(head);
  if ('problem' in sniffed) return { problems: [{ file, message: sniffed.problem }] };
  if (!headOnly && quotes) {
    const plain = await plainRecords(source, sniffed);
    if (plain?.records.length === 0) return { problems: [{ file, message: m.emptyFile() }] };
    if (plain) {
      return { ...plain, headerIndex: headerIndexOf(plain.records, isHeader), delimiter: sniffed.delimiter };
    }
  }
  const decoding = createTextDecoding(sniffed.encoding);
  const records: CsvRow[] = [];
  let headerIndex: number | undefined;
  const text = Readable.from(decoded(source.chunks(headOnly), decoding));
  const parser = new LineParser({
    ...csvOptions(sniffed.delimiter),
    info: false,
    ...(quotes ? {} : { quote: false }),
  });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  const stop = () => {
    parser.destroy();
    text.destroy();
  };
  try {
    // Taken as they come: awaiting each record (a promise apiece) costs a tenth of the parse.
    await new Promise<void>((resolve, reject) => {
      parser.on('data', ({ record, line }: LineRecord) => {
        if (parser.destroyed) return;
        try {
          records.push({ line, cells: quotes ? record : record.map(undoubleQuotes) });
          if (headerIndex === undefined && records.length <= MAX_PREAMBLE && isHeader(record))
            headerIndex = records.length - 1;
        } catch (error) {
          stop();
          reject(error);
          return;
        }
        if (headOnly && (headerIndex !== undefined || records.length === MAX_PREAMBLE)) {
          stop();
          resolve();
        }
      });
      parser.on('end', resolve);
      parser.on('error', reject);
      // A close before the end with no error (for-await's premature close); after an end or a stop, a no-op.
      parser.on('close', () => reject(new Error('the CSV parser closed before the end of the file')));
    });
  } catch (error) {
    if (error instanceof DecodeError) return { problems: [{ file, ...error.stop }] };
    if (!(error instanceof CsvError)) return { problems: [{ file, message: fileFault(error) }] };
    const line = await lineOf(error, records, source, sniffed.encoding);
    const problems = [{ file, line, message: describeCsvError(error) }];
    return sniffed.delimiter === '\t' && quotes && QUOTE_ERRORS.has(error.code)
      ? { problems, quoteBroken: true }
      : { problems };
  }
  if (records.length === 0) return { problems: [{ file, message: m.emptyFile() }] };
  return {
    records,
    headerIndex: headerIndex ?? 0,
    delimiter: sniffed.delimiter,
    encoding: settledEncoding(decoding.encoding()),
  };
}

/**
 * The file's records as `createPlainCsv` reads them, or undefined for csv-parse to read the file (and
 * report what is wrong with it, a byte or a read that fails included).
 */
async function plainRecords(
  source: ByteSource,
  sniffed: { encoding: SniffedEncoding; delimiter: Delimiter },
): Promise<{ records: CsvRow[]; encoding: Encoding } | undefined> {
  const plain = createPlainCsv(sniffed.delimiter);
  if (!plain) return undefined;
  const decoding = createTextDecoding(sniffed.encoding);
  try {
    for await (const text of decoded(source.chunks(false), decoding))
      if (!plain.write(text)) return undefined;
  } catch {
    return undefined;
  }
  const records = plain.end();
  return records && { records, encoding: settledEncoding(decoding.encoding()) };
}

/**
 * Text as csv-parse is given it, each CRLF a line feed: csv-parse counts a CRLF inside a quoted cell as
 * two lines, and would name every record after it one line too far down (a cell's line break is "\n").
 */
export function crlfAsLineFeed(text: string): string {
  return text.includes('\r\n') ? text.replaceAll('\r\n', '\n') : text;
}

/** The text of the chunks, each CRLF a line feed (`crlfAsLineFeed`), also where a chunk ends between them. */
async function* decoded(chunks: AsyncIterable<Uint8Array>, decoding: ReturnType<typeof createTextDecoding>) {
  const lineFeeds = createCrlfFolding();
  for await (const chunk of chunks) {
    const text = decoding.write(chunk);
    if (typeof text !== 'string') throw new DecodeError(text);
    const folded = lineFeeds(text, false);
    if (folded !== '') yield folded;
  }
  const rest = decoding.end();
  if (typeof rest !== 'string') throw new DecodeError(rest);
  const folded = lineFeeds(rest, true);
  if (folded !== '') yield folded;
}

/** Folds CRLF to LF across texts given in turn: a CR at the end is held back, its LF may come next. */
function createCrlfFolding(): (text: string, last: boolean) => string {
  let held = '';
  return (text, last) => {
    const joined = held + text;
    held = !last && joined.endsWith('\r') ? '\r' : '';
    return crlfAsLineFeed(held ? joined.slice(0, -1) : joined);
  };
}

interface LineRecord {
  record: string[];
  /** The line the record ends on, as csv-parse counts lines. */
  line: number;
}

/**
 * csv-parse's parser, each record with the line it ends on: what its `info` option gives, without
 * the copy of all its other counts it makes for every record (a sixth of the parse).
 */
class LineParser extends Parser {
  override push(record: unknown): boolean {
    return super.push(
      record === null ? null : ({ record: record as string[], line: this.info.lines } satisfies LineRecord),
    );
  }
}

/** csv-parse's errors for text after a closing quote, or a quote inside a field. */
const QUOTE_ERRORS = new Set([
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
  'INVALID_OPENING_QUOTE',
]);

/** A field read without quotes: enclosed in quotes, they are taken off; quotes written twice are one. */
function undoubleQuotes(cell: string): string {
  const enclosed = /^"((?:[^"]|"")*)"$/.exec(cell);
  return (enclosed ? (enclosed[1] as string) : cell).replaceAll('""', '"');
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

function preambleOf(records: CsvRow[], headerIndex: number): string[] {
  return records.slice(0, headerIndex).map((r) => r.cells.filter(Boolean).join(' '));
}

/**
 * Where the broken record is. csv-parse reports where it gave up: for a quote never closed, that is the
 * end of the file, so the record after the last whole one is named instead.
 */
async function lineOf(
  error: CsvError,
  records: CsvRow[],
  source: ByteSource,
  encoding: SniffedEncoding,
): Promise<number | undefined> {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED')
    return firstLineAfter(source, encoding, records.at(-1)?.line ?? 0);
  const lines = (error as CsvError & { lines?: number }).lines;
  return typeof lines === 'number' ? lines : undefined;
}

/** The first non-blank line after `line`, read again in chunks, so a large file is not held whole. */
async function firstLineAfter(source: ByteSource, encoding: SniffedEncoding, line: number): Promise<number> {
  let carry = '';
  let n = 0;
  try {
    for await (const chunk of decoded(source.chunks(false), createTextDecoding(encoding))) {
      const text = carry + chunk;
      // A CR at the end may be the first half of a CRLF.
      const held = text.endsWith('\r') ? 1 : 0;
      const lines = text.slice(0, text.length - held).split(/\r\n|\n|\r/);
      carry = `${lines.pop() ?? ''}${held ? '\r' : ''}`;
      for (const part of lines) {
        n += 1;
        if (n > line && part.trim() !== '') return n;
      }
    }
  } catch {
    // The bytes were read once already: a second read that fails names no other line.
  }
  return line + 1;
}

/** Every csv-parse error the options above allow, in words; an option error is a fault of ours. */
export function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return m.unclosedQuote();
    case 'CSV_MAX_RECORD_SIZE':
      return m.lineTooLong(MAX_RECORD_BYTES);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return m.textAfterQuote();
    case 'INVALID_OPENING_QUOTE':
      return m.quoteInField();
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return m.raggedRecord();
    default:
      throw error;
  }
}
