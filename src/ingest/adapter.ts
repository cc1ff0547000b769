import { toIso3 } from '../core/countries.ts';
import { normaliseHsCode } from '../core/hs.ts';
import { inputMessages as m } from '../core/messages.ts';
import { DECIMAL_POINT, type NumberFormat, parseNumber, readNumber } from '../core/numbers.ts';
import { type Period, parsePeriod } from '../core/periods.ts';
import { isWithinTradeCeiling, parseMoneyUnit } from '../core/units.ts';
import type { CsvRow, CsvTable } from './readCsv.ts';
import type { Records } from './records.ts';

/** The pair a briefing is about: adapters of all-pairs files (BACI) keep only what it needs. */
export interface Focus {
  reporter: string;
  partners: string[];
}

/** What an adapter may do besides returning records: report a problem or set a row aside. */
export interface AdapterContext {
  file: string;
  /** Source id for rows that carry none: the sources table entry whose "files" pattern matches. */
  fileSource: string;
  focus?: Focus;
  /** Numeric country codes → ISO3, from the country-code tables among the inputs (BACI's). */
  countryCodes: ReadonlyMap<string, string>;
  /** How the file writes numbers (the reading core finds it); none: with a decimal point. */
  numbers?: NumberFormat;
  problem(line: number, column: string | undefined, message: string): void;
  reject(line: number, reason: string): void;
  /**
   * Notes the product classification a row (or the whole file) states. False when its codes are not
   * HS, or the classification is unknown: the row is not to be read (the file's problem says why, once).
   */
  classify(line: number, column: string | undefined, code: string): boolean;
}

/** One adapter per input format; detection is by header cues (DESIGN.md lists them). */
export interface Adapter {
  format: string;
  label: string;
  /** Columns that identify the format: all must be present. */
  cues: readonly string[];
  /** Columns the adapter reads: a detected file lacking one is an error. */
  required: readonly string[];
  /** Columns it reads when a file has them, found without a RowReader (which checks its own). */
  optional?: readonly string[];
  /** Read before other files, which rely on its records (sources, country codes). */
  readFirst?: boolean;
  read(table: CsvTable, ctx: AdapterContext): Partial<Records>;
}

/** What a RowReader reads a table's rows by: its header, its line, and how a workbook shows its numbers. */
export type TableLayout = Pick<CsvTable, 'headerLine' | 'shownOtherwise'> & { header: readonly string[] };

/** Typed access to a row's cells by column name; every failed conversion becomes a located problem. */
export class RowReader {
  private readonly index = new Map<string, number>();
  /** The places (from 1) of each column the header names more than once. */
  private readonly repeats = new Map<string, number[]>();
  private readonly resolved = new Map<string, number | undefined>();

  constructor(
    private readonly table: TableLayout,
    private readonly ctx: AdapterContext,
  ) {
    table.header.forEach((name, i) => {
      const key = columnKey(name);
      const first = this.index.get(key);
      if (first === undefined) this.index.set(key, i);
      else this.repeats.set(key, [...(this.repeats.get(key) ?? [first + 1]), i + 1]);
    });
  }

  has(column: string): boolean {
    return this.indexOf(column) !== undefined;
  }

  text(row: CsvRow, column: string): string {
    const i = this.indexOf(column);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  }

  /** A column's index, found once per name asked for: a file's cells are read by the tens of thousands. */
  private indexOf(column: string): number | undefined {
    if (this.resolved.has(column)) return this.resolved.get(column);
    const key = columnKey(column);
    const i = this.index.get(key);
    const positions = this.repeats.get(key);
    // A column read by name that the header names twice: which one is meant cannot be told.
    if (positions && i !== undefined) {
      this.repeats.delete(key);
      const name = this.table.header[i] ?? column;
      this.ctx.problem(this.table.headerLine, undefined, m.repeatedColumns([{ name, positions }]));
    }
    this.resolved.set(column, i);
    return i;
  }

  required(row: CsvRow, column: string, what: string): string | undefined {
    const text = this.text(row, column);
    if (text === '') this.ctx.problem(row.line, column, m.missingValue(what));
    return text === '' ? undefined : text;
  }

  number(row: CsvRow, column: string): number | undefined {
    return this.checkedNumber(row, column, this.indexOf(column));
  }

  /** A trade value in `unit`: a number, zero or more, and no more than any trade flow can be. */
  tradeValue(row: CsvRow, column: string, unit: string): number | undefined {
    return this.checkedTradeValue(row, column, this.indexOf(column), unit);
  }

  /** A trade value in a column found by position (wide tables repeat names such as "%Share"). */
  tradeValueAt(row: CsvRow, index: number, unit: string): number | undefined {
    return this.checkedTradeValue(row, this.table.header[index] ?? '', index, unit);
  }

