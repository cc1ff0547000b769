import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { cleanCell } from './cleanCell.ts';
import { type CsvRow, withoutTrailingEmpty } from './table.ts';

/** Words that start a note below a table: "Source: ITC calculations…", "Note: …", "* provisional". */
const NOTE = /^(?:sources?|notes?|footnotes?|remarks?)\b|^\*/i;

/**
 * The rows below a table's header, taken one by one as a file is read: every cell has its line breaks
 * made spaces, a control character in one is reported at its line and column; a row whose field count
 * differs from the header's is reported and left out; the others go to `onRow`. Rows that look like
 * notes are held until a row of the table follows them: those after the last row are the table's notes
 * and footers (EIDB's "DOC-NIC", "Source: …"), whose lines `end` gives.
 */
export function createTableRows(
  file: string,
  header: readonly string[],
  problem: (problem: Problem) => void,
  onRow: (row: CsvRow) => void,
) {
  const width = header.length;
  const held: CsvRow[] = [];
  const take = (row: CsvRow) => {
    // A trailing delimiter (Trade Map, some spreadsheet exports) adds empty cells, not data.
    const cells = withoutTrailingEmpty(row.cells, width);
    if (cells.length === width) onRow(cells === row.cells ? row : { line: row.line, cells });
    else problem({ file, line: row.line, message: m.ragged(width, cells.length) });
  };
  return {
    add(record: CsvRow): void {
      const row = cleanRow(file, record, header, problem);
      if (isNote(row.cells, width)) {
        held.push(row);
        return;
      }
      for (const before of held.splice(0)) take(before);
      take(row);
    },
    /** The lines of the notes below the last row. */
    end(): number[] {
      return held.map(({ line }) => line);
    },
  };
}

/** A row with one cell at most, or one that starts like a note, below the last row of the table. */
function isNote(cells: string[], width: number): boolean {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length <= 1) return width > 1;
  return NOTE.test(filled[0] as string) && withoutTrailingEmpty(cells, 0).length !== width;
}

/** A row with its cells cleaned; each cell holding a character no text may hold is reported. */
export function cleanRow(
  file: string,
  row: CsvRow,
  header: readonly string[],
  problem: (problem: Problem) => void,
): CsvRow {
  let cells = row.cells;
  for (const [i, cell] of row.cells.entries()) {
    const clean = cleanCell(cell);
    if ('forbidden' in clean) {
      problem({
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
