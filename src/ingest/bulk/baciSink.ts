import { isAscii } from 'node:buffer';
import { CsvError, parse } from 'csv-parse/sync';
import { inputMessages as m } from '../../core/messages.ts';
import { baciCellsOf, baciColumnIndex } from '../adapters/baci.ts';
import type { BaciReader } from '../adapters/baciReader.ts';
import { decodeBytes } from '../decodeText.ts';
import {
  type CsvHead,
  crlfAsLineFeed,
  csvOptions,
  describeCsvError,
  withoutTrailingEmpty,
} from '../readCsv.ts';
import type { SniffedEncoding } from '../sniffText.ts';
import { createFastBaciLine } from './fastBaciLine.ts';
import type { RecordSink, Stop } from './readLines.ts';

const QUOTE = 34;

/**
 * Where the records of a BACI file go, after its header: plainly valid lines are parsed from their
 * bytes; any other record goes through csv-parse and then `parseBaciRow`, exactly as on the small path,
 * so its problems read the same (ragged rows to `readProblem`, bad cells to the reader's).
 */
export function createBaciSink(
  head: CsvHead,
  reader: BaciReader,
  readProblem: (line: number, message: string) => void,
): RecordSink & { readonly rows: number; readonly standsAlone: boolean } {
  const width = head.header.length;
  const index = baciColumnIndex(head.header);
  const fast = createFastBaciLine(head.header, head.delimiter.charCodeAt(0));
  let rows = 0;
  // Plain lines are ASCII: the first record with other bytes tells UTF-8 from Windows-1252, as in readCsv.
  let encoding: SniffedEncoding = head.encoding === 'utf-8-bom' ? 'utf-8' : 'utf-8-or-windows-1252';
  // Whether every record so far reads the same wherever the reading started: one with a quote may have
  // begun earlier, and the first one with other bytes than ASCII decides the encoding of the rest.
  let standsAlone = true;

  const slowRecord = (bytes: Buffer, firstLine: number): Stop | undefined => {
    if (standsAlone && (bytes.includes(QUOTE) || !isAscii(bytes))) standsAlone = false;
    const decoded = decodeBytes(bytes, encoding);
    if ('message' in decoded) return { line: firstLine + decoded.line - 1, message: decoded.message };
    encoding = decoded.encoding;
    let records: { record: string[]; info: { lines: number } }[];
    try {
      // csv-parse types its result loosely: with `info`, each record comes with the line it ends on.
      const options = { ...csvOptions(head.delimiter), bom: false };
      records = parse(crlfAsLineFeed(decoded.text), options) as unknown as typeof records;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      return csvStop(error, firstLine);
    }
    for (const { record, info } of records) {
      const line = firstLine + info.lines - 1;
      if (line <= head.headerLine) continue;
      const cells = withoutTrailingEmpty(record, width);
      if (cells.length !== width) {
        readProblem(line, m.ragged(width, cells.length));
        continue;
      }
      rows += 1;
      reader.cells(baciCellsOf(cells, index), line);
    }
    return undefined;
  };

  return {
    get rows() {
      return rows;
    },
    get standsAlone() {
      return standsAlone;
    },
    plain(data, start, line) {
      if (line <= head.headerLine) return -1;
      const next = fast.parse(data, start, line);
      if (next >= 0) {
        rows += 1;
        reader.row(fast.row);
      }
      return next;
    },
    line: (data, start, end, line) => slowRecord(data.subarray(start, end), line),
    quoted: slowRecord,
  };
}

/** csv-parse's error on one record, placed in the file: its lines count from the record's first line. */
export function csvStop(error: CsvError, firstLine: number): Stop {
  const lines = (error as CsvError & { lines?: number }).lines ?? 1;
  const line = firstLine + lines - 1;
  return { line, message: describeCsvError(error).replace(/\bat line \d+/, `at line ${line}`) };
}
