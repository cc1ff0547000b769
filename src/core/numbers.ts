/**
 * How a file writes its numbers. Spreadsheets in continental locales write "4,881" for 4.881 and
 * separate fields with ";"; read with a decimal point, that is 1000 times the value.
 */
export interface NumberFormat {
  decimal: '.' | ',';
  /**
   * The file's own cells show the convention ("12,5", "1.234,5"), or its delimiter rules the other
   * out (a comma-separated file writes decimal points). When not, a value that reads either way
   * ("1.234" with a decimal comma) is refused as ambiguous.
   */
  evident: boolean;
  /**
   * The cells contradict the delimiter (decimal commas, quoted, in a comma-separated file): a value
   * that reads either way ("4,260") is refused even in the file's own convention.
   */
  doubtful?: true;
}

export const DECIMAL_POINT: NumberFormat = { decimal: '.', evident: true };

export type NumberReading = { value: number } | { problem: 'invalid' | 'ambiguous' | 'rounded' };

/**
 * How a spreadsheet shows a number too long for its cell ("4.37074E+11" for 437,073,612,345): six
 * significant digits at most, a capital E and a signed exponent. Saved as CSV, that is all the file keeps.
 */
const SPREADSHEET_ROUNDED = /^[+-]?\d(?:[.,]\d{1,5})?E[+-]\d{2,3}$/;
const EXPONENT = '(?:[eE][+-]?\\d+)?';
/** Thousands grouped by three, with `sep`; a fraction after `decimal`. */
const grouped = (sep: string, decimal: string) =>
  new RegExp(`^[+-]?\\d{1,3}(?:${sep}\\d{3})+(?:\\${decimal}\\d+)?$`);
const plain = (decimal: string) => new RegExp(`^[+-]?(?:\\d+\\${decimal}?\\d*|\\${decimal}\\d+)${EXPONENT}$`);
/** Indian grouping ("4,50,000.00", "1,23,45,678"): lakhs and crores by two digits, then thousands by three. */
const INDIAN = /^[+-]?\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/;
/** "1.234" or "1,234": a decimal in one convention, a thousand and more in the other. */
const ONE_GROUP = /^[+-]?\d{1,3}[.,]\d{3}$/;
/** Spaces as thousands separators, in locales of the decimal comma: plain, no-break, narrow no-break. */
const SPACES = '[ \\u00a0\\u202f]';

const FORMS = {
  '.': { plain: plain('.'), grouped: [grouped(',', '.'), INDIAN] },
  ',': { plain: plain(','), grouped: [grouped('\\.', ','), grouped(SPACES, ',')] },
} as const;

/**
 * A strict decimal in the file's convention: "1234.5", "1,234.5" (thousands grouped by three, or
 * Indian grouping: "12,34,567.5"), "1.2e3"; with a decimal comma "1234,5", "1.234,5", "1 234,5". Rejects what spreadsheets
 * and typos produce: "12,3x4", "NaN", "Infinity", "1e400", "", a decimal point in a file of decimal
 * commas. One group of thousands alone ("1.234", "1,234") reads either way unless the file is evident.
 * A number as a spreadsheet shows it rounded ("4.37074E+11") is refused: its other digits are lost.
 * A leading "−" (U+2212, as web pages print a minus) reads as "-".
 */
export function readNumber(text: string, format: NumberFormat = DECIMAL_POINT): NumberReading {
  const trimmed = text.trim().replace(/^\u2212/, '-');
  if (SPREADSHEET_ROUNDED.test(trimmed)) return { problem: 'rounded' };
  if (format.doubtful && ONE_GROUP.test(trimmed)) return { problem: 'ambiguous' };
  const forms = FORMS[format.decimal];
  let digits: string | undefined;
  if (forms.plain.test(trimmed)) digits = trimmed;
  else if (forms.grouped.some((form) => form.test(trimmed))) {
    if (!format.evident && ONE_GROUP.test(trimmed)) return { problem: 'ambiguous' };
    digits = trimmed.replace(format.decimal === '.' ? /,/g : /[.\s\u00a0\u202f]/g, '');
  }
  if (digits === undefined) return { problem: 'invalid' };
  const value = Number(format.decimal === ',' ? digits.replace(',', '.') : digits);
  return Number.isFinite(value) ? { value } : { problem: 'invalid' };
}

/** `readNumber`'s value, or undefined for text that is not a number in the convention. */
export function parseNumber(text: string, format: NumberFormat = DECIMAL_POINT): number | undefined {
  const read = readNumber(text, format);
  return 'value' in read ? read.value : undefined;
}
