import { parsePeriod } from '../../core/periods.ts';
import { baciColumnIndex } from '../adapters/baci.ts';
import { BACI_MAX_VALUE, type BaciRow } from '../adapters/baciRow.ts';
import { MAX_RECORD_BYTES } from '../readCsv.ts';

const LF = 10;
const CR = 13;
const QUOTE = 34;
const DOT = 46;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const N = 78;
const A = 65;
/** Digits a value may have for `mantissa / 10^decimals` to be exact as Number(text) is (below 2^53). */
const MAX_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: MAX_DIGITS + 1 }, (_, i) => 10 ** i);

/**
 * Reads a BACI line straight from its bytes when it is plainly valid: t a four-digit year, i and j one to
 * four digits, k five or six, v digits with at most one point and 15 digits, q (where the file has it)
 * such a number, empty or "NA" padded with spaces, other columns ASCII without quotes, exactly as many
 * fields as the header, then a line ending (LF, CRLF or CR). It then fills `row`
 * as `parseBaciRow` would for the same text, value for value, and returns where the next line starts.
 * For any other line it returns -1: the line goes to csv-parse and `parseBaciRow`, which report what is
 * wrong. `row` is reused for every line.
 */
export function createFastBaciLine(header: readonly string[], delimiter: number) {
  const row: BaciRow = { line: 0, year: 0, exporter: 0, importer: 0, product: 0, value: 0, quantity: null };
  const anyLayout = createAnyLayoutLine(header, delimiter, row);
  const cepii = createCepiiLine(header, delimiter, row);
  if (!cepii) return { row, parse: anyLayout };
  return {
    row,
    parse: (data: Buffer, start: number, line: number): number => {
      const next = cepii(data, start, line);
      return next >= 0 ? next : anyLayout(data, start, line);
    },
  };
}

/** Whether a four-digit year is one `parsePeriod` takes: asked again only when the year changes. */
function createYearCheck(): (year: number) => boolean {
  let lastYear = -1;
  let lastYearOk = false;
  return (year) => {
    if (year !== lastYear) {
      lastYear = year;
      lastYearOk = parsePeriod(String(year).padStart(4, '0'))?.basis === 'calendar';
    }
    return lastYearOk;
  };
}

