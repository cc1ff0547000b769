import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { numberFormatOf } from './numberFormat.ts';
import type { Delimiter, Encoding } from './sniffText.ts';
import { type CsvRow, type CsvTable, type ReadResult, withoutTrailingEmpty } from './table.ts';
import { cleanRow, createTableRows } from './tableRows.ts';

/**
 * The table in a file's records, the header at `headerIndex`: title lines above it; rows below, those
 * whose field count differs from the header's reported, all of them, and left out; notes and footers
 * after the last row kept apart to be set aside (`createTableRows` says how each row is taken).
 */
export function tableOfRecords(
  file: string,
  records: CsvRow[],
  headerIndex: number,
  read: { encoding: Encoding; delimiter: Delimiter },
): ReadResult {
  const problems: Problem[] = [];
  const report = (problem: Problem) => problems.push(problem);
  const headerRow = cleanRow(file, records[headerIndex] as CsvRow, [], report);
  const header = withoutTrailingEmpty(headerRow.cells, 0);
  const rows: CsvRow[] = [];
  const below = createTableRows(file, header, report, (row) => rows.push(row));
  for (const record of records.slice(headerIndex + 1)) below.add(record);
  const notes = below.end();
  if (rows.length === 0 && problems.length === 0)
    problems.push({ file, line: headerRow.line, message: m.headerOnly() });
  const preamble = records.slice(0, headerIndex).map((r) => cleanRow(file, r, [], report));
  const table: CsvTable = {
    file,
    preamble: preamble.map((r) => r.cells.filter(Boolean).join(' ')),
    header,
    headerLine: headerRow.line,
    rows,
    notes,
    encoding: read.encoding,
    numbers: numberFormatOf(read.delimiter, rows),
  };
  return { table, problems };
}
