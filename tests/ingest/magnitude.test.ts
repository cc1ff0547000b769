import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages as m, normaliseMessages } from '../../src/core/messages.ts';
import { MAX_TRADE_USD } from '../../src/core/units.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { createUsdConverter } from '../../src/normalise/money.ts';
import { brief, folderWith, problemsOf } from './folders.ts';

// SYNTHETIC values. No trade flow is above USD 1,000 trillion (1e15): a value beyond it is a wrong unit
// or a damaged cell, and refusing it keeps every sum of the values a finite number.
const HEADER = 'period,reporter,partner,flow,product,value,unit';

describe('values no trade flow can have', () => {
  it('are refused where they are, whatever their unit', async () => {
    const dir = await folderWith({
      'trade.csv': [
        HEADER,
        '2024,IND,RUS,export,TOTAL,1e308,USD bn',
        // Two values near the largest double: each is finite, their sum is not.
        '2024,IND,RUS,import,TOTAL,1.7e308,USD',
        '2024,IND,RUS,import,27,1.7e308,USD',
        '2024,IND,RUS,re-export,TOTAL,1000000001,USD mn',
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `trade.csv, line 2, column "value": ${m.valueTooLarge('1e308', 'USD bn')}`,
      `trade.csv, line 3, column "value": ${m.valueTooLarge('1.7e308', 'USD')}`,
      `trade.csv, line 4, column "value": ${m.valueTooLarge('1.7e308', 'USD')}`,
      `trade.csv, line 5, column "value": ${m.valueTooLarge('1000000001', 'USD mn')}`,
    ]);
  });

  it('keep USD 1,000 trillion itself, in any scale', async () => {
    const dir = await folderWith({
      'trade.csv': [
        HEADER,
        '2024,IND,RUS,export,TOTAL,1000000,USD bn',
        '2024,IND,RUS,import,TOTAL,1e15,USD',
      ].join('\n'),
    });
    expect((await ingest(dir)).trade.map(brief)).toEqual([
      '2024 IND RUS export TOTAL 1000000 USD bn line 2',
      '2024 IND RUS import TOTAL 1000000000000000 USD line 3',
    ]);
  });

  it('are refused in Comtrade and BACI files, on the small and the bulk BACI paths', async () => {
    const dir = await folderWith({
      'comtrade.csv': [
        'refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue',
        '2023,IND,RUS,X,TOTAL,9e307',
      ].join('\n'),
      // v is in thousand USD: 1e12 thousand is USD 1e15, the most a value can be.
      'baci.csv': [
        't,i,j,k,v,q',
        '2022,699,643,300490,1000000000000,1',
        '2022,699,643,300491,1000000000001,1',
      ].join('\n'),
    });
    const expected = [
      `baci.csv, line 3, column "v": ${m.valueTooLarge('1000000000001', 'USD thousand')}`,
      `comtrade.csv, line 2, column "primaryValue": ${m.valueTooLarge('9e307', 'USD')}`,
    ];
    expect(await problemsOf(dir, { bulkMinBytes: Number.POSITIVE_INFINITY })).toEqual(expected);
    expect(await problemsOf(dir, { bulkMinBytes: 0 })).toEqual(expected);
  });

  it('after conversion from rupees, name the value, the rate and the line', () => {
    const usd = createUsdConverter([
      { period: '2024', currency: 'INR', perUsd: 0.001, source: 's', file: 'rates.csv', line: 2 },
    ]);
    // 1e10 crore = 1e17 rupees, at 0.001 rupees per dollar USD 1e20.
    expect(usd.toUsd(1e10, 'INR crore', '2024', { file: 'trade.csv', line: 7 })).toBeUndefined();
    // 1e7 crore = 1e14 rupees at 0.5 per dollar: USD 2e14, below the ceiling.
    const rates = [{ period: '2024', currency: 'INR', perUsd: 0.5, source: 's', file: 'rates.csv', line: 2 }];
    expect(createUsdConverter(rates).toUsd(1e7, 'INR crore', '2024', { file: 't', line: 1 })).toBe(2e14);
    expect(() => usd.throwIfProblems()).toThrow(InputError);
    try {
      usd.throwIfProblems();
    } catch (error) {
      expect((error as InputError).problems).toEqual([
        {
          file: 'trade.csv',
          line: 7,
          message: normaliseMessages.convertedTooLarge('10000000000 INR crore', '2024', 0.001),
        },
      ]);
    }
    expect(2e14).toBeLessThan(MAX_TRADE_USD);
  });
});
