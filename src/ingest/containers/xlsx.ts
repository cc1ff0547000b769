import { Parser } from 'htmlparser2';
import type { ShownOtherwise } from '../table.ts';
import type { GridRecord } from './grid.ts';
import {
  builtInFormatShownOtherwise,
  shownScale,
  showsDate,
  showsNumbersOtherwise,
} from './numberFormats.ts';
import { listZip, readZipMember, ZipError } from './zip.ts';

/** A workbook part larger than this (inflated) is not a table a briefing reads. */
const MAX_PART_BYTES = 512 << 20;
/** Excel's last column, XFD. */
const MAX_COLUMNS = 16384;
const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export interface Sheet {
  name: string;
  /** The sheet's rows: `line` is the row number a spreadsheet shows, cells are as stored. */
  records: GridRecord[];
  /** Cells holding a formula whose result was never saved ("B5"): their value is unknown. */
  unsavedFormulas: string[];
  /** Numbers the sheet shows other than as stored (in thousands, as a percentage, as a date), by their place. */
  shownOtherwise: (ShownOtherwise & { line: number; column: number })[];
}

/**
 * The sheets of an .xlsx workbook, in the workbook's order, each read only when `take` asks for the
 * next: a cell keeps the text it is stored as (a number as written, "09" as text), a shared string
 * its text, a boolean TRUE or FALSE, an error its code ("#N/A"). A workbook that is not a zip of
 * the parts the format requires is a ZipError.
 */
export async function readXlsx(bytes: Buffer, take: (sheet: Sheet) => boolean): Promise<Sheet | undefined> {
  const names = new Set((await listZip(bytes)).map((m) => m.name));
  const part = async (name: string) =>
    names.has(name) ? (await readZipMember(bytes, name, MAX_PART_BYTES)).toString('utf8') : undefined;
  const workbookPath = relationTargets(await part('_rels/.rels'), '')[0]?.target ?? DEFAULT_WORKBOOK;
  const workbook = await part(workbookPath);
  if (workbook === undefined) throw new ZipError({ fault: 'damaged' });
  const folder = workbookPath.replace(/[^/]*$/, '');
  const relations = relationTargets(await part(relsOf(workbookPath)), folder);
  const sharedPath = relations.find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const shared = sharedStrings((sharedPath && (await part(sharedPath))) || '');
  const stylesPath = relations.find((r) => r.type.endsWith('/styles'))?.target;
  const styles = stylesShowingOtherwise((stylesPath && (await part(stylesPath))) || '');
  let first: Sheet | undefined;
  for (const { name, id } of sheetsOf(workbook)) {
    const path = relations.find((r) => r.id === id)?.target;
    const xml = path && (await part(path));
    if (!xml) continue;
    const sheet = { name, ...sheetRows(xml, shared, styles) };
    if (take(sheet)) return sheet;
    first ??= sheet;
  }
  return first;
}

function relsOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

/** Relationships of a part, with targets resolved against the part's folder. */
function relationTargets(xml: string | undefined, folder: string) {
  const relations: { id: string; type: string; target: string }[] = [];
  if (xml === undefined) return relations;
  walk(xml, {
    open(name, attributes) {
      if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
      const target = attributes.Target ?? '';
      relations.push({
        id: attributes.Id ?? '',
        type: attributes.Type ?? '',
        target: resolvePath(target.startsWith('/') ? target.slice(1) : folder + target),
      });
    },
  });
  // The package's own relationships: the main document first.
  return folder === '' ? relations.filter((r) => r.type.endsWith('/officeDocument')) : relations;
}

function resolvePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function sheetsOf(workbook: string): { name: string; id: string }[] {
  const sheets: { name: string; id: string }[] = [];
  walk(workbook, {
    open(name, attributes) {
      if (name !== 'sheet') return;
      // The relationship id is "r:id", whatever prefix the writer gave its namespace.
      const id = Object.entries(attributes).find(([key]) => key.endsWith(':id'))?.[1] ?? '';
      sheets.push({ name: attributes.name ?? '', id });
    },
  });
  return sheets;
}

/** The shared strings table: the text of each `<si>`, its phonetic guides (`<rPh>`) left out. */
function sharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  walk(xml, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't') inText = phonetic === 0;
    },
    text(data) {
      if (inText && current !== undefined) current += data;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        strings.push(unescapeOoxml(current ?? ''));
        current = undefined;
      }
    },
  });
  return strings;
}

/**
 * The number formats of the cell styles (`cellXfs`, which a cell's `s` names by index) that show some
 * numbers other than as stored, by style index.
 */
