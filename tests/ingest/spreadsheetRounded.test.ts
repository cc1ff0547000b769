import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { brief, folderWith, problemsOf } from './folders.ts';

// SYNTHETIC values. A spreadsheet shows a number too long for its cell with six significant digits
// and a capital E ("4.37074E+11"), and saving the sheet as CSV keeps only that.
const HEADER = 'period,reporter,partner,flow,product,value,unit';

describe('numbers as a spreadsheet shows them rounded', () => {
  it('are refused where they are, in our format, Comtrade and BACI, on the small and bulk paths', async () => {
    const dir = await folderWith({
      'trade.csv': [
        HEADER,
        '2024,IND,RUS,export,TOTAL,4.37074E+11,USD',
        '2024,IND,RUS,import,TOTAL,1E+11,USD',
        '2024,IND,RUS,import,27,-2.5E-05,USD',
      ].join('\n'),
      'comtrade.csv': [
        'refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue',
        '2023,IND,WLD,X,TOTAL,4.37074E+11',
      ].join('\n'),
      'baci.csv': ['t,i,j,k,v,q', '2022,699,643,300490,1.23457E+05,1'].join('\n'),
    });
    const expected = [
      `baci.csv, line 2, column "v": ${m.roundedNumber('1.23457E+05')}`,
      `comtrade.csv, line 2, column "primaryValue": ${m.roundedNumber('4.37074E+11')}`,
      `trade.csv, line 2, column "value": ${m.roundedNumber('4.37074E+11')}`,
      `trade.csv, line 3, column "value": ${m.roundedNumber('1E+11')}`,
      `trade.csv, line 4, column "value": ${m.roundedNumber('-2.5E-05')}`,
    ];
    expect(await problemsOf(dir, { bulkMinBytes: Number.POSITIVE_INFINITY })).toEqual(expected);
    expect(await problemsOf(dir, { bulkMinBytes: 0 })).toEqual(expected);
  });

  it('are refused with a decimal comma too', async () => {
    const dir = await folderWith({
      'trade.csv': [HEADER.replaceAll(',', ';'), '2024;IND;RUS;export;TOTAL;4,37074E+11;USD'].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `trade.csv, line 2, column "value": ${m.roundedNumber('4,37074E+11')}`,
    ]);
  });

  it('leave the exponents other programs write, and numbers with more than six digits', async () => {
    const dir = await folderWith({
      'trade.csv': [
        HEADER,
        '2024,IND,RUS,export,TOTAL,4.37074e+11,USD', // R and Python write a small e
        '2024,IND,RUS,import,TOTAL,6.3811440E+10,USD', // eight significant digits
        '2024,IND,RUS,import,27,1.5e3,USD',
        '2024,IND,RUS,re-export,TOTAL,437074000000,USD',
      ].join('\n'),
    });
    expect((await ingest(dir)).trade.map(brief)).toEqual([
      '2024 IND RUS export TOTAL 437074000000 USD line 2',
      '2024 IND RUS import TOTAL 63811440000 USD line 3',
      '2024 IND RUS import 27 1500 USD line 4',
      '2024 IND RUS re-export TOTAL 437074000000 USD line 5',
    ]);
  });
});