/** The reader of plainly valid lines for any order of columns (see `createFastBaciLine`). */
export function createAnyLayoutLine(header: readonly string[], delimiter: number, row: BaciRow) {
  const index = baciColumnIndex(header);
  const width = header.length;
  // Every field is read as digits with an optional point, whatever its column: one tight loop for any
  // column order. Only the BACI columns must be numbers; q may be "NA" and other columns any text.
  const numeric = new Uint8Array(width);
  for (const column of [index.t, index.i, index.j, index.k, index.v]) numeric[column] = 1;
  const mantissas = new Float64Array(width);
  const digitCounts = new Int32Array(width);
  const decimalCounts = new Int32Array(width);
  // Where the q field's text starts, or -1 when it is digits only.
  let quantityText = -1;
  let quantityEnd = 0;
  const yearOk = createYearCheck();
  const isCode = (column: number, min: number, max: number) => {
    const digits = digitCounts[column] as number;
    return digits >= min && digits <= max && decimalCounts[column] === -1;
  };

  const parse = (data: Buffer, start: number, line: number): number => {
    const length = data.length;
    let p = start;
    let c = -1;
    let field = 0;
    for (;;) {
      const from = p;
      let mantissa = 0;
      let dot = -1;
      while (p < length) {
        c = data[p] as number;
        if (c >= ZERO && c <= NINE) mantissa = mantissa * 10 + (c - ZERO);
        else if (c === DOT && dot < 0) dot = p;
        else break;
        p += 1;
      }
      if (p >= length) return -1;
      const decimals = dot < 0 ? -1 : p - dot - 1;
      const digits = p - from - (dot < 0 ? 0 : 1);
      if (field === index.q) quantityText = -1;
      if (c !== delimiter && c !== LF && c !== CR) {
        if (numeric[field] === 1) return -1;
        if (field === index.q) quantityText = from;
        // Text in another column: any ASCII but quotes; other bytes need a check for UTF-8.
        while (p < length) {
          c = data[p] as number;
          if (c === delimiter || c === LF || c === CR) break;
          if (c >= 0x80 || c === QUOTE) return -1;
          p += 1;
        }
        if (p >= length) return -1;
        if (field === index.q) quantityEnd = p;
      }
      mantissas[field] = mantissa;
      digitCounts[field] = digits;
      decimalCounts[field] = decimals;
      if (c !== delimiter) break;
      field += 1;
      if (field === width) return -1;
      p += 1;
    }
    if (field !== width - 1) return -1;
    if (!isCode(index.t, 4, 4) || !isCode(index.i, 1, 4) || !isCode(index.j, 1, 4) || !isCode(index.k, 5, 6))
      return -1;
    const valueDigits = digitCounts[index.v] as number;
    if (valueDigits === 0 || valueDigits > MAX_DIGITS) return -1;
    const year = mantissas[index.t] as number;
    if (!yearOk(year)) return -1;
    // The line must end here; a CR as the last byte read may be half of a CRLF: let the caller read on.
    let next = p + 1;
    if (c === CR) {
      if (next >= length) return -1;
      if (data[next] === LF) next += 1;
    }
    if (next - start > MAX_RECORD_BYTES) return -1;
    const quantity = index.q < 0 ? null : readQuantity(data);
    if (quantity === undefined) return -1;
    const decimals = decimalCounts[index.v] as number;
    const mantissa = mantissas[index.v] as number;
    row.line = line;
    row.year = year;
    row.exporter = mantissas[index.i] as number;
    row.importer = mantissas[index.j] as number;
    row.product = mantissas[index.k] as number;
    // Both numbers are exact doubles, so the division rounds once, as parsing the text does.
    row.value = decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] as number) : mantissa;
    row.quantity = quantity;
    // A value no trade flow can have is reported by the full check.
    if (row.value > BACI_MAX_VALUE) return -1;
    return next;
  };
  /** The q field as `parseBaciQuantity` reads it, or undefined for anything it would have to check. */
  const readQuantity = (data: Buffer): number | null | undefined => {
    const q = index.q;
    if (quantityText < 0) {
      const digits = digitCounts[q] as number;
      const decimals = decimalCounts[q] as number;
      if (digits === 0) return decimals === -1 ? null : undefined;
      if (digits > MAX_DIGITS) return undefined;
      const mantissa = mantissas[q] as number;
      return decimals > 0 ? mantissa / (POWERS_OF_TEN[decimals] as number) : mantissa;
    }
    // Only "NA" amid spaces, and nothing read as digits before it.
    if (digitCounts[q] !== 0 || decimalCounts[q] !== -1) return undefined;
    let p = quantityText;
    while (p < quantityEnd && data[p] === SPACE) p += 1;
    if (quantityEnd - p < 2 || data[p] !== N || data[p + 1] !== A) return undefined;
    p += 2;
    while (p < quantityEnd && data[p] === SPACE) p += 1;
    return p === quantityEnd ? null : undefined;
  };
  return parse;
}

/**
 * For CEPII's own layout (t,i,j,k,v,q or t,i,j,k,v, comma-separated), a reader of the plainest lines
 * that takes about half the time: fields in turn of four digits; one to four digits twice; five or six
 * digits; digits with at most one point between digits, 15 digits at most; then, where the file has q,
 * such a number, nothing, or "NA" amid spaces; then a line ending. It fills `row` exactly as
 * `createAnyLayoutLine` would, or returns -1 having changed nothing. Undefined for any other layout.
 */
