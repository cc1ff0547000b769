import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { formatCoverage, summariseCoverage } from '../../src/ingest/coverage.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import type { TradeRow } from '../../src/normalise/table.ts';
import { brief, fixture, folderWith } from './folders.ts';

const row = (r: TradeRow) => `${r.period} ${r.reporter}→${r.partner} ${r.flow} ${r.product} ${r.valueUsd}`;
const FILE = 'comtrade_2021_CHN_2020.csv';

describe('UN Comtrade, the 2021 portal layout', () => {
  it('reads whole flows and sets breakdowns and groups aside, counting what it used', async () => {
    const result = await ingest(fixture('comtrade-2021'));
    expect(result.trade.map(brief)).toEqual([
      '2020 CHN WLD export TOTAL 2590000000000 USD line 2',
      '2020 CHN RUS export TOTAL 50585000000 USD line 3',
      '2020 CHN RUS export 84 12000000000 USD line 4',
      '2020 CHN RUS export 85 9000000000 USD line 5',
      '2020 CHN RUS export 8471 3000000000 USD line 6',
      '2020 CHN RUS import TOTAL 54000000000 USD line 11',
      '2020 CHN RUS import 27 40000000000 USD line 12',
      '2020 CHN RUS re-export TOTAL 100000000 USD line 14',
      '2020 CHN WLD import TOTAL 2060000000000 USD line 17',
      '2020 CHN WLD re-import TOTAL 5000000 USD line 18',
    ]);
    // 17 rows: 10 used; the mode-of-transport, customs-procedure and second-partner breakdowns of line 3,
    // the DX and FM flows, and the EU-28 and "Areas, nes" partners set aside.
    expect(result.files[0]).toMatchObject({
      file: FILE,
      format: 'comtrade-legacy',
      rows: 17,
      used: 10,
      records: 10,
      rejected: {
        [m.asideTransport('Mode of Transport Code')]: 1,
        [m.asideCustoms('Customs Proc. Code')]: 1,
        [m.asideSecondPartner('2nd Partner Code')]: 1,
        [m.asideFlowBreakdown('DX')]: 1,
        [m.asideFlowBreakdown('FM')]: 1,
        [m.asideNotCountry('partner')]: 2,
      },
      classifications: [{ code: 'H5', name: 'HS 2017' }],
    });
    expect(formatCoverage(summariseCoverage(result)).split('\n')[1]).toBe(
      '  1 file: 17 rows read, 10 used, 7 set aside; 10 records',
    );
  });

  it('gives the pair’s totals and chapters, with the rest as "Other"', async () => {
    const config = parseConfig({ reporter: 'CHN', partner: 'RUS' }, 'test');
    const ingested = await ingest(fixture('comtrade-2021'), {
      focus: { reporter: 'CHN', partners: ['RUS'] },
    });
    const normalised = normalise(ingested, config);
    expect(normalised.trade.filter((r) => r.partner === 'RUS').map(row)).toEqual([
      '2020 CHN→RUS export TOTAL 50585000000',
      // The chapter rows are used; HS 8471 is within chapter 84.
      '2020 CHN→RUS export 84 12000000000',
      '2020 CHN→RUS export 85 9000000000',
      `2020 CHN→RUS export OTHER ${50585000000 - 12000000000 - 9000000000}`,
      '2020 CHN→RUS import TOTAL 54000000000',
      '2020 CHN→RUS import 27 40000000000',
      `2020 CHN→RUS import OTHER ${54000000000 - 40000000000}`,
      '2020 CHN→RUS re-export TOTAL 100000000',
    ]);
  });

  it('reads flows as names or codes in either column, and sets monthly rows aside', async () => {
    const header =
      'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Trade Value (US$)';
    const line = (period: string, code: string, flow: string, value: number) =>
      `H5,2020,${period},${period},0,0,${code},${flow},156,China,CHN,643,Russian Federation,RUS,TOTAL,All Commodities,${value}`;
    const dir = await folderWith({
      'comtrade.csv': [
        header,
        line('2020', '2', 'Export', 10),
        line('2020', '1', '', 20),
        line('2020', 'RM', 'Re-import', 30),
        line('2020', 'DX', 'Domestic Export', 40),
        line('202003', '2', 'Export', 50),
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      '2020 CHN RUS export TOTAL 10 USD line 2',
      '2020 CHN RUS import TOTAL 20 USD line 3',
      '2020 CHN RUS re-import TOTAL 30 USD line 4',
    ]);
    expect(result.files[0]?.rejected).toEqual({
      [m.asideFlowBreakdown('Domestic Export')]: 1,
      [m.asideNotAnnualPeriod('202003')]: 1,
    });
  });
});
