const NBSP = '\u00a0';

/**
 * Joins a number to its unit and a label to its number with no-break spaces, so a line never ends on
 * "USD" or starts with "%" ("USD −50.9 bn", "5.6 %", "HS 27"). Text extraction still reads spaces.
 */
export function keepTogether(text: string): string {
  return text
    .replace(/\b(USD|HS|FY) (?=[−\-+]?\d)/g, `$1${NBSP}`)
    .replace(/(\d) (%|bn\b|m\b|thousand\b|pp\b)/g, `$1${NBSP}$2`);
}
