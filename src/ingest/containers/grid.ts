import { inputMessages as m } from '../../core/messages.ts';
import type { Encoding } from '../sniffText.ts';
import { type CsvRow, type ReadResult, withoutTrailingEmpty } from '../table.ts';
import { tableOfRecords } from '../tableOfRecords.ts';

/**
 * What a page or a sheet shows, in document order: rows of its tables (`table` tells which table) and
 * lines of text around them (`table` -1: titles such as "Values in US$ Million", notes, footers).
 */
export interface GridRecord extends CsvRow {
  table: number;
}

/**
 * The table of a page or sheet, read as the reading core reads a delimited file's records: the header
 * is the first table row `isHeader` accepts; every line and row above it is a title line; the rows are
 * those of the header's table below it, notes and footers at its end set aside. A row shorter than the
 * header ends in empty cells (a browser or spreadsheet shows them so); one longer is reported. Text
 * after the table (EIDB's "DOC-NIC") is not part of it. `encoding`: the page's; a workbook's XML is UTF-8.
 */
export function tableOfGrid(
  file: string,
  records: GridRecord[],
  isHeader: (cells: string[]) => boolean,
  encoding: Encoding = 'utf-8',
): ReadResult {
  const rows = records.filter((r) => r.table >= 0 && r.cells.some((cell) => cell !== ''));
  if (rows.length === 0) return { problems: [{ file, message: m.noTableInPage() }] };
  const headerRow = rows.find((r) => isHeader(r.cells)) ?? (rows[0] as GridRecord);
  const headerAt = records.indexOf(headerRow);
  const width = withoutTrailingEmpty(headerRow.cells, 0).length;
  const above = records.slice(0, headerAt).filter((r) => r.cells.some(Boolean));
  const below = records
    .slice(headerAt + 1)
    .filter((r) => r.table === headerRow.table && r.cells.some(Boolean))
    .map((r) => ({
      line: r.line,
      cells: [...r.cells, ...Array<string>(Math.max(0, width - r.cells.length)).fill('')],
    }));
  // Cells hold no delimiter: the numbers' convention comes from the numbers alone.
  return tableOfRecords(file, [...above, headerRow, ...below], above.length, { encoding, delimiter: '\t' });
}
