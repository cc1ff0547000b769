import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { columnKey } from '../../src/ingest/adapter.ts';
import { detectFormat, isHeaderRow } from '../../src/ingest/formats.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readCsv } from '../../src/ingest/readCsv.ts';
import { brief, fixture, folderWith } from './folders.ts';

const formatOf = (header: string) => {
  const detection = detectFormat(header.split(','));
  return 'adapter' in detection ? detection.adapter.format : detection;
};

const firstLine = async (...path: string[]) =>
  (await readFile(fixture(...path), 'utf8')).split(/\r?\n/)[0] ?? '';

describe('format detection by header', () => {
  it('recognises each supported format', async () => {
    expect(formatOf('period,reporter,partner,flow,product,value,unit,source')).toBe('canonical');
    expect(formatOf('period,currency,per_usd,source')).toBe('rates');
    expect(formatOf(await firstLine('comtrade-plus', 'TradeData_IND_2023.csv'))).toBe('comtrade-plus');
    expect(
      formatOf(
        'Classification,Year,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Aggregate Level,Commodity Code,Commodity,Trade Value (US$)',
      ),
    ).toBe('comtrade-legacy');
    expect(formatOf('t,i,j,k,v,q')).toBe('baci');
    expect(formatOf('country_code,country_name,country_iso2,country_iso3')).toBe('baci-country-codes');
    expect(
      formatOf('country_code,country_name_abbreviation,country_name_full,iso_2digit_alpha,iso_3digit_alpha'),
    ).toBe('baci-country-codes');
    expect(formatOf('code,description')).toBe('baci-product-codes');
    expect(formatOf('S.No.,HSCode,Commodity,2023-2024,%Share,2024-2025,%Share,%Growth')).toBe('tradestat');
    expect(formatOf('Code,Product label,Exported value in 2023,Exported value in 2024')).toBe('trade-map');
    expect(formatOf('Product code,Product label,Imported value in 2024')).toBe('trade-map');
    expect(
      formatOf('topic,measure,sector,scope,period,value,value_high,unit,qualifier,source,confidence,note'),
    ).toBe('figures');
    expect(formatOf('id,title,publisher,url,files,note')).toBe('sources');
    expect(formatOf('section,hscode,description,parent,level')).toBe('hs-chapters');
    expect(formatOf('section,name')).toBe('hs-sections');
  });

  it('names the columns a nearly matching header lacks', () => {
    expect(formatOf('refYear,reporterISO,partnerISO,flowCode,cmdCode')).toMatchObject({
      lacking: { adapter: { format: 'comtrade-plus' }, columns: ['primaryValue'] },
    });
    expect(formatOf('Sr No,HSCode,Commodity,2024-2025')).toBe('tradestat');
  });

  it('refuses a header that names a column the format reads twice, in any spelling', () => {
    expect(formatOf('period,reporter,partner,flow,product,value,unit,source,value')).toMatchObject({
      repeated: { adapter: { format: 'canonical' }, columns: [{ name: 'value', positions: [6, 9] }] },
    });
    expect(
      formatOf('refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,PrimaryValue'),
    ).toMatchObject({ repeated: { columns: [{ name: 'primaryValue', positions: [6, 7] }] } });
    // Columns the format does not read may repeat: Trade Map's and TradeStat's "%Share", blank names.
    expect(formatOf('S.No.,HSCode,Commodity,2023-2024,%Share,2024-2025,%Share,%Growth')).toBe('tradestat');
    expect(formatOf('t,i,j,k,v,q,,')).toBe('baci');
    // BACI's reader finds its columns itself, its optional q too.
    expect(formatOf('t,i,j,k,v,q,Q')).toMatchObject({
      repeated: { columns: [{ name: 'q', positions: [6, 7] }] },
    });
  });

  it('names the file, the header line and the columns, on the small and bulk paths', async () => {
    const dir = await folderWith({
      'baci.csv': ['Synthetic sample', 't,i,j,k,v,q,v', '2022,699,643,300490,1234.5,1,5'].join('\n'),
    });
    const problems = async (bulkMinBytes: number) =>
      ingest(dir, { bulkMinBytes }).then(
        () => [],
        (error: { problems: unknown[] }) => error.problems,
      );
    const expected = [
      {
        file: 'baci.csv',
        line: 2,
        message: m.repeatedColumns([{ name: 'v', positions: [5, 7] }]),
      },
    ];
    expect(await problems(Number.POSITIVE_INFINITY)).toEqual(expected);
    expect(await problems(0)).toEqual(expected);
  });

  it('compares column names without case, spaces or underscores', () => {
    expect(columnKey(' RefYear ')).toBe(columnKey('ref_year'));
    expect(columnKey('Trade  Value (US$)')).toBe('trade value (us$)');
  });

  it('finds the header below the title lines of a download', async () => {
    const read = await readCsv(fixture('tradestat', 'eidb_country_wise_import.csv'), 'eidb.csv', isHeaderRow);
    expect(read.problems).toEqual([]);
    // A title line is its cells joined: the comma in the first one is a delimiter to csv-parse.
    expect(read.table?.preamble).toEqual([
      'Government of India Ministry of Commerce and Industry',
      'Department of Commerce',
      'Export Import Data Bank',
      'Import :: Country-wise all commodities',
      'Values in ₹ Crore',
      'Country: RUSSIA',
    ]);
    expect(read.table?.headerLine).toBe(8);
    expect(read.table?.rows.map((r) => r.line)).toEqual([9, 10, 11]);
  });
});

describe('text encodings and delimiters', () => {
  const row = '2023,IND,RUS,export,TOTAL,5,USD mn';
  const header = 'period,reporter,partner,flow,product,value,unit';

  it('reads UTF-8 with a byte-order mark and CRLF or CR line ends', async () => {
    const dir = await folderWith({
      'bom.csv': `\uFEFF${header}\r\n${row}\r\n`,
      'cr.csv': `${header}\r${row.replace('TOTAL', '30')}\r`,
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      '2023 IND RUS export TOTAL 5 USD mn line 2',
      '2023 IND RUS export 30 5 USD mn line 2',
    ]);
  });

  it('reads UTF-16 with its byte-order mark, and tab- or semicolon-separated files', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\n${row}\n`, 'utf16le')]);
    const dir = await folderWith({
      'utf16.csv': utf16,
      'tabs.tsv': `${header.replaceAll(',', '\t')}\n${row.replace('TOTAL', '30').replaceAll(',', '\t')}\n`,
      'semicolons.csv': `${header.replaceAll(',', ';')}\n${row.replace('TOTAL', '84').replaceAll(',', ';')}\n`,
    });
    const result = await ingest(dir);
    expect(result.trade.map((r) => `${r.file} ${brief(r)}`)).toEqual([
      'semicolons.csv 2023 IND RUS export 84 5 USD mn line 2',
      'tabs.tsv 2023 IND RUS export 30 5 USD mn line 2',
      'utf16.csv 2023 IND RUS export TOTAL 5 USD mn line 2',
    ]);
  });
});
