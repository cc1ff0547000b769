import type { Problem } from '../../core/errors.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type CsvRow, type ReadResult, withoutTrailingEmpty } from '../readCsv.ts';
import type { Encoding } from '../sniffText.ts';

/**
 * What a page or a sheet shows, in document order: rows of its tables (`table` tells which table) and
 * lines of text around them (`table` -1: titles such as "Values in US$ Million", notes, footers).
 */
export interface GridRecord extends CsvRow {
  table: number;
}

/**
 * The table of a page or sheet, as `readCsv` gives a delimited file's: the header is the first table
 * row `isHeader` accepts; every line and row above it is a title line; the rows are those of the
 * header's table below it. A row shorter than the header ends in empty cells (a browser or spreadsheet
 * shows them so); one longer is reported. Text after the table (a "DOC-NIC" footer) is not part of it.
 */
export function tableOfGrid(
  file: string,
  records: GridRecord[],
  isHeader: (cells: string[]) => boolean,
  encoding?: Encoding,
): ReadResult {
  const rows = records.filter((r) => r.table >= 0 && r.cells.some((cell) => cell !== ''));
  if (rows.length === 0) return { problems: [{ file, message: m.noTableInPage() }] };
  const headerRow = rows.find((r) => isHeader(r.cells)) ?? (rows[0] as GridRecord);
  const headerAt = records.indexOf(headerRow);
  const header = withoutTrailingEmpty(headerRow.cells, 0);
  const problems: Problem[] = [];
  const data: CsvRow[] = [];
  for (const row of records.slice(headerAt + 1)) {
    if (row.table !== headerRow.table || row.cells.every((cell) => cell === '')) continue;
    const cells = withoutTrailingEmpty(row.cells, header.length);
    if (cells.length > header.length)
      problems.push({ file, line: row.line, message: m.ragged(header.length, cells.length) });
    else
      data.push({
        line: row.line,
        cells: [...cells, ...Array<string>(header.length - cells.length).fill('')],
      });
  }
  if (data.length === 0 && problems.length === 0)
    problems.push({ file, line: headerRow.line, message: m.headerOnly() });
  const preamble = records
    .slice(0, headerAt)
    .map((r) => r.cells.filter(Boolean).join(' '))
    .filter(Boolean);
  const table = { file, preamble, header, headerLine: headerRow.line, rows: data };
  return { table: encoding ? { ...table, encoding } : table, problems };
}
