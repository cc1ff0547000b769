import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import type { TradeRecord } from '../../src/ingest/records.ts';
import { brief, fixture, folderFrom, folderWith, problemsOf } from './folders.ts';
import { xlsxBytes } from './zipBytes.ts';

const EIDB = 'eidb_country_wise_export.xls';
const TRADE_MAP = 'Trade_Map_-_List_of_products_imported_by_India_from_Russian_Federation.xls';

/** The sum of the chapter rows of one year and flow, as a reader would add them up by hand. */
const chapterSum = (trade: TradeRecord[], period: string) =>
  trade.filter((r) => r.period === period && r.product !== 'TOTAL').reduce((sum, r) => sum + r.value, 0);
const total = (trade: TradeRecord[], period: string, partner = 'RUS') =>
  trade.find((r) => r.period === period && r.product === 'TOTAL' && r.partner === partner)?.value;

describe('HTML pages saved as .xls', () => {
  it("reads EIDB's page: titles above the table, the country between its rows, blanks, colspans, the footer left out", async () => {
    const result = await ingest(await folderFrom('html'));
    const eidb = result.trade.filter((r) => r.file === EIDB);
    expect(eidb.map(brief)).toEqual([
      'FY2023-24 IND RUS export 27 1234.56 USD million line 44',
      // "&nbsp;" for 2024-2025: no trade in that year, no record.
      'FY2023-24 IND RUS export 30 450.1 USD million line 86',
      'FY2024-25 IND RUS export 30 471.34 USD million line 86',
      'FY2023-24 IND RUS export 09 98.75 USD million line 128',
      'FY2024-25 IND RUS export 09 102.5 USD million line 128',
      'FY2023-24 IND RUS export TOTAL 1783.41 USD million line 170',
      'FY2024-25 IND RUS export TOTAL 573.84 USD million line 170',
      // "India's Total" spans three columns.
      'FY2023-24 IND WLD export TOTAL 437072.03 USD million line 183',
      'FY2024-25 IND WLD export TOTAL 437704.58 USD million line 183',
    ]);
    // The page's Total row is the sum of its chapters: 1,234.56 + 450.10 + 98.75 and 471.34 + 102.50.
    expect(chapterSum(eidb, 'FY2023-24')).toBeCloseTo(1234.56 + 450.1 + 98.75, 9);
    expect(total(eidb, 'FY2023-24')).toBeCloseTo(chapterSum(eidb, 'FY2023-24'), 9);
    expect(total(eidb, 'FY2024-25')).toBeCloseTo(471.34 + 102.5, 9);
    expect(result.files.find((f) => f.file === EIDB)).toMatchObject({
      format: 'tradestat',
      rows: 6,
      used: 5,
      rejected: { [m.asideShareRow()]: 1 },
    });
  });

  it('sets a DOC-NIC footer aside when a page puts it in the table, as the last row', async () => {
    const page = await readFile(fixture('html', EIDB), 'latin1');
    const footerLine = page.slice(0, page.lastIndexOf('</table>')).split('\n').length;
    const dir = await folderWith({
      [EIDB]: page.replace(
        /<\/table>(?![\s\S]*<\/table>)/,
        '<tr><td colspan=8 align=right>DOC-NIC</td></tr></table>',
      ),
    });
    const result = await ingest(dir);
    expect(result.trade.filter((r) => r.product === 'TOTAL').map(brief)).toEqual([
      'FY2023-24 IND RUS export TOTAL 1783.41 USD million line 170',
      'FY2024-25 IND RUS export TOTAL 573.84 USD million line 170',
      'FY2023-24 IND WLD export TOTAL 437072.03 USD million line 183',
      'FY2024-25 IND WLD export TOTAL 437704.58 USD million line 183',
    ]);
    expect(result.rejects).toContainEqual({ file: EIDB, line: footerLine, reason: m.asideNote() });
  });

  it("reads Trade Map's page: the title table names reporter, partner, flow and unit", async () => {
    const result = await ingest(await folderFrom('html'));
    const tradeMap = result.trade.filter((r) => r.file === TRADE_MAP);
    expect(tradeMap.map(brief)).toEqual([
      '2022 IND RUS import TOTAL 41600000 USD thousand line 12',
      '2023 IND RUS import TOTAL 55400000 USD thousand line 12',
      '2024 IND RUS import TOTAL 55350000 USD thousand line 12',
      '2022 IND RUS import 27 38000000 USD thousand line 13',
      '2023 IND RUS import 27 52500000 USD thousand line 13',
      '2024 IND RUS import 27 54100000 USD thousand line 13',
      '2022 IND RUS import 31 2500000 USD thousand line 14',
      '2023 IND RUS import 31 2900000 USD thousand line 14',
      '2022 IND RUS import 71 1100000 USD thousand line 15',
      '2024 IND RUS import 71 1250000 USD thousand line 15',
    ]);
    for (const year of ['2022', '2023', '2024'])
      expect(total(tradeMap, year)).toBe(chapterSum(tradeMap, year));
    expect(chapterSum(tradeMap, '2024')).toBe(54_100_000 + 1_250_000);
  });

  it('names a page without a table, and an old binary workbook', async () => {
    const dir = await folderWith({
      'page.htm': '<html><body><p>Choose a year and a country, then press Submit.</p></body></html>',
      'old.xls': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
    });
    expect(await problemsOf(dir)).toEqual([`old.xls: ${m.oldExcelFile()}`, `page.htm: ${m.noTableInPage()}`]);
  });
});

