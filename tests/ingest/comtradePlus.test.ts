import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { brief, fixture, folderFrom, folderWith, problemsOf } from './folders.ts';

describe('UN Comtrade Plus', () => {
  it('reads goods totals and chapters, and sets aside what would count trade twice', async () => {
    const result = await ingest(fixture('comtrade-plus'));
    expect(result.trade.map(brief)).toEqual([
      '2023 IND RUS export TOTAL 4000000000 USD line 2',
      '2023 IND RUS export 30 1200000000 USD line 3',
      '2023 IND RUS export 84 800000000.5 USD line 4',
      // The HS4 row is kept: normalise uses the chapter row where a file has both levels.
      '2023 IND RUS export 3004 1000000000 USD line 5',
      '2023 IND RUS import TOTAL 60000000000 USD line 6',
      '2023 IND RUS import 27 50000000000 USD line 7',
      // partnerCode 0 / partnerISO W00 is the World.
      '2023 IND WLD export TOTAL 430000000000 USD line 8',
      '2023 IND RUS re-export TOTAL 5000000 USD line 9',
      '2023 RUS IND import TOTAL 3900000000 USD line 10',
    ]);
    expect(result.files).toHaveLength(1);
    expect(result.files[0]).toMatchObject({
      format: 'comtrade-plus',
      rows: 15,
      used: 9,
      records: 9,
      rejected: {
        [m.asideTransport('motCode')]: 1,
        [m.asideSecondPartner('partner2Code')]: 1,
        [m.asideCustoms('customsCode')]: 1,
        [m.asideFlowBreakdown('DX')]: 1,
        [m.asideNotCountry('partner')]: 1,
        [m.asideNotAnnual('M')]: 1,
      },
    });
    expect(result.rejects.map((r) => r.line)).toEqual([11, 12, 13, 14, 15, 16]);
  });

  it('reads the snake_case columns API clients write (comtradr)', async () => {
    const dir = await folderWith({
      'comtradr.csv': [
        'ref_year,reporter_iso,partner_iso,flow_code,cmd_code,primary_value,partner2_code,mot_code,customs_code',
        '2022,IND,RUS,M,27,41000000000,0,0,C00',
        '2022,IND,RUS,M,27,39000000000,0,2100,C00',
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual(['2022 IND RUS import 27 41000000000 USD line 2']);
    expect(result.files[0]?.rejected).toEqual({ [m.asideTransport('motCode')]: 1 });
  });

  it('reads a quantity R wrote as NA as unknown, never as 0', async () => {
    const dir = await folderWith({
      'comtradr.csv': [
        'ref_year,reporter_iso,partner_iso,flow_code,cmd_code,primary_value,qty,qty_unit_abbr,net_wgt',
        '2022,IND,RUS,X,3004,1000000000,NA,kg,NA',
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual(['2022 IND RUS export 3004 1000000000 USD line 2']);
    expect(result.products).toMatchObject([{ product: '3004', quantity: null, quantityUnit: null }]);
  });

  it('tells monthly rows by their month where freqCode is left out or blank', async () => {
    const dir = await folderWith({
      'trimmed.csv': [
        'refYear,refMonth,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue',
        '2023,52,2023,IND,RUS,X,TOTAL,4000000000',
        '2023,5,202305,IND,RUS,X,TOTAL,350000000',
      ].join('\n'),
      'blank.csv': [
        'freqCode,refYear,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue',
        ',2023,2023,IND,RUS,M,TOTAL,60000000000',
        ',2023,202306,IND,RUS,M,TOTAL,5000000000',
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      '2023 IND RUS import TOTAL 60000000000 USD line 2',
      '2023 IND RUS export TOTAL 4000000000 USD line 2',
    ]);
    const rejected = Object.fromEntries(result.files.map((f) => [f.file, f.rejected]));
    expect(rejected).toEqual({
      'blank.csv': { [m.asideNotAnnualPeriod('202306')]: 1 },
      'trimmed.csv': { [m.asideNotAnnualMonth('5')]: 1 },
    });
  });

  it('refuses a country it cannot read, where a group of areas has a code of its own', async () => {
    const dir = await folderWith({
      'areas.csv': [
        'refYear,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,cmdCode,primaryValue',
        '2023,699,IND,,RUSSIA,X,30,200000000',
        '2023,699,IND,,,X,84,100000000',
        '2023,699,IND,899,_X,X,TOTAL,50000000',
        '2023,699,IND,899,,X,TOTAL,50000000',
        '2023,699,IND,6430,,X,27,10000000',
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `areas.csv, line 2, column "partnerISO": ${m.unknownCountry('RUSSIA')}`,
      `areas.csv, line 3, column "partnerISO": ${m.missingValue("an ISO country code (or Comtrade's numeric one)")}`,
      `areas.csv, line 6, column "partnerCode": ${m.unknownCountry('6430')}`,
    ]);
  });

  it('refuses a row whose numeric code and ISO code name different countries, in either format', async () => {
    const dir = await folderWith({
      'plus.csv': [
        'refYear,reporterCode,reporterISO,partnerCode,partnerISO,flowCode,cmdCode,primaryValue',
        '2023,699,IND,643,RUS,X,30,200000000',
        '2023,699,IND,643,CHN,X,TOTAL,500000000',
        // Comtrade's own codes (India 699, France 251) and groups agree with their ISO codes.
        '2023,699,IND,251,FRA,X,TOTAL,90000000',
        '2023,699,IND,0,W00,X,TOTAL,437000000000',
      ].join('\n'),
      'legacy.csv': [
        'Classification,Year,Trade Flow,Reporter Code,Reporter ISO,Partner Code,Partner ISO,Commodity Code,Trade Value (US$)',
        'H5,2019,Export,356,IND,643,RUS,TOTAL,100',
        'H5,2019,Export,699,IND,156,RUS,TOTAL,200',
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `legacy.csv, line 3, column "Partner Code": ${m.areaCodesDisagree('156', 'CHN', 'Partner ISO', 'RUS')}`,
      `plus.csv, line 3, column "partnerCode": ${m.areaCodesDisagree('643', 'RUS', 'partnerISO', 'CHN')}`,
    ]);
  });

  it('says why there is no trade for the pair when every row of it was set aside', async () => {
    const dir = await folderWith({
      'monthly.csv': [
        'freqCode,refYear,period,reporterISO,partnerISO,flowCode,cmdCode,primaryValue',
        'M,2023,202305,IND,RUS,X,TOTAL,350000000',
        'M,2023,202306,IND,RUS,X,TOTAL,360000000',
        ',2023,202307,IND,RUS,X,TOTAL,370000000',
      ].join('\n'),
    });
    const ingested = await ingest(dir);
    const config = parseConfig({ reporter: 'IND', partner: 'RUS' }, 'test');
    expect(() => normalise(ingested, config)).toThrow(
      m.noTradeForPair('IND', 'RUS', { rows: 3, most: m.asideNotAnnual('M') }),
    );
    expect(m.noTradeForPair('IND', 'RUS', { rows: 3, most: m.asideNotAnnual('M') })).toContain(
      '(3 rows of the inputs were set aside, most as "not an annual figure (freqCode M)',
    );
  });

  it('cites the source whose "files" pattern matches the file name', async () => {
    const dir = await folderFrom('comtrade-plus');
    await writeFile(
      join(dir, 'sources.csv'),
      'id,title,publisher,url,files\ncomtrade-plus,Synthetic Comtrade Plus extract,tradebrief test fixtures,,TradeData_*.csv\n',
    );
    const result = await ingest(dir);
    expect(new Set(result.trade.map((r) => r.source))).toEqual(new Set(['comtrade-plus']));
  });
});
