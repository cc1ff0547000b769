import { describe, expect, it } from 'vitest';
import { compactChapters } from '../../src/core/hs.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { formatCoverage, summariseCoverage } from '../../src/ingest/coverage.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { fixture, folderFrom } from './folders.ts';

describe('coverage summary', () => {
  it('counts rows read, used and set aside by reason, per file and overall', async () => {
    const coverage = summariseCoverage(await ingest(fixture('comtrade-plus')));
    expect(coverage.files).toEqual([
      {
        file: 'TradeData_IND_2023.csv',
        format: 'comtrade-plus',
        encoding: 'utf-8',
        rows: 15,
        used: 9,
        setAside: 6,
        reasons: [
          { reason: m.asideCustoms('customsCode'), count: 1 },
          { reason: m.asideTransport('motCode'), count: 1 },
          { reason: m.asideSecondPartner('partner2Code'), count: 1 },
          { reason: m.asideFlowBreakdown('DX'), count: 1 },
          { reason: m.asideNotAnnual('M'), count: 1 },
          { reason: m.asideNotCountry('partner'), count: 1 },
        ],
        columns: [],
        records: 9,
        classifications: ['HS 2022 (H6)'],
      },
    ]);
    expect(coverage.overall).toMatchObject({ files: 1, rows: 15, used: 9, setAside: 6, records: 9 });
    expect(coverage.years).toEqual([{ label: '2023', basis: 'calendar', year: 2023 }]);
    expect(coverage.flows).toEqual(['export', 'import', 're-export']);
    expect(coverage.chapters).toEqual(['27', '30', '84']);
  });

  it('lists years by basis, and prints as text', async () => {
    const dir = await folderFrom('tradestat', 'baci');
    const coverage = summariseCoverage(await ingest(dir, { focus: { reporter: 'IND', partners: ['RUS'] } }));
    expect(coverage.years.map((y) => `${y.label} ${y.basis}`)).toEqual([
      '2022 calendar',
      'FY2023-24 fiscal',
      'FY2024-25 fiscal',
    ]);
    // Rows: BACI 11 + country codes 5 + product codes 8 + TradeStat 6 + 3 + rates 1 + sources 1.
    expect(coverage.overall).toMatchObject({
      files: 7,
      rows: 35,
      used: 26,
      setAside: 9,
      records: 25 + 5 + 9 + 3 + 1 + 1,
    });
    for (const f of coverage.files)
      expect(f.used + f.reasons.reduce((sum, r) => sum + r.count, 0)).toBe(f.rows);
    const text = formatCoverage(coverage);
    expect(text.split('\n')).toEqual([
      'Coverage of the inputs',
      '  7 files: 35 rows read, 26 used, 9 set aside; 44 records',
      `    8 set aside: ${m.asideProductNames()}`,
      `    1 set aside: ${m.asideShareRow()}`,
      `    1 column set aside: ${m.asidePartialPeriod('2025-2026(Apr-Sep)')}`,
      '  BACI_HS17_Y2022_V202401.csv (baci, UTF-8): 11 rows, 11 used, 0 set aside',
      '    classification: HS 2017 (HS17)',
      '  country_codes_V202401.csv (baci-country-codes, UTF-8): 5 rows, 5 used, 0 set aside',
      '  eidb_country_wise_import.csv (tradestat, UTF-8): 3 rows, 3 used, 0 set aside',
      `    1 column set aside: ${m.asidePartialPeriod('2025-2026(Apr-Sep)')}`,
      '    classification: HS (revision not stated)',
      '  eidb_export_RUS_usd-million.csv (tradestat, UTF-8): 6 rows, 5 used, 1 set aside',
      `    1 set aside: ${m.asideShareRow()}`,
      '    classification: HS (revision not stated)',
      '  product_codes_HS17_V202401.csv (baci-product-codes, UTF-8): 8 rows, 0 used, 8 set aside',
      `    8 set aside: ${m.asideProductNames()}`,
      '    classification: HS 2017 (HS17)',
      '  rates.csv (rates, UTF-8): 1 row, 1 used, 0 set aside',
      '  sources.csv (sources, UTF-8): 1 row, 1 used, 0 set aside',
      '  years: 2022 (calendar years); FY2023-24, FY2024-25 (fiscal years, April–March)',
      '  flows: export, import',
      '  HS chapters: 01, 03, 10, 27, 29–31, 84–85 (9 chapters)',
    ]);
  });

  it('writes chapter runs as ranges', () => {
    expect(compactChapters(['01', '02', '03', '05', '27', '28', '99'])).toBe('01–03, 05, 27–28, 99');
    expect(compactChapters([])).toBe('');
  });
});