describe('files that are recognisably not data', () => {
  it("names a download service's error saved under a data name, once, whatever its form", async () => {
    const dir = await folderWith({
      'comtrade_2023.csv':
        'Result too large: you do not have permissions to access such a large resultset.\n',
      'comtrade_2024.csv':
        '{"statusCode": 429, "message": "Rate limit is exceeded. Try again in 2 seconds."}',
      'comtrade_2025.csv':
        '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>\n',
    });
    expect(await problemsOf(dir)).toEqual([
      `comtrade_2023.csv: ${m.serviceError('Result too large: you do not have permissions to access such a large resultset.')}`,
      `comtrade_2024.csv: ${m.serviceError('429: Rate limit is exceeded. Try again in 2 seconds.')}`,
      `comtrade_2025.csv: ${m.serviceError('Service Unavailable')}`,
    ]);
  });

  it('names a Trade Map table by market with what to download instead, not one error per row', async () => {
    const title = 'List of importing markets for a product exported by India';
    const rows = Array.from({ length: 168 }, (_, i) => `Market ${i}\t${1000 + i}\t${2000 + i}\t`).join('\n');
    const dir = await folderWith({
      'Trade_Map_-_List_of_importing_markets_for_a_product_exported_by_India.txt': `${title}\nProduct: 30 Pharmaceutical products\nUnit : US Dollar thousand\n\nImporters\tExported value in 2023\tExported value in 2024\t\nWorld\t5000\t6000\t\n${rows}\n`,
      'importers_world.csv':
        'Importers,Imported value in 2023 (USD thousand),Imported value in 2024 (USD thousand)\nWorld,100,200\nIndia,10,20\n',
    });
    expect(await problemsOf(dir)).toEqual([
      `Trade_Map_-_List_of_importing_markets_for_a_product_exported_by_India.txt: ${m.tradeMapByMarket(title)}`,
      `importers_world.csv: ${m.tradeMapByMarket('Importers, Imported value in 2023 (USD thousand), Imported value in 2024 (USD thousand)')}`,
    ]);
  });
});

describe("Trade Map's world tables", () => {
  it('reads a product list of trade with the world whose columns name the unit', async () => {
    const dir = await folderWith({
      'Trade_Map_-_List_of_products_imported_by_India.txt':
        "List of products imported by India\nProduct: TOTAL All products\n\nCode\tProduct label\tImported value in 2023 (USD thousand)\tImported value in 2024 (USD thousand)\t\nTOTAL\tAll products\t672000000\t700000000\t\n'27\tMineral fuels\t180000000\t190000000\t\n",
    });
    expect((await ingest(dir)).trade.map(brief)).toEqual([
      '2023 IND WLD import TOTAL 672000000 USD thousand line 5',
      '2024 IND WLD import TOTAL 700000000 USD thousand line 5',
      '2023 IND WLD import 27 180000000 USD thousand line 6',
      '2024 IND WLD import 27 190000000 USD thousand line 6',
    ]);
  });
});