function stylesShowingOtherwise(xml: string): Map<number, string> {
  const custom = new Map<number, string>();
  const styles = new Map<number, string>();
  let inCellStyles = false;
  let index = 0;
  walk(xml, {
    open(name, attributes) {
      if (name === 'numFmt') custom.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellStyles = true;
      else if (name === 'xf' && inCellStyles) {
        const id = Number(attributes.numFmtId ?? 0);
        const code = custom.get(id) ?? builtInFormatShownOtherwise(id);
        if (code !== undefined && showsNumbersOtherwise(code)) styles.set(index, code);
        index += 1;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellStyles = false;
    },
  });
  return styles;
}

function sheetRows(xml: string, shared: string[], styles: Map<number, string>): Omit<Sheet, 'name'> {
  const records: GridRecord[] = [];
  const unsavedFormulas: string[] = [];
  const shownOtherwise: Sheet['shownOtherwise'] = [];
  let row: GridRecord | undefined;
  let cell:
    | {
        column: number;
        type: string;
        ref: string;
        value?: string;
        formula: boolean;
        format: string | undefined;
      }
    | undefined;
  let text: 'v' | 't' | undefined;
  let inline = '';
  walk(xml, {
    open(name, attributes) {
      if (name === 'row') {
        const line = Number.parseInt(attributes.r ?? '', 10);
        row = { table: 0, line: Number.isFinite(line) ? line : (records.at(-1)?.line ?? 0) + 1, cells: [] };
      } else if (name === 'c' && row) {
        const column = columnIndex(attributes.r) ?? row.cells.length;
        const format = styles.get(Number(attributes.s ?? 0));
        cell = { column, type: attributes.t ?? 'n', ref: attributes.r ?? '', formula: false, format };
        inline = '';
      } else if (cell && name === 'f') cell.formula = true;
      else if (cell && (name === 'v' || name === 't')) {
        text = name;
        if (name === 'v') cell.value = '';
      }
    },
    text(data) {
      if (!cell || !text) return;
      if (text === 'v') cell.value += data;
      else inline += data;
    },
    close(name) {
      if (name === 'v' || name === 't') text = undefined;
      else if (name === 'c' && cell && row) {
        const value = cellText(cell.type, cell.value, inline, shared);
        if (value === undefined && cell.formula) unsavedFormulas.push(cell.ref);
        if (cell.format !== undefined && cell.type === 'n' && value !== undefined) {
          const date = showsDate(cell.format);
          const scale = date ? 1 : shownScale(cell.format, Number(value));
          if (date || scale !== 1)
            shownOtherwise.push({ line: row.line, column: cell.column, format: cell.format, scale, date });
        }
        if (cell.column < MAX_COLUMNS) {
          while (row.cells.length < cell.column) row.cells.push('');
          row.cells[cell.column] = (value ?? '').trim();
        }
        cell = undefined;
      } else if (name === 'row' && row) {
        records.push(row);
        row = undefined;
      }
    },
  });
  return { records, unsavedFormulas, shownOtherwise };
}

function cellText(
  type: string,
  value: string | undefined,
  inline: string,
  shared: string[],
): string | undefined {
  switch (type) {
    case 'inlineStr':
      return unescapeOoxml(inline);
    case 's':
      return value === undefined ? undefined : (shared[Number(value)] ?? '');
    case 'b':
      return value === undefined ? undefined : value === '1' ? 'TRUE' : 'FALSE';
    case 'str':
      return value === undefined ? undefined : unescapeOoxml(value);
    default:
      // Numbers ("n"), errors ("e", "#N/A") and ISO dates ("d"), as written.
      return value;
  }
}

/** "AB12" → 27 (0-based column), or undefined without a reference. */
function columnIndex(ref: string | undefined): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(ref ?? '')?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** OOXML writes characters XML cannot hold as "_x000D_"; "_x005F_" escapes an underscore. */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

/** Events of an XML part, with namespace prefixes ("x:row") dropped from element names. */
function walk(
  xml: string,
  on: {
    open?(name: string, attributes: Record<string, string>): void;
    text?(data: string): void;
    close?(name: string): void;
  },
): void {
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  const parser = new Parser(
    {
      onopentag: (name, attributes) => on.open?.(local(name), attributes),
      ontext: (data) => on.text?.(data),
      onclosetag: (name) => on.close?.(local(name)),
    },
    { xmlMode: true },
  );
  parser.end(xml);
}