export function createCepiiLine(header: readonly string[], delimiter: number, row: BaciRow) {
  const index = baciColumnIndex(header);
  const cepii =
    delimiter === COMMA &&
    index.t === 0 &&
    index.i === 1 &&
    index.j === 2 &&
    index.k === 3 &&
    index.v === 4 &&
    (index.q < 0 ? header.length === 5 : index.q === 5 && header.length === 6);
  if (!cepii) return undefined;
  const yearOk = createYearCheck();
  const withQuantity = index.q === 5;

  return (data: Buffer, start: number, line: number): number => {
    const length = data.length;
    // The digit loops are written out: a helper returning two numbers costs a third of the time.
    let p = start;
    let year = 0;
    for (; p < length; p++) {
      const digit = (data[p] as number) - ZERO;
      if (digit < 0 || digit > 9) break;
      year = year * 10 + digit;
    }
    if (p - start !== 4 || p >= length || data[p] !== COMMA) return -1;
    let from = ++p;
    let exporter = 0;
    for (; p < length; p++) {
      const digit = (data[p] as number) - ZERO;
      if (digit < 0 || digit > 9) break;
      exporter = exporter * 10 + digit;
    }
    if (p - from < 1 || p - from > 4 || p >= length || data[p] !== COMMA) return -1;
    from = ++p;
    let importer = 0;
    for (; p < length; p++) {
      const digit = (data[p] as number) - ZERO;
      if (digit < 0 || digit > 9) break;
      importer = importer * 10 + digit;
    }
    if (p - from < 1 || p - from > 4 || p >= length || data[p] !== COMMA) return -1;
    from = ++p;
    let product = 0;
    for (; p < length; p++) {
      const digit = (data[p] as number) - ZERO;
      if (digit < 0 || digit > 9) break;
      product = product * 10 + digit;
    }
    if (p - from < 5 || p - from > 6 || p >= length || data[p] !== COMMA) return -1;
    // v: digits, or digits, a point and digits.
    from = ++p;
    let mantissa = 0;
    let point = -1;
    for (; p < length; p++) {
      const digit = (data[p] as number) - ZERO;
      if (digit >= 0 && digit <= 9) mantissa = mantissa * 10 + digit;
      else if (digit === DOT - ZERO && point < 0 && p > from) point = p;
      else break;
    }
    if (p === from || p === point + 1 || p - from - (point < 0 ? 0 : 1) > MAX_DIGITS || p >= length)
      return -1;
    const value = point < 0 ? mantissa : mantissa / (POWERS_OF_TEN[p - point - 1] as number);
    let quantity: number | null = null;
    if (withQuantity) {
      if (data[p] !== COMMA) return -1;
      from = ++p;
      mantissa = 0;
      point = -1;
      for (; p < length; p++) {
        const digit = (data[p] as number) - ZERO;
        if (digit >= 0 && digit <= 9) mantissa = mantissa * 10 + digit;
        else if (digit === DOT - ZERO && point < 0 && p > from) point = p;
        else break;
      }
      if (p === point + 1 || p - from - (point < 0 ? 0 : 1) > MAX_DIGITS) return -1;
      if (p > from) quantity = point < 0 ? mantissa : mantissa / (POWERS_OF_TEN[p - point - 1] as number);
      else {
        // Nothing, or "NA" amid spaces.
        while (p < length && data[p] === SPACE) p += 1;
        if (p + 1 < length && data[p] === N && data[p + 1] === A) {
          p += 2;
          while (p < length && data[p] === SPACE) p += 1;
        } else if (p !== from) return -1;
      }
      if (p >= length) return -1;
    }
    const c = data[p] as number;
    let next = p + 1;
    if (c === CR) {
      if (next >= length) return -1;
      if (data[next] === LF) next += 1;
    } else if (c !== LF) return -1;
    if (next - start > MAX_RECORD_BYTES || !yearOk(year) || value > BACI_MAX_VALUE) return -1;
    row.line = line;
    row.year = year;
    row.exporter = exporter;
    row.importer = importer;
    row.product = product;
    row.value = value;
    row.quantity = quantity;
    return next;
  };
}
