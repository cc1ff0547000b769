import { describe, expect, it } from 'vitest';
import {
  builtInScaledFormat,
  scalesShownNumbers,
  shownScale,
} from '../../src/ingest/containers/numberFormats.ts';

describe('number formats', () => {
  it('divide by 1,000 per comma after the last digit placeholder, and multiply by 100 per percent sign', () => {
    // [format code, value, what it multiplies the value by as it shows it]
    const cases: [string, number, number][] = [
      ['#,##0,', 1_234_567, 1 / 1000],
      ['#,##0.00,', 1_234_567, 1 / 1000],
      ['0.0,,', 12_200_000, 1 / 1_000_000],
      ['#,##0,"K"', 5, 1 / 1000],
      ['[$-409]#,##0,', 5, 1 / 1000],
      ['#,##0,_);(#,##0,)', -5, 1 / 1000],
      ['0%', 0.25, 100],
      ['0.00%', 0.25, 100],
      ['0%%', 0.25, 10_000],
      // A comma between placeholders separates thousands; quoted, escaped or bracketed text is literal.
      ['#,##0', 1_234_567, 1],
      ['#,##0.00', 1_234_567, 1],
      ['"a,b"0', 5, 1],
      ['0\\,', 5, 1],
      ['0"%"', 5, 1],
      ['[Red]0.0', 5, 1],
      ['_(* #,##0_);_(* (#,##0);_(* "-"??_);_(@_)', 5, 1],
      ['General', 5, 1],
      ['0.00E+00', 5, 1],
      ['yyyy', 44927, 1],
      ['@', 5, 1],
    ];
    for (const [code, value, scale] of cases) expect([code, shownScale(code, value)]).toEqual([code, scale]);
  });

  it('take the section of the value: positive; negative; zero', () => {
    expect(shownScale('#,##0;-#,##0,', 5)).toBe(1);
    expect(shownScale('#,##0;-#,##0,', -5)).toBe(1 / 1000);
    // Without a negative section, the first shows negative numbers too.
    expect(shownScale('#,##0,', -5)).toBe(1 / 1000);
    expect(shownScale('0;0;0%', 0)).toBe(1);
    // With conditions, whichever section scales.
    expect(shownScale('[>=1000000]#,##0.0,,"M";#,##0', 5)).toBe(1 / 1_000_000);
    // Zero shows as zero whatever the scale.
    expect(shownScale('0.0,,', 0)).toBe(1);
  });

  it('know which formats can show a number scaled, built-in ones by id', () => {
    expect(scalesShownNumbers('#,##0;(#,##0,)')).toBe(true);
    expect(scalesShownNumbers('#,##0;(#,##0)')).toBe(false);
    expect([9, 10].map(builtInScaledFormat)).toEqual(['0%', '0.00%']);
    // 3 is "#,##0", 4 "#,##0.00", 14 a date, 37 an accounting format: all shown as stored.
    expect([0, 3, 4, 14, 37].map(builtInScaledFormat)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
