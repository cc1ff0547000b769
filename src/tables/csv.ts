/** A cell of a table: text, a number, or nothing. */
export type Cell = string | number | null;

/**
 * Where a cell's text begins with one of these, a spreadsheet may run it as a formula ("=HYPERLINK(…)",
 * also the full-width forms Apple Numbers folds to them): csv-stringify's `escape_formulas` list.
 */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Tables for reuse in spreadsheets: a header and one line per row, each ended by "\n". Formula escaping
 * stops a cell like "=HYPERLINK(…)" from running in Excel; numbers stay numbers (a text "-5" would be
 * escaped as a formula). The same text as csv-stringify with `{ header: true, columns, escape_formulas:
 * true, bom, record_delimiter: 'unix' }` (a test compares them), written directly: a batch partner's
 * tables took csv-stringify some 40 ms, its options read again for every cell.
 */
export function toCsv(columns: string[], rows: Cell[][], bom = false): string {
  let text = bom ? '\uFEFF' : '';
  text += line(columns, columns.length);
  for (const row of rows) text += line(row, columns.length);
  return text;
}

/** One line: a row's cells up to the number of columns. */
function line(cells: Cell[], columns: number): string {
  const end = Math.min(cells.length, columns);
  let text = '';
  for (let i = 0; i < end; i++) {
    if (i > 0) text += ',';
    text += cellText(cells[i] ?? null);
  }
  return `${text}\n`;
}

function cellText(cell: Cell): string {
  if (typeof cell === 'number') return `${cell}`;
  if (!cell) return '';
  const text = FORMULA_STARTS.has(cell.charAt(0)) ? `'${cell}` : cell;
  const quoted = cell.includes(',') || cell.includes('"') || cell.includes('\n');
  return quoted ? `"${text.replaceAll('"', '""')}"` : text;
}
