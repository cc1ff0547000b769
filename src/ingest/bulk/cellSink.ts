import { CsvError, parse } from 'csv-parse/sync';
import { decodeBytes, settledEncoding } from '../decodeText.ts';
import { type CsvHead, crlfAsLineFeed, csvOptions } from '../readCsv.ts';
import type { Encoding, SniffedEncoding } from '../sniffText.ts';
import { csvStop } from './baciSink.ts';
import type { RecordSink, Stop } from './readLines.ts';

const LF = 10;
const CR = 13;
const TAB = 9;
const QUOTE = 34;

/**
 * Where the records of a delimited file go, split into cells as csv-parse splits them (the options of
 * `csvOptions`: cells trimmed, records with no value skipped): a line of printable ASCII without quotes
 * is split from its bytes; any other record (quotes, other bytes, a lone CR) goes through csv-parse.
 * Each record reaches `onRecord` with the line it ends on, as csv-parse counts lines.
 */
export function createCellSink(
  head: CsvHead,
  onRecord: (cells: string[], line: number) => void,
): RecordSink & { encoding(): Encoding } {
  const delimiter = head.delimiter;
  const tabs = delimiter === '\t';
  // Plain lines are ASCII: the first record with other bytes tells UTF-8 from Windows-1252, as in readCsv.
  let encoding: SniffedEncoding = head.encoding === 'utf-8-bom' ? 'utf-8' : 'utf-8-or-windows-1252';

  const take = (cells: string[], line: number) => {
    if (cells.some((cell) => cell !== '')) onRecord(cells, line);
  };

  const parsed = (bytes: Buffer, firstLine: number): Stop | undefined => {
    const decoded = decodeBytes(bytes, encoding);
    if ('message' in decoded) return { line: firstLine + decoded.line - 1, message: decoded.message };
    encoding = decoded.encoding;
    let records: { record: string[]; info: { lines: number } }[];
    try {
      // csv-parse types its result loosely: with `info`, each record comes with the line it ends on.
      records = parse(crlfAsLineFeed(decoded.text), {
        ...csvOptions(delimiter),
        bom: false,
      }) as unknown as typeof records;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      return csvStop(error, firstLine);
    }
    for (const { record, info } of records) take(record, firstLine + info.lines - 1);
    return undefined;
  };

  return {
    encoding: () => (head.encoding === 'utf-8-bom' ? head.encoding : settledEncoding(encoding)),
    plain(data, start, line) {
      let i = start;
      for (; i < data.length; i++) {
        const c = data[i] as number;
        if (c === LF) break;
        if (c === CR && data[i + 1] === LF) break;
        if (c === QUOTE || c > 126 || (c < 32 && !(tabs && c === TAB))) return -1;
      }
      // The line's end is in the next chunk (or the file has none): the other paths find it.
      if (i >= data.length || i === start) return -1;
      take(
        data
          .toString('latin1', start, i)
          .split(delimiter)
          .map((cell) => cell.trim()),
        line,
      );
      return data[i] === CR ? i + 2 : i + 1;
    },
    line: (data, start, end, line) => parsed(data.subarray(start, end), line),
    quoted: parsed,
  };
}
