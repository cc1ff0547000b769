import { Parser } from 'htmlparser2';
import type { Encoding } from '../sniffText.ts';
import type { GridRecord } from './grid.ts';

/** Elements whose text is not shown on the page. */
const HIDDEN = new Set(['script', 'style', 'title', 'noscript', 'template', 'select']);
/** Elements that start a new line of text. */
const BREAKS = new Set([
  'br',
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'hr',
  'center',
  'blockquote',
  'pre',
  'caption',
  'form',
]);
/** Spans larger than this are not a layout but a broken or hostile page: counted as one cell. */
const MAX_SPAN = 1000;

interface OpenTable {
  id: number;
  /** Where text standing between rows goes: before the table, as a browser shows it. */
  textAt: number;
  row?: { line: number; cells: string[] };
  cell?: { text: string; colspan: number; rowspan: number };
  /** Cells a rowspan carries into the rows below: column → rows left. */
  carried: Map<number, number>;
}

/**
 * The rows and text lines of an HTML page, as a browser lays them out: each `<tr>` a row (cells
 * spanning several columns or rows leave the other places empty), each run of text outside cells a
 * line, entities decoded (`&nbsp;` is a blank). A table nested in a cell is a table of its own.
 * EIDB and Trade Map save such pages under an `.xls` name. Lines are those of the page's source.
 */
export function readHtmlGrid(html: string): GridRecord[] {
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (index: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  const records: GridRecord[] = [];
  const tables: OpenTable[] = [];
  let nextTable = 0;
  let hidden = 0;
  let text: { text: string; line: number } | undefined;

  const flushText = () => {
    const line = text && clean(text.text);
    if (text && line) {
      const record = { table: -1, line: text.line, cells: [line] };
      const table = tables.at(-1);
      // Text inside a table but outside its cells is shown above the table.
      if (table && !table.cell) records.splice(table.textAt++, 0, record);
      else records.push(record);
    }
    text = undefined;
  };
  const endCell = (table: OpenTable) => {
    const { cell, row } = table;
    if (!cell || !row) return;
    while (table.carried.has(row.cells.length)) carry(table, row);
    const column = row.cells.length;
    row.cells.push(clean(cell.text));
    for (let i = 1; i < cell.colspan; i++) row.cells.push('');
    if (cell.rowspan > 1)
      for (let i = 0; i < cell.colspan; i++) table.carried.set(column + i, cell.rowspan - 1);
    table.cell = undefined;
  };
  const endRow = (table: OpenTable) => {
    endCell(table);
    const { row } = table;
    if (!row) return;
    // Cells carried from rows above, at the end of this row.
    const last = Math.max(-1, ...table.carried.keys());
    while (row.cells.length <= last) carry(table, row);
    records.push({ table: table.id, line: row.line, cells: row.cells });
    table.row = undefined;
  };

  const parser = new Parser({
    onopentag(name, attributes) {
      if (hidden > 0 || HIDDEN.has(name)) {
        hidden += 1;
        return;
      }
      const table = tables.at(-1);
      if (name === 'table') {
        flushText();
        tables.push({ id: nextTable++, textAt: records.length, carried: new Map() });
      } else if (table && name === 'tr') {
        flushText();
        endRow(table);
        table.row = { line: lineAt(parser.startIndex), cells: [] };
      } else if (table && (name === 'td' || name === 'th')) {
        flushText();
        endCell(table);
        table.row ??= { line: lineAt(parser.startIndex), cells: [] };
        table.cell = { text: '', colspan: span(attributes.colspan), rowspan: span(attributes.rowspan) };
      } else if (BREAKS.has(name)) {
        if (table?.cell) table.cell.text += ' ';
        else flushText();
      }
    },
    ontext(data) {
      if (hidden > 0) return;
      const cell = tables.at(-1)?.cell;
      if (cell) cell.text += data;
      else if (text) text.text += data;
      else if (data.trim() !== '') text = { text: data, line: lineAt(parser.startIndex) };
    },
    onclosetag(name) {
      if (hidden > 0) {
        hidden -= 1;
        return;
      }
      const table = tables.at(-1);
      if (name === 'table' && table) {
        flushText();
        endRow(table);
        tables.pop();
      } else if (table && name === 'tr') {
        flushText();
        endRow(table);
      } else if (table && (name === 'td' || name === 'th')) endCell(table);
      else if (BREAKS.has(name) && !table?.cell) flushText();
    },
  });
  parser.end(html);
  flushText();
  for (const table of tables.reverse()) endRow(table);
  return records;
}

function carry(table: OpenTable, row: { cells: string[] }): void {
  const column = row.cells.length;
  const left = table.carried.get(column) ?? 0;
  row.cells.push('');
  if (left > 1) table.carried.set(column, left - 1);
  else table.carried.delete(column);
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Text as shown: runs of white space (`&nbsp;` among them) are one space, none at the ends. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The charset a page declares in its first bytes (`<meta charset="…">` or its http-equiv form). */
const DECLARED = /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i;

/**
 * A page's text, and the encoding it was read in: by its byte-order mark, else by the charset it
 * declares, else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (older government pages).
 */
export function decodePage(bytes: Uint8Array): { text: string; encoding?: Encoding } {
  const bom = BOMS.find(({ mark }) => mark.every((byte, i) => bytes[i] === byte));
  if (bom) {
    const text = decode(bom.label, bytes.subarray(bom.mark.length));
    return text === undefined ? latin(bytes) : { text, encoding: bom.encoding };
  }
  const declared = DECLARED.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1];
  for (const label of [declared, 'utf-8']) {
    const text = label && decode(label, bytes);
    if (text !== undefined && label) {
      const name = new TextDecoder(label).encoding;
      return { text, ...(name === 'utf-8' || name === 'windows-1252' ? { encoding: name } : {}) };
    }
  }
  return latin(bytes);
}

export function decodeHtml(bytes: Uint8Array): string {
  return decodePage(bytes).text;
}

const BOMS = [
  { mark: [0xef, 0xbb, 0xbf], label: 'utf-8', encoding: 'utf-8-bom' },
  { mark: [0xff, 0xfe], label: 'utf-16le', encoding: 'utf-16le-bom' },
  { mark: [0xfe, 0xff], label: 'utf-16be', encoding: 'utf-16be-bom' },
] as const;

/** Windows-1252 gives every byte a character. */
function latin(bytes: Uint8Array): { text: string; encoding: Encoding } {
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** The text in `encoding`, or undefined when the bytes are not valid in it or it is unknown. */
function decode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
