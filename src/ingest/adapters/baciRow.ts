import { normaliseHsCode } from '../../core/hs.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { parseNumber, readNumber } from '../../core/numbers.ts';
import { parsePeriod } from '../../core/periods.ts';
import { MAX_TRADE_USD } from '../../core/units.ts';

/** BACI values are in thousands of US dollars. */
export const BACI_UNIT = 'USD thousand';
/** The largest value a trade flow can have, in BACI's unit. */
export const BACI_MAX_VALUE = MAX_TRADE_USD / 1e3;

/** The columns a BACI file must have: t year, i exporter, j importer, k HS6 product, v value. */
export const BACI_COLUMNS = ['t', 'i', 'j', 'k', 'v'] as const;
/** BACI's quantity in metric tons, read where the file has the column; "NA" where CEPII has none. */
export const BACI_QUANTITY = 'q';
export const BACI_QUANTITY_UNIT = 't';
export type BaciColumn = (typeof BACI_COLUMNS)[number] | typeof BACI_QUANTITY;

/** One BACI record as text, by column; `q` is empty in a file without it. */
export type BaciCells = Record<BaciColumn, string>;

/** One checked BACI record; codes and the HS6 product as numbers (product 10121 is HS 010121). */
export interface BaciRow {
  line: number;
  year: number;
  exporter: number;
  importer: number;
  product: number;
  value: number;
  /** In metric tons; null when unknown ("NA" or empty), never read as 0. */
  quantity: number | null;
}

const CODE = /^\d{1,4}$/;

/**
 * Checks one record's cells; each bad cell is reported with its column. Every reader of BACI files
 * goes through it (the bulk reader for any row its byte-level fast path does not take), so both keep
 * the same validation.
 */
export function parseBaciRow(
  cells: BaciCells,
  line: number,
  problem: (column: BaciColumn, message: string) => void,
): BaciRow | undefined {
  const period = parsePeriod(cells.t);
  if (period?.basis !== 'calendar') problem('t', m.malformedPeriod(cells.t, 'a year such as 2022'));
  for (const column of ['i', 'j'] as const) {
    if (!CODE.test(cells[column])) problem(column, m.badBaciCountry(cells[column]));
  }
  const hs6 = normaliseHsCode(cells.k);
  if (hs6?.length !== 6) problem('k', m.badHs6(cells.k));
  const read = readNumber(cells.v);
  const value = 'value' in read ? read.value : undefined;
  if (value === undefined)
    problem(
      'v',
      'problem' in read && read.problem === 'rounded' ? m.roundedNumber(cells.v) : m.notANumber(cells.v),
    );
  else if (value < 0) problem('v', m.negativeValue(cells.v));
  else if (value > BACI_MAX_VALUE) problem('v', m.valueTooLarge(cells.v, BACI_UNIT));
  const quantity = parseBaciQuantity(cells.q);
  if (quantity === undefined) problem('q', m.badBaciQuantity(cells.q));
  if (period?.basis !== 'calendar' || hs6?.length !== 6 || value === undefined) return undefined;
  if (quantity === undefined) return undefined;
  if (value < 0 || value > BACI_MAX_VALUE) return undefined;
  if (!CODE.test(cells.i) || !CODE.test(cells.j)) return undefined;
  return {
    line,
    year: period.year,
    exporter: Number(cells.i),
    importer: Number(cells.j),
    product: Number(hs6),
    value,
    quantity,
  };
}

/**
 * A BACI quantity: null for "NA" or an empty cell (CEPII pads "NA" with spaces), a number of tons zero
 * or more, else undefined (not a quantity).
 */
export function parseBaciQuantity(text: string): number | null | undefined {
  const cell = text.trim();
  if (cell === '' || cell === 'NA') return null;
  const quantity = parseNumber(cell);
  return quantity === undefined || quantity < 0 ? undefined : quantity;
}

/** The two-digit HS chapter of a numeric HS6 product: 10121 (HS 010121) is chapter 1. */
export function chapterOfProduct(product: number): number {
  return Math.floor(product / 10_000);
}

/** The HS4 heading of a BACI product code (HS6 as a number): 300490 → 3004. */
export function headingOfProduct(product: number): number {
  return Math.floor(product / 100);
}