describe('.xlsx workbooks', () => {
  const rows = [
    ['List of products exported by India to Russian Federation'],
    ['Unit : US Dollar thousand'],
    [],
    ['Code', 'Product label', 'Exported value in 2023', 'Exported value in 2024'],
    ['TOTAL', 'All products', 4_000_000.25, 4_500_000.1],
    // A code stored as text keeps its zero; one stored as a number is padded as in a CSV.
    ["'09", 'Coffee, tea, maté and spices', 123_456.789, { inline: '98,765.4' }],
    [30, 'Pharmaceutical products', 0.1, null],
    [],
    ['Sources: ITC calculations based on UN COMTRADE and ITC statistics.'],
  ];

  it('reads the first sheet holding a recognised header, title rows above it, numbers as stored', async () => {
    const book = xlsxBytes([
      { name: 'Notes', rows: [['Downloaded from trademap.org'], ['Values in thousand USD']] },
      { name: 'Data', rows, firstRow: 2 },
    ]);
    const dir = await folderWith({ 'trademap_IND_RUS.xlsx': book });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      '2023 IND RUS export TOTAL 4000000.25 USD thousand line 6',
      '2024 IND RUS export TOTAL 4500000.1 USD thousand line 6',
      '2023 IND RUS export 09 123456.789 USD thousand line 7',
      '2024 IND RUS export 09 98765.4 USD thousand line 7',
      '2023 IND RUS export 30 0.1 USD thousand line 8',
    ]);
    // The exact doubles written in the sheet, not values rounded on the way.
    expect(result.trade.find((r) => r.product === '09' && r.period === '2023')?.value).toBe(123456.789);
    expect(chapterSum(result.trade, '2023')).toBe(123456.789 + 0.1);
    // The sources line under the table is a note, set aside.
    expect(result.files).toMatchObject([
      {
        file: 'trademap_IND_RUS.xlsx',
        format: 'trade-map',
        rows: 4,
        used: 3,
        rejected: { [m.asideNote()]: 1 },
      },
    ]);
    expect(result.rejects).toEqual([{ file: 'trademap_IND_RUS.xlsx', line: 10, reason: m.asideNote() }]);
  });

  it('refuses a formula whose value was never saved, rather than reading it as a blank', async () => {
    const book = xlsxBytes([
      { name: 'Data', rows: [...rows.slice(0, 6), [30, 'Pharma', { formula: 'C6*2' }]] },
    ]);
    const dir = await folderWith({ 'trademap_IND_RUS.xlsx': book });
    expect(await problemsOf(dir)).toEqual([`trademap_IND_RUS.xlsx: ${m.unsavedFormulas(['C7'])}`]);
  });

  it('refuses a number the sheet shows in thousands or as a percentage, at its cell', async () => {
    const book = xlsxBytes([
      {
        name: 'Data',
        rows: [
          ...rows.slice(0, 4),
          // Shown as 4,000,000 (thousand) and 4,500,000k: 1000 times less than stored.
          [
            'TOTAL',
            'All products',
            { number: 4_000_000_250, format: '#,##0,' },
            { number: 4_500_000_100, format: '#,##0,"k"' },
          ],
          // Built-in 10 is 0.00%: shown as 12,345,678.90 %.
          ["'09", 'Coffee', { number: 123_456.789, format: 10 }, { number: 98_765.4, format: '#,##0' }],
          // Zero is zero however it is shown; a comma between digit placeholders only separates thousands.
          [
            30,
            'Pharmaceutical products',
            { number: 0, format: '0.0,,' },
            { number: 1_234.5, format: '#,##0.0' },
          ],
        ],
      },
    ]);
    const dir = await folderWith({ 'trademap_IND_RUS.xlsx': book });
    const at = (line: number, year: number) =>
      `trademap_IND_RUS.xlsx, line ${line}, column "Exported value in ${year}"`;
    expect(await problemsOf(dir)).toEqual([
      `${at(5, 2023)}: ${m.shownScaled('4000000250', '#,##0,', 0.001)}`,
      `${at(5, 2024)}: ${m.shownScaled('4500000100', '#,##0,"k"', 0.001)}`,
      `${at(6, 2023)}: ${m.shownScaled('123456.789', '0.00%', 100)}`,
    ]);
    expect(m.shownScaled('4000000250', '#,##0,', 0.001)).toContain('shows it divided by 1,000');
    expect(m.shownScaled('123456.789', '0.00%', 100)).toContain(
      'shows it multiplied by 100, as a percentage',
    );
  });

  it('reads the numbers it reads as stored where other columns are shown as percentages', async () => {
    const share = (n: number) => ({ number: n, format: '0.00%' });
    const book = xlsxBytes([
      {
        name: 'Export',
        rows: [
          ['S.No.', 'HSCode', 'Commodity', '2023-2024', '%Share', '2024-2025', '%Share', '%Growth'],
          [
            '1.',
            '30',
            'PHARMACEUTICAL PRODUCTS',
            1_100.5,
            share(0.8801),
            1_250,
            share(0.8861),
            share(0.1358),
          ],
          [
            '2.',
            '84',
            'NUCLEAR REACTORS',
            150,
            share(0.12),
            160.4,
            share(0.1137),
            { number: 0.0693, format: 10 },
          ],
          ['', '', 'Total', 1_250.5, null, 1_410.4, null, share(0.1279)],
        ],
      },
    ]);
    const dir = await folderWith({ 'eidb_export_RUS_usd-million.xlsx': book });
    const result = await ingest(dir);
    expect(result.trade.map((r) => `${r.period} ${r.product} ${r.value}`)).toEqual([
      'FY2023-24 30 1100.5',
      'FY2024-25 30 1250',
      'FY2023-24 84 150',
      'FY2024-25 84 160.4',
      'FY2023-24 TOTAL 1250.5',
      'FY2024-25 TOTAL 1410.4',
    ]);
    // An exchange rate is read as a number too: shown as 8,450 %, it is refused at its cell.
    const rates = xlsxBytes([
      {
        name: 'Rates',
        rows: [
          ['period', 'currency', 'per_usd'],
          ['FY2024-25', 'INR', { number: 84.5, format: 9 }],
        ],
      },
    ]);
    expect(await problemsOf(await folderWith({ 'rates.xlsx': rates }))).toEqual([
      `rates.xlsx, line 2, column "per_usd": ${m.shownScaled('84.5', '0%', 100)}`,
    ]);
  });

  it('refuses a BACI value or quantity the sheet shows scaled', async () => {
    const book = xlsxBytes([
      {
        name: 'BACI',
        rows: [
          ['t', 'i', 'j', 'k', 'v', 'q'],
          [2022, 699, 643, 300490, { number: 1_234.5, format: '#,##0,' }, 10.2],
          [2022, 643, 699, 270900, 40_000, { number: 1_000, format: '0.0%' }],
          [2022, 699, 643, 847130, 500, 1.5],
        ],
      },
    ]);
    expect(await problemsOf(await folderWith({ 'BACI_HS17_Y2022_V202401.xlsx': book }))).toEqual([
      `BACI_HS17_Y2022_V202401.xlsx, line 2, column "v": ${m.shownScaled('1234.5', '#,##0,', 0.001)}`,
      `BACI_HS17_Y2022_V202401.xlsx, line 3, column "q": ${m.shownScaled('1000', '0.0%', 100)}`,
    ]);
  });

  it('refuses a year or a number the sheet shows as a date, at its cell', async () => {
    // 43466 is 2019-01-01 counted in days from 1900: a year typed as a date. 2019 shown as a date is
    // 1905-07-11. A year shown with a number format is read.
    const canonical = xlsxBytes([
      {
        name: 'Data',
        rows: [
          ['period', 'reporter', 'partner', 'flow', 'product', 'value', 'unit'],
          [{ number: 43_466, format: 'yyyy' }, 'IND', 'RUS', 'export', 'TOTAL', 1_000, 'USD'],
          [{ number: 2_019, format: 14 }, 'IND', 'RUS', 'import', 'TOTAL', 2_000, 'USD'],
          [2_020, 'IND', 'RUS', 'export', 'TOTAL', { number: 45_000, format: 'dd/mm/yyyy' }, 'USD'],
          [{ number: 2_021, format: '0' }, 'IND', 'RUS', 'export', 'TOTAL', 4_000, 'USD'],
        ],
      },
    ]);
    const at = (line: number, column: string) => `trade.xlsx, line ${line}, column "${column}"`;
    expect(await problemsOf(await folderWith({ 'trade.xlsx': canonical }))).toEqual([
      `${at(2, 'period')}: ${m.shownAsDate('43466', 'yyyy')}`,
      `${at(3, 'period')}: ${m.shownAsDate('2019', 'mm-dd-yy')}`,
      `${at(4, 'value')}: ${m.shownAsDate('45000', 'dd/mm/yyyy')}`,
    ]);
    expect(m.shownAsDate('43466', 'yyyy')).toContain('shows it as a date or a time');
    // Comtrade's year, and the legacy layout's Period, which would otherwise set the row aside as monthly.
    const plus = xlsxBytes([
      {
        name: 'Comtrade',
        rows: [
          ['refYear', 'reporterISO', 'partnerISO', 'flowCode', 'cmdCode', 'primaryValue'],
          [{ number: 44_927, format: 14 }, 'IND', 'RUS', 'X', 'TOTAL', 1_000],
        ],
      },
    ]);
    expect(await problemsOf(await folderWith({ 'comtrade.xlsx': plus }))).toEqual([
      `comtrade.xlsx, line 2, column "refYear": ${m.shownAsDate('44927', 'mm-dd-yy')}`,
    ]);
    const legacy = xlsxBytes([
      {
        name: 'Legacy',
        rows: [
          [
            'Classification',
            'Year',
            'Period',
            'Trade Flow',
            'Reporter ISO',
            'Partner ISO',
            'Commodity Code',
            'Trade Value (US$)',
          ],
          ['HS', 2019, { number: 43_466, format: 'yyyy' }, 'Export', 'IND', 'RUS', 'TOTAL', 1_000],
        ],
      },
    ]);
    expect(await problemsOf(await folderWith({ 'legacy.xlsx': legacy }))).toEqual([
      `legacy.xlsx, line 2, column "Period": ${m.shownAsDate('43466', 'yyyy')}`,
    ]);
    const baci = xlsxBytes([
      {
        name: 'BACI',
        rows: [
          ['t', 'i', 'j', 'k', 'v', 'q'],
          [{ number: 44_562, format: 'yyyy' }, 699, 643, 300490, 1_234.5, 10.2],
        ],
      },
    ]);
    expect(await problemsOf(await folderWith({ 'BACI_HS17_Y2022_V202401.xlsx': baci }))).toEqual([
      `BACI_HS17_Y2022_V202401.xlsx, line 2, column "t": ${m.shownAsDate('44562', 'yyyy')}`,
    ]);
  });

  it('reads a workbook saved under another name, and names a zip that is no workbook', async () => {
    const book = xlsxBytes([{ name: 'Data', rows }]);
    const dir = await folderWith({
      'trademap_IND_RUS.csv': book,
      'other.csv': Buffer.from('PK\x03\x04 no', 'latin1'),
    });
    await expect(problemsOf(dir)).resolves.toEqual([`other.csv: ${m.notText()}`]);
    const read = await ingest(await folderWith({ 'trademap_IND_RUS.csv': book }));
    expect(read.trade.map((r) => r.value)).toEqual([4000000.25, 4500000.1, 123456.789, 98765.4, 0.1]);
  });

  it('names a workbook cut short', async () => {
    const book = xlsxBytes([{ name: 'Data', rows }]);
    const dir = await folderWith({ 'book.xlsx': book.subarray(0, book.length - 40) });
    expect(await problemsOf(dir)).toEqual([`book.xlsx: ${m.damagedWorkbook()}`]);
  });
});

describe('fixtures', () => {
  it('keep the real layouts: EIDB puts the country between the header and the first row', async () => {
    const page = await readFile(fixture('html', EIDB), 'latin1');
    expect(page.indexOf('Country: &nbsp;RUSSIA')).toBeGreaterThan(page.indexOf('%Growth'));
    expect(page).toContain('DOC-NIC');
  });
});
