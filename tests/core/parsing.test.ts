import { describe, expect, it } from 'vitest';
import { chapterOf, expandChapterRange, normaliseHsCode } from '../../src/core/hs.ts';
import { parseNumber, readNumber } from '../../src/core/numbers.ts';
import { fiscalLabel, parsePeriod, periodEnd } from '../../src/core/periods.ts';
import { parseMoneyUnit } from '../../src/core/units.ts';
import { numberFormatOf } from '../../src/ingest/numberFormat.ts';

describe('parseNumber', () => {
  it('reads plain, signed, grouped and exponent forms', () => {
    expect(parseNumber('4881.3')).toBe(4881.3);
    expect(parseNumber(' -58930.14 ')).toBe(-58930.14);
    expect(parseNumber('1,234,567.5')).toBe(1234567.5);
    expect(parseNumber('1.2e3')).toBe(1200);
    // As web pages and published tables print a minus (U+2212).
    expect(parseNumber('\u221258,930.14')).toBe(-58930.14);
    expect(parseNumber('\u2212')).toBeUndefined();
    expect(parseNumber('58\u2212')).toBeUndefined();
  });
  it('reads Indian grouping: lakhs and crores by two digits, then thousands by three', () => {
    expect(parseNumber('4,50,000.00')).toBe(450000);
    expect(parseNumber('1,23,45,678.9')).toBe(12345678.9);
    expect(parseNumber('\u221212,34,567')).toBe(-1234567);
    // A file of decimal commas does not group so.
    expect(readNumber('4,50,000', { decimal: ',', evident: true })).toEqual({ problem: 'invalid' });
  });
  it.each([
    '12,3x4',
    'NaN',
    'Infinity',
    '1e400',
    '',
    '1,23',
    '12 345',
    '0x10',
    '1,2,345',
    '12,345,67',
    '123,45,678',
    '4,50,00',
  ])('rejects %j', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
  it('refuses a number as a spreadsheet shows it rounded: six digits at most, a capital E, a sign', () => {
    for (const text of ['4.37074E+11', ' 1E+11 ', '-2.5E-05', '9.99999E+100'])
      expect(readNumber(text)).toEqual({ problem: 'rounded' });
    expect(readNumber('4,37074E+11', { decimal: ',', evident: true })).toEqual({ problem: 'rounded' });
    // What other programs write, and a mantissa of seven digits, keep their value.
    expect(readNumber('4.37074e+11')).toEqual({ value: 437074000000 });
    expect(readNumber('4.370736E+11')).toEqual({ value: 437073600000 });
    expect(readNumber('1E11')).toEqual({ value: 1e11 });
  });
});

describe('readNumber in a file of decimal commas', () => {
  const comma = { decimal: ',', evident: true } as const;
  const guessed = { decimal: ',', evident: false } as const;
  it('reads the comma as the decimal separator, dots and spaces as thousands', () => {
    expect(readNumber('4,881', guessed)).toEqual({ value: 4.881 });
    expect(readNumber('-1.234.567,25', guessed)).toEqual({ value: -1234567.25 });
    expect(readNumber('1\u00a0234,5', guessed)).toEqual({ value: 1234.5 });
    expect(readNumber('1\u202f234', guessed)).toEqual({ value: 1234 });
    expect(readNumber('1.234', comma)).toEqual({ value: 1234 });
  });
  it('refuses one group of thousands it cannot be sure of, and a decimal point', () => {
    expect(readNumber('1.234', guessed)).toEqual({ problem: 'ambiguous' });
    expect(readNumber('1234.5', comma)).toEqual({ problem: 'invalid' });
    expect(readNumber('1.23,4', comma)).toEqual({ problem: 'invalid' });
  });
  it('refuses one group either way in a file whose cells contradict its delimiter', () => {
    const doubtful = { decimal: ',', evident: true, doubtful: true } as const;
    expect(readNumber('4,260', doubtful)).toEqual({ problem: 'ambiguous' });
    expect(readNumber('1.234', doubtful)).toEqual({ problem: 'ambiguous' });
    expect(readNumber('63840,2', doubtful)).toEqual({ value: 63840.2 });
    expect(readNumber('1.234,5', doubtful)).toEqual({ value: 1234.5 });
  });
  it('with a decimal point, one comma group is ambiguous only where the file does not show which', () => {
    expect(readNumber('1,234', { decimal: '.', evident: false })).toEqual({ problem: 'ambiguous' });
    expect(readNumber('1,234')).toEqual({ value: 1234 });
  });
});

describe('numberFormatOf', () => {
  const cells = (...values: string[]) => values.map((v) => ({ cells: ['x', v] }));
  it('follows what the cells show beyond doubt, else the delimiter', () => {
    expect(numberFormatOf(';', cells('4,881', '7'))).toEqual({ decimal: ',', evident: false });
    expect(numberFormatOf(';', cells('4,881', '12,5'))).toEqual({ decimal: ',', evident: true });
    expect(numberFormatOf(';', cells('4.881', '12.5'))).toEqual({ decimal: '.', evident: true });
    expect(numberFormatOf('\t', cells('1,234', '7'))).toEqual({ decimal: '.', evident: false });
    expect(numberFormatOf('\t', cells('1.234.567'))).toEqual({ decimal: ',', evident: true });
    // Indian grouping writes a decimal point: "1,234" beside it is a thousand and more.
    expect(numberFormatOf('\t', cells('1,234', '4,50,000'))).toEqual({ decimal: '.', evident: true });
    expect(numberFormatOf(',', cells('7', '"1,234"'))).toEqual({ decimal: '.', evident: true });
    // Decimal commas in a comma-separated file: read, but a value that reads either way is not.
    expect(numberFormatOf(',', cells('63840,2', '4,260'))).toEqual({
      decimal: ',',
      evident: true,
      doubtful: true,
    });
    expect(numberFormatOf('\t', cells('63840,2', '4,260'))).toEqual({ decimal: ',', evident: true });
  });
});

describe('parsePeriod', () => {
  it('labels fiscal years the same whichever way they are written', () => {
    for (const text of ['FY2024-25', '2024-25', '2024-2025', 'FY 2024-25']) {
      expect(parsePeriod(text)).toEqual({ label: 'FY2024-25', basis: 'fiscal', year: 2024 });
    }
  });
  it('keeps calendar years apart', () => {
    expect(parsePeriod('2019')).toEqual({ label: '2019', basis: 'calendar', year: 2019 });
  });
  it('crosses the century', () => {
    expect(fiscalLabel(1999)).toBe('FY1999-00');
    expect(parsePeriod('1999-00')?.label).toBe('FY1999-00');
    expect(parsePeriod('1999-2000')?.label).toBe('FY1999-00');
  });
  it.each([
    '2024-26',
    '24-25',
    'FY2024',
    '20x4',
    '1850',
    '2024-2125',
    'FY2024-1925',
    '2024-2024',
    '1999-1900',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
  it('ends a fiscal year on 31 March and a calendar year on 31 December', () => {
    expect(periodEnd({ label: 'FY2025-26', basis: 'fiscal', year: 2025 }).toISOString()).toBe(
      '2026-03-31T00:00:00.000Z',
    );
    expect(periodEnd({ label: '2019', basis: 'calendar', year: 2019 }).toISOString()).toBe(
      '2019-12-31T00:00:00.000Z',
    );
  });
});

describe('parseMoneyUnit', () => {
  it.each([
    ['USD', 'USD', 1],
    ['USD mn', 'USD', 1e6],
    ['US$ million', 'USD', 1e6],
    ['thousand USD', 'USD', 1e3],
    ['USD bn', 'USD', 1e9],
    ['₹ crore', 'INR', 1e7],
    ['INR lakh', 'INR', 1e5],
    ['Rs. crore', 'INR', 1e7],
    ["USD '000", 'USD', 1e3],
    ["US$ '000", 'USD', 1e3],
    ['thousand US dollars', 'USD', 1e3],
    ['U.S. dollars', 'USD', 1],
    ['USD (millions)', 'USD', 1e6],
    ['Mln USD', 'USD', 1e6],
  ])('%s', (text, currency, scale) => {
    expect(parseMoneyUnit(text)).toEqual({ currency, scale });
  });
  it.each([
    'persons',
    'EUR',
    'USD per tonne',
    '',
    'USD constructor',
    'toString USD',
    'USD __proto__',
    'dollars',
    'USD (per tonne)',
    'USD ((mn))',
  ])('is not a money unit: %j', (text) => {
    expect(parseMoneyUnit(text)).toBeUndefined();
  });
});

describe('HS codes', () => {
  it('keep their leading zeros and restore lost ones', () => {
    expect(normaliseHsCode('09')).toBe('09');
    expect(normaliseHsCode('9')).toBe('09');
    expect(normaliseHsCode('10121')).toBe('010121');
    expect(normaliseHsCode('270900')).toBe('270900');
    expect(normaliseHsCode('27.09')).toBeUndefined();
    // HS has no chapter 00.
    for (const code of ['0', '00', '0012', '001234']) expect(normaliseHsCode(code)).toBeUndefined();
    expect(chapterOf('010121')).toBe('01');
  });
  it('expand chapter ranges', () => {
    expect(expandChapterRange('72-76')).toEqual(['72', '73', '74', '75', '76']);
    expect(expandChapterRange('01-03')).toEqual(['01', '02', '03']);
    expect(expandChapterRange('27')).toEqual(['27']);
  });
});
