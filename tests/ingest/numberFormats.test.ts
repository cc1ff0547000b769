import { describe, expect, it } from 'vitest';
import {
  builtInFormatShownOtherwise,
  shownScale,
  showsDate,
  showsNumbersOtherwise,
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

  it('know which formats show a number other than as stored, built-in ones by id', () => {
    expect(showsNumbersOtherwise('#,##0;(#,##0,)')).toBe(true);
    expect(showsNumbersOtherwise('#,##0;(#,##0)')).toBe(false);
    expect(showsNumbersOtherwise('yyyy')).toBe(true);
    expect([9, 10, 14, 22].map(builtInFormatShownOtherwise)).toEqual([
      '0%',
      '0.00%',
      'mm-dd-yy',
      'm/d/yy h:mm',
    ]);
    expect(builtInFormatShownOtherwise(57)).toContain('built-in 57');
    // 0 is General, 3 "#,##0", 4 "#,##0.00", 37 an accounting format, 49 text: all shown as stored.
    expect([0, 3, 4, 37, 49].map(builtInFormatShownOtherwise)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('tell a date or time format by a y, m, d, h or s outside literals and brackets', () => {
    const dates = ['yyyy', 'dd/mm/yyyy', 'mmm-yy', '[$-409]d-mmm-yyyy;@', 'h:mm AM/PM', '[h]:mm:ss', 'YYYY'];
    const numbers = ['General', '0', '#,##0.00', '0.00E+00', '0.0 "mn"', '#,##0 "days"', '[Red]0', '@', '0%'];
    expect(dates.filter((code) => !showsDate(code))).toEqual([]);
    expect(numbers.filter(showsDate)).toEqual([]);
  });
});