  /**
   * Whether a workbook shows the cell's number other than as stored (in thousands, as a percentage, as
   * a date), reported at the cell: read as stored it may be 1000 times what the table's unit means, or
   * a day count for a year, read as shown the reverse.
   */
  shownOtherwise(row: CsvRow, column: string): boolean {
    return this.isShownOtherwise(row, column, this.indexOf(column));
  }

  /**
   * The cell's period where `accept` takes it; otherwise a located problem saying what is `expected`,
   * also where a workbook shows the cell's number as a date (the number is then a count of days).
   */
  period(row: CsvRow, column: string, expected: string, accept = (_: Period) => true): Period | undefined {
    if (this.shownOtherwise(row, column)) return undefined;
    const text = this.text(row, column);
    const period = parsePeriod(text);
    if (period && accept(period)) return period;
    this.ctx.problem(row.line, column, m.malformedPeriod(text, expected));
    return undefined;
  }

  private isShownOtherwise(row: CsvRow, column: string, index: number | undefined): boolean {
    const problem = index === undefined ? undefined : shownOtherwiseProblem(this.table, row, index);
    if (problem !== undefined) this.ctx.problem(row.line, column, problem);
    return problem !== undefined;
  }

  /**
   * A quantity: null, unknown, for an empty cell or "NA" (how R writes a missing value), else a number
   * of zero or more (a located problem otherwise).
   */
  quantity(row: CsvRow, column: string): number | null | undefined {
    const text = this.text(row, column);
    if (text === '' || text === 'NA') return null;
    const value = this.checkedNumber(row, column, this.indexOf(column));
    if (value !== undefined && value < 0) {
      this.ctx.problem(row.line, column, m.negativeQuantity(text));
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
    // Trade Map and spreadsheets keep leading zeros with a leading apostrophe ('0901).
    const text = this.text(row, column).replace(/^'/, '');
    if (/^(total|all)$/i.test(text)) return 'TOTAL';
    const code = normaliseHsCode(text);
    if (code === undefined) this.ctx.problem(row.line, column, m.badHsCode(text));
    return code;
  }

  choice<T extends string>(row: CsvRow, column: string, allowed: readonly T[], empty?: T): T | undefined {
    const text = this.text(row, column);
    if (text === '' && empty !== undefined) return empty;
    const found = allowed.find((a) => a === text.toLowerCase());
    // Quoted as written, so the cell can be found.
    if (found === undefined) this.ctx.problem(row.line, column, m.unknownChoice(text, allowed));
    return found;
  }

  /** The number in the cell at `index` (the column's name for messages), or a located problem. */
  private checkedNumber(row: CsvRow, column: string, index: number | undefined): number | undefined {
    const text = index === undefined ? '' : (row.cells[index] ?? '').trim();
    if (this.isShownOtherwise(row, column, index)) return undefined;
    const format = this.ctx.numbers ?? DECIMAL_POINT;
    const read = readNumber(text, format);
    if ('value' in read) return read.value;
    this.ctx.problem(row.line, column, numberProblem(text, format, read.problem));
    return undefined;
  }

  private checkedTradeValue(
    row: CsvRow,
    column: string,
    index: number | undefined,
    unit: string,
  ): number | undefined {
    const text = index === undefined ? '' : (row.cells[index] ?? '').trim();
    const value = this.checkedNumber(row, column, index);
    if (value !== undefined && value < 0) {
      this.ctx.problem(row.line, column, m.negativeValue(text));
      return undefined;
    }
    const money = parseMoneyUnit(unit);
    if (value !== undefined && money && !isWithinTradeCeiling(value, money)) {
      this.ctx.problem(row.line, column, m.valueTooLarge(text, unit));
      return undefined;
    }
    return value;
  }
}

/** Why the number at `index` of `row` cannot be read, when a workbook shows it other than as stored. */
export function shownOtherwiseProblem(table: TableLayout, row: CsvRow, index: number): string | undefined {
  const shown = table.shownOtherwise?.get(row.line)?.get(index);
  if (!shown) return undefined;
  const text = (row.cells[index] ?? '').trim();
  return shown.date ? m.shownAsDate(text, shown.format) : m.shownScaled(text, shown.format, shown.scale);
}

/**
 * Header names compared without case, spacing, underscores or BOM quirks ("refYear", "ref_year" and
 * "RefYear" are one column); stored in a Map so "__proto__" is a plain key.
 */
export function columnKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replaceAll('_', '');
}

/** Why a cell is not a number in the file's convention, in words. */
function numberProblem(
  text: string,
  format: NumberFormat,
  problem: 'invalid' | 'ambiguous' | 'rounded',
): string {
  if (problem === 'rounded') return m.roundedNumber(text);
  const withPoint = parseNumber(text, DECIMAL_POINT);
  if (problem === 'ambiguous')
    return m.ambiguousNumber(
      text,
      withPoint ?? Number.NaN,
      parseNumber(text, { decimal: ',', evident: true }) ?? Number.NaN,
    );
  return format.decimal === ',' && withPoint !== undefined ? m.notANumberWithComma(text) : m.notANumber(text);
}
