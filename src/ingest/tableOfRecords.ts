import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { cleanCell } from './cleanCell.ts';
import { numberFormatOf } from './numberFormat.ts';
import type { Delimiter, Encoding } from './sniffText.ts';
import { type CsvRow, type CsvTable, type ReadResult, withoutTrailingEmpty } from './table.ts';

/** Words that start a note below a table: "Source: ITC calculations…", "Note: …", "* provisional". */
const NOTE = /^(?:sources?|notes?|footnotes?|remarks?)\b|^\*/i;

/**
 * The table in a file's records, the header at `headerIndex`: title lines above it; rows below, those
 * whose field count differs from the header's reported, all of them, and left out; notes and footers
 * after the last row (EIDB's "DOC-NIC", "Source: …") kept apart to be set aside. Every cell has its
 * line breaks made spaces; a control character in one is reported at its line and column.
 */
export function tableOfRecords(
  file: string,
  records: CsvRow[],
  headerIndex: number,
  read: { encoding: Encoding; delimiter: Delimiter },
): ReadResult {
  const problems: Problem[] = [];
  const headerRow = cleanRow(file, records[headerIndex] as CsvRow, [], problems);
  const header = withoutTrailingEmpty(headerRow.cells, 0);
  const below = records.slice(headerIndex + 1).map((r) => cleanRow(file, r, header, problems));
  let end = below.length;
  while (end > 0 && isNote((below[end - 1] as CsvRow).cells, header.length)) end -= 1;
  const rows: CsvRow[] = [];
  for (const row of below.slice(0, end)) {
    // A trailing delimiter (Trade Map, some spreadsheet exports) adds empty cells, not data.
    const cells = withoutTrailingEmpty(row.cells, header.length);
    if (cells.length === header.length) rows.push({ line: row.line, cells });
    else problems.push({ file, line: row.line, message: m.ragged(header.length, cells.length) });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ file, line: headerRow.line, message: m.headerOnly() });
  const preamble = records.slice(0, headerIndex).map((r) => cleanRow(file, r, [], problems));
  const table: CsvTable = {
    file,
    preamble: preamble.map((r) => r.cells.filter(Boolean).join(' ')),
    header,
    headerLine: headerRow.line,
    rows,
    notes: below.slice(end).map(({ line }) => line),
    encoding: read.encoding,
    numbers: numberFormatOf(read.delimiter, rows),
  };
  return { table, problems };
}

/** A row with one cell at most, or one that starts like a note, below the last row of the table. */
function isNote(cells: string[], width: number): boolean {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length <= 1) return width > 1;
  return NOTE.test(filled[0] as string) && withoutTrailingEmpty(cells, 0).length !== width;
}

function cleanRow(file: string, row: CsvRow, header: string[], problems: Problem[]): CsvRow {
  let cells = row.cells;
  for (const [i, cell] of row.cells.entries()) {
    const clean = cleanCell(cell);
    if ('forbidden' in clean) {
      problems.push({
        file,
        line: row.line,
        column: header[i] ?? String(i + 1),
        message: m.controlCharacter(clean.forbidden),
      });
    } else if (clean.text !== cell) {
      if (cells === row.cells) cells = [...row.cells];
      cells[i] = clean.text;
    }
  }
  return cells === row.cells ? row : { line: row.line, cells };
}
