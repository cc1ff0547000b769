import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { brief, fixture, folderWith, problemsOf } from './folders.ts';

const HEADER = '"S.No.","HSCode","Commodity","2023-2024","%Share","2024-2025","%Share","%Growth"';
const ROW = '"1.","30","PHARMACEUTICAL PRODUCTS","1,100.50","25.82","1,250.00","25.61","13.58"';

describe('India EIDB / TradeStat tables', () => {
  it('reads flow, partner and unit from the file name, and April–March years from the columns', async () => {
    const result = await ingest(fixture('tradestat'));
    const exports = result.trade.filter((r) => r.file === 'eidb_export_RUS_usd-million.csv');
    expect(exports.map(brief)).toEqual([
      'FY2023-24 IND RUS export 30 1100.5 USD million line 2',
      'FY2024-25 IND RUS export 30 1250 USD million line 2',
      // A blank cell is a year without trade in that line: no record.
      'FY2023-24 IND RUS export 84 600.25 USD million line 3',
      // "3" lost its leading zero in a spreadsheet: chapter 03.
      'FY2023-24 IND RUS export 03 150 USD million line 4',
      'FY2024-25 IND RUS export 03 160.4 USD million line 4',
      'FY2023-24 IND RUS export TOTAL 4261.62 USD million line 5',
      'FY2024-25 IND RUS export TOTAL 4881.3 USD million line 5',
      // "India's Total" is India's exports to the world.
      'FY2023-24 IND WLD export TOTAL 437072.03 USD million line 6',
      'FY2024-25 IND WLD export TOTAL 437704.58 USD million line 6',
    ]);
    const report = result.files.find((f) => f.file === 'eidb_export_RUS_usd-million.csv');
    expect(report).toMatchObject({ rows: 6, used: 5, records: 9, rejected: { [m.asideShareRow()]: 1 } });
  });

  it('reads them from the title lines of the download (India named there too), and sets a part-year column aside', async () => {
    const result = await ingest(fixture('tradestat'));
    const imports = result.trade.filter((r) => r.file === 'eidb_country_wise_import.csv');
    expect(imports.map(brief)).toEqual([
      'FY2024-25 IND RUS import 27 450000 INR crore line 9',
      'FY2024-25 IND RUS import 31 20000 INR crore line 10',
      'FY2024-25 IND RUS import TOTAL 540000 INR crore line 11',
    ]);
    expect(result.rejects).toContainEqual({
      file: 'eidb_country_wise_import.csv',
      line: 8,
      reason: m.asidePartialPeriod('2025-2026(Apr-Sep)'),
    });
    expect(result.files.find((f) => f.file === 'eidb_country_wise_import.csv')).toMatchObject({
      rows: 3,
      used: 3,
      rejected: {},
      rejectedColumns: { [m.asidePartialPeriod('2025-2026(Apr-Sep)')]: 1 },
    });
    // Rupee values are converted in normalise with the rates read here.
    expect(result.rates).toEqual([
      {
        period: 'FY2024-25',
        currency: 'INR',
        perUsd: 84.5,
        source: 'rates-synthetic',
        file: 'rates.csv',
        line: 2,
      },
    ]);
  });

  it('reads a whole year marked provisional or April–March, and still sets a part-year aside', async () => {
    const dir = await folderWith({
      'eidb_export_RUS_usd-million.csv': [
        '"S.No.","HSCode","Commodity","2023-2024(Apr-Mar)","%Share","2024-2025 (P)","%Share","2025-2026(Apr-Sep)"',
        '"1.","30","PHARMACEUTICAL PRODUCTS","1,100.50","25.82","1,250.00","25.61","700.00"',
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map((r) => `${brief(r)} ${r.status}`)).toEqual([
      'FY2023-24 IND RUS export 30 1100.5 USD million line 2 final',
      'FY2024-25 IND RUS export 30 1250 USD million line 2 provisional',
    ]);
    expect(result.files[0]?.rejectedColumns).toEqual({ [m.asidePartialPeriod('2025-2026(Apr-Sep)')]: 1 });
  });

  it('refuses a flow or unit that the title, the header and the file name state differently', async () => {
    const dir = await folderWith({
      // Exports by the title, imports by the name.
      'eidb_import_RUS_usd-million.csv': `"Export :: Country-wise all commodities"\n${HEADER}\n${ROW}\n`,
      // Two units in the title.
      'eidb_export_RUS.csv': `"Values in US$ Million"\n"Values in ₹ Crore"\n${HEADER}\n${ROW}\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      `eidb_export_RUS.csv, line 3: ${m.tableFactsDisagree('unit', ['the title says USD million', 'the title says INR crore'])}`,
      `eidb_import_RUS_usd-million.csv, line 2: ${m.tableFactsDisagree('flow', ['the title says export', 'the file name says import'])}`,
    ]);
  });

  it('says what to do when the file tells neither flow, unit nor partner', async () => {
    const dir = await folderWith({ 'download.csv': `${HEADER}\n${ROW}\n` });
    expect(await problemsOf(dir)).toEqual([
      'download.csv, line 1: cannot tell the flow, unit and partner of this TradeStat table: keep the title lines of the download above the header, or say it in the file name, e.g. "eidb_export_RUS_usd-million.csv"',
    ]);
  });

  it('names a row that is neither an HS code nor a total', async () => {
    const dir = await folderWith({
      'tradestat_import_china_inr-crore.csv': `${HEADER}\n${ROW}\n"","","Subtotal","5","","6","",""\n`,
    });
    expect(await problemsOf(dir)).toEqual([
      'tradestat_import_china_inr-crore.csv, line 3, column "HSCode": expected an HS code, or a "Total" row, found "Subtotal"',
    ]);
  });
});

describe('exchange rates', () => {
  it('checks period, currency and rate, and a second rate for the same period', async () => {
    const dir = await folderWith({
      'rates.csv': [
        'period,currency,per_usd',
        'FY2024-25,INR,84.5',
        'FY2024-25,INR,85',
        'FY2024-26,INR,86',
        '2024,EUR,0.9',
        '2023,INR,0',
        // Dollars per rupee, and paise per dollar: each would make every converted value wrong.
        'FY2023-24,INR,0.01183',
        '2022,INR,8450',
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      'rates.csv, line 4, column "period": malformed period "FY2024-26": expected "FY2024-25" or "2024"',
      'rates.csv, line 5, column "currency": unknown currency "EUR": expected INR',
      'rates.csv, line 6, column "per_usd": expected an exchange rate above zero (currency units per US dollar), found "0"',
      `rates.csv, line 7, column "per_usd": ${m.implausibleRate('0.01183', 4, 500)}`,
      `rates.csv, line 8, column "per_usd": ${m.implausibleRate('8450', 4, 500)}`,
      'rates.csv, line 3, column "per_usd": same period and currency as line 2, but a different rate (84.5 there): keep one',
    ]);
  });
});
