import type { NumberFormat } from '../core/numbers.ts';
import type { Delimiter } from './sniffText.ts';

/** A decimal comma beyond doubt: "12,5", "0,881", "4881,25", "1.234,5", "1.234.567". */
const COMMA_DECIMAL =
  /^[+-]?(?:0,\d+|\d+,(?:\d{1,2}|\d{4,})|\d{4,},\d+|\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,})$/;
/** A decimal point beyond doubt: "12.5", "0.881", "4881.25", "1,234.5", "1,234,567", "4,50,000". */
const POINT_DECIMAL =
  /^[+-]?(?:0\.\d+|\d+\.(?:\d{1,2}|\d{4,})|\d{4,}\.\d+|\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?)$/;

/**
 * The number convention of a file, from its cells: the one its numbers show beyond doubt, else the one
 * its delimiter suggests (a semicolon: a continental locale, decimal comma; a comma: decimal point,
 * beyond doubt, as a comma-separated file cannot use the comma for decimals unquoted). Decimal commas
 * quoted in a comma-separated file are read, but not a value that reads either way ("4,260").
 */
export function numberFormatOf(
  delimiter: Delimiter,
  rows: readonly { cells: readonly string[] }[],
): NumberFormat {
  const scan = createNumberFormatScan(delimiter);
  for (const { cells } of rows) if (scan.add(cells)) break;
  return scan.result();
}

/**
 * `numberFormatOf` row by row, for a file read as a stream: `add` says when the rows seen already
 * decide it, `result` gives it.
 */
export function createNumberFormatScan(delimiter: Delimiter) {
  let comma = false;
  let point = false;
  return {
    add(cells: readonly string[]): boolean {
      for (const cell of cells) {
        if (!comma && COMMA_DECIMAL.test(cell)) comma = true;
        else if (!point && POINT_DECIMAL.test(cell)) point = true;
      }
      return comma && point;
    },
    result(): NumberFormat {
      if (comma !== point) {
        const evident: NumberFormat = { decimal: comma ? ',' : '.', evident: true };
        // Decimal commas in a comma-separated file contradict its delimiter: "4,260" might be either.
        return comma && delimiter === ',' ? { ...evident, doubtful: true } : evident;
      }
      return delimiter === ';'
        ? { decimal: ',', evident: false }
        : { decimal: '.', evident: delimiter === ',' && !comma };
    },
  };
}
