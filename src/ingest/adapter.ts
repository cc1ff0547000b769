import { toIso3 } from '../core/countries.ts';
import { normaliseHsCode } from '../core/hs.ts';
import { inputMessages as m } from '../core/messages.ts';
import { parseNumber } from '../core/numbers.ts';
import type { CsvRow, CsvTable } from './readCsv.ts';
import type { Records } from './records.ts';

/** What an adapter may do besides returning records: report a problem or set a row aside. */
export interface AdapterContext {
  file: string;
  /** Source id for rows that carry none: the sources table entry whose "files" pattern matches. */
  fileSource: string;
  problem(line: number, column: string | undefined, message: string): void;
  reject(line: number, reason: string): void;
}

/** One adapter per input format; detection is by header cues (DESIGN.md lists them). */
export interface Adapter {
  format: string;
  label: string;
  /** Columns that identify the format: all must be present. */
  cues: readonly string[];
  /** Columns the adapter reads: a detected file lacking one is an error. */
  required: readonly string[];
  read(table: CsvTable, ctx: AdapterContext): Partial<Records>;
}

/** Typed access to a row's cells by column name; every failed conversion becomes a located problem. */
export class RowReader {
  private readonly index = new Map<string, number>();

  constructor(
    header: readonly string[],
    private readonly ctx: AdapterContext,
  ) {
    header.forEach((name, i) => {
      const key = columnKey(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(column: string): boolean {
    return this.index.has(columnKey(column));
  }

  text(row: CsvRow, column: string): string {
    const i = this.index.get(columnKey(column));
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  }

  required(row: CsvRow, column: string, what: string): string | undefined {
    const text = this.text(row, column);
    if (text === '') this.ctx.problem(row.line, column, m.missingValue(what));
    return text === '' ? undefined : text;
  }

  number(row: CsvRow, column: string): number | undefined {
    const text = this.text(row, column);
    const value = parseNumber(text);
    if (value === undefined) this.ctx.problem(row.line, column, m.notANumber(text));
    return value;
  }

  /** A trade value: a number, zero or more. */
  tradeValue(row: CsvRow, column: string): number | undefined {
    const value = this.number(row, column);
    if (value !== undefined && value < 0) {
      this.ctx.problem(row.line, column, m.negativeValue(this.text(row, column)));
      return undefined;
    }
    return value;
  }

  country(row: CsvRow, column: string): string | undefined {
    const text = this.text(row, column);
    const iso3 = toIso3(text);
    if (iso3 === undefined) this.ctx.problem(row.line, column, m.unknownCountry(text));
    return iso3;
  }

  /** "TOTAL" or a zero-padded HS code. */
  product(row: CsvRow, column: string): string | undefined {
    const text = this.text(row, column);
    if (/^(total|all)$/i.test(text)) return 'TOTAL';
    const code = normaliseHsCode(text);
    if (code === undefined) this.ctx.problem(row.line, column, m.badHsCode(text));
    return code;
  }

  choice<T extends string>(row: CsvRow, column: string, allowed: readonly T[], empty?: T): T | undefined {
    const text = this.text(row, column).toLowerCase();
    if (text === '' && empty !== undefined) return empty;
    const found = allowed.find((a) => a === text);
    if (found === undefined) this.ctx.problem(row.line, column, m.unknownChoice(text, allowed));
    return found;
  }
}

/** Header names compared without case, spacing or BOM quirks; stored in a Map so "__proto__" is a plain key. */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
