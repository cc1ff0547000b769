import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { formatCoverage, summariseCoverage } from '../../src/ingest/coverage.ts';
import { isHeaderRow } from '../../src/ingest/formats.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readCsv, readTableFromBytes } from '../../src/ingest/readCsv.ts';
import { brief, fixture, folderFrom, folderWith, problemsOf } from './folders.ts';

const TRADE_MAP_HS6 = fixture(
  'trade-map-hs6',
  'Trade_Map_-_List_of_products_at_6_digits_exported_by_India_to_Russian_Federation.txt',
);
const HEADER = 'period,reporter,partner,flow,product,value,unit';

describe("Trade Map's text export, whose labels double their quotes without enclosing them", () => {
  it('is read with the labels as Trade Map meant them and every value in place', async () => {
    const text = await readFile(TRADE_MAP_HS6, 'utf8');
    // The fixture has the pattern: a label that starts with two quotes, on 3 lines of 8.
    expect(text.split('\n').filter((line) => /\t""[A-Z]/.test(line))).toHaveLength(3);
    const { table, problems } = await readCsv(TRADE_MAP_HS6, 'hs6.txt', isHeaderRow);
    expect(problems).toEqual([]);
    expect(table?.rows.map((r) => r.cells[1]?.slice(0, 24))).toEqual([
      '"Light oils and preparat',
      'Medicaments consisting o',
      'Frozen shrimps and prawn',
      'Coffee (excl. roasted an',
      '"Medium oils and prepara',
      '"Data-processing machine',
      'Vaccines for human medic',
      'Sesamum seeds, whether o',
    ]);
    expect(table?.rows.map((r) => r.cells.slice(2))).toEqual([
      ['1250', '1500.5', '1800'],
      ['410000', '455000.25', '502000'],
      ['8100', '', '9020'],
      ['15000', '16750', '21000'],
      ['300', '420', '0'],
      ['75', '80.75', '92'],
      ['640', '700', '760'],
      ['30', '', '45'],
    ]);
    expect(table?.rows[0]?.cells[1]).toContain(
      'by volume "incl. losses" distil at 210°C "ASTM D 86 method" (excl.',
    );
  });

  it('gives every year of every product, in thousand US dollars', async () => {
    const dir = await folderFrom('trade-map-hs6');
    const result = await ingest(dir);
    const byProduct = new Map<string, string[]>();
    for (const r of result.trade) {
      expect([r.reporter, r.partner, r.flow, r.unit]).toEqual(['IND', 'RUS', 'export', 'USD thousand']);
      byProduct.set(r.product, [...(byProduct.get(r.product) ?? []), `${r.period}:${r.value}`]);
    }
    expect(Object.fromEntries(byProduct)).toEqual({
      '271012': ['2022:1250', '2023:1500.5', '2024:1800'],
      '300490': ['2022:410000', '2023:455000.25', '2024:502000'],
      '030617': ['2022:8100', '2024:9020'],
      '090111': ['2022:15000', '2023:16750', '2024:21000'],
      '271019': ['2022:300', '2023:420', '2024:0'],
      '847130': ['2022:75', '2023:80.75', '2024:92'],
      '300220': ['2022:640', '2023:700', '2024:760'],
      '120740': ['2022:30', '2024:45'],
    });
  });

  it('a comma-separated file with text after a closing quote is still an error, in words', async () => {
    const dir = await folderWith({ 'trade.csv': `${HEADER}\n2023,IND,RUS,export,"30"x,5,USD mn\n` });
    expect(await problemsOf(dir)).toEqual([`trade.csv, line 2: ${m.textAfterQuote()}`]);
  });
});

describe('notes and footers below the table', () => {
  const EIDB = [
    'Export :: Country-wise all commodities',
    'Values in US$ Million',
    'Country: RUSSIA',
    'S.No.,HSCode,Commodity,2023-2024,%Share,2024-2025,%Share',
    '1.,30,PHARMACEUTICAL PRODUCTS,"1,234.50",20.00,"1,400.25",21.00',
    '2.,84,NUCLEAR REACTORS,515.75,8.36,600.00,9.00',
    ',,Total,"6,172.10",,"6,667.00",',
  ];

  it('are set aside with a reason, and the table is read', async () => {
    const dir = await folderWith({
      'eidb_export.csv': [...EIDB, '', 'Source: DGCI&S,,,,,,', ',,,DOC-NIC,,,', ''].join('\r\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      'FY2023-24 IND RUS export 30 1234.5 USD million line 5',
      'FY2024-25 IND RUS export 30 1400.25 USD million line 5',
      'FY2023-24 IND RUS export 84 515.75 USD million line 6',
      'FY2024-25 IND RUS export 84 600 USD million line 6',
      'FY2023-24 IND RUS export TOTAL 6172.1 USD million line 7',
      'FY2024-25 IND RUS export TOTAL 6667 USD million line 7',
    ]);
    expect(result.files[0]).toMatchObject({ rows: 5, used: 3, rejected: { [m.asideNote()]: 2 } });
    expect(result.rejects).toEqual([
      { file: 'eidb_export.csv', line: 9, reason: m.asideNote() },
      { file: 'eidb_export.csv', line: 10, reason: m.asideNote() },
    ]);
    expect(formatCoverage(summariseCoverage(result))).toContain(
      `eidb_export.csv (tradestat, UTF-8): 5 rows, 3 used, 2 set aside\n    2 set aside: ${m.asideNote()}`,
    );
  });

  it('only below the last row: a short row among the rows is still an error', async () => {
    const dir = await folderWith({
      'eidb_export.csv': [...EIDB.slice(0, 5), '2.,84', ...EIDB.slice(5), 'DOC-NIC'].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      'eidb_export.csv, line 6: expected 7 fields as in the header, found 2',
    ]);
  });

  it('a row cut short at the end is an error, not a note', async () => {
    const dir = await folderWith({
      'trade.csv': `${HEADER}\n2023,IND,RUS,export,TOTAL,5,USD mn\n2023,IND,RUS\n`,
    });
    expect(await problemsOf(dir)).toEqual(['trade.csv, line 3: expected 7 fields as in the header, found 3']);
  });
});

describe('decimal commas', () => {
  const row = (value: string, product = 'TOTAL') => `2023;IND;RUS;export;${product};${value};USD mn`;
  const semicolons = (...rows: string[]) => [HEADER.replaceAll(',', ';'), ...rows].join('\n');

  it('in a semicolon-separated file, "4,881" is 4.881, never 4881', async () => {
    const dir = await folderWith({
      'trade.csv': semicolons(row('4,881'), row('1.234,5', '30'), row('12', '84')),
    });
    expect((await ingest(dir)).trade.map(brief)).toEqual([
      '2023 IND RUS export TOTAL 4.881 USD mn line 2',
      '2023 IND RUS export 30 1234.5 USD mn line 3',
      '2023 IND RUS export 84 12 USD mn line 4',
    ]);
  });

  it('"1.234" reads two ways in a semicolon file whose cells show neither: refused', async () => {
    const dir = await folderWith({ 'trade.csv': semicolons(row('1.234'), row('7', '30')) });
    expect(await problemsOf(dir)).toEqual([
      `trade.csv, line 2, column "value": ${m.ambiguousNumber('1.234', 1.234, 1234)}`,
    ]);
  });

  it('"1.234" is 1234 where another cell shows the decimal comma; a decimal point there is refused', async () => {
    const ok = await folderWith({
      'trade.csv': semicolons(row('1.234'), row('12,5', '30'), row('1.234.567', '84')),
    });
    expect((await ingest(ok)).trade.map((r) => r.value)).toEqual([1234, 12.5, 1234567]);
    const bad = await folderWith({ 'trade.csv': semicolons(row('12,5'), row('1234.5', '30')) });
    expect(await problemsOf(bad)).toEqual([
      `trade.csv, line 3, column "value": ${m.notANumberWithComma('1234.5')}`,
    ]);
  });

  it('a tab-separated file of decimal commas is read as one; "1,234" there, with no other sign, is refused', async () => {
    const tabs = (...values: string[]) =>
      [HEADER, ...values.map((v, i) => `2023,IND,RUS,export,${30 + i},${v.replace(',', ';')},USD mn`)]
        .join('\n')
        .replaceAll(',', '\t')
        .replaceAll(';', ',');
    const comma = await folderWith({ 'trade.tsv': tabs('0,5', '1 234,75') });
    expect((await ingest(comma)).trade.map((r) => r.value)).toEqual([0.5, 1234.75]);
    const unsure = await folderWith({ 'trade.tsv': tabs('1,234', '7') });
    expect(await problemsOf(unsure)).toEqual([
      `trade.tsv, line 2, column "value": ${m.ambiguousNumber('1,234', 1234, 1.234)}`,
    ]);
  });

  it('a comma-separated file keeps decimal points and thousands commas', async () => {
    const dir = await folderWith({ 'trade.csv': `${HEADER}\n2023,IND,RUS,export,TOTAL,"4,881",USD mn\n` });
    expect((await ingest(dir)).trade.map((r) => r.value)).toEqual([4881]);
  });
});

describe('control characters in text cells', () => {
  it('line breaks and vertical tabs inside a cell become spaces', async () => {
    const text = `${HEADER},label\n2023,IND,RUS,export,30,5,USD mn,"Pharmaceutical\nproducts\vand\fmore"\n`;
    const { table } = await readTableFromBytes(Buffer.from(text), 'trade.csv');
    expect(table?.rows).toEqual([
      {
        line: 3,
        cells: ['2023', 'IND', 'RUS', 'export', '30', '5', 'USD mn', 'Pharmaceutical products and more'],
      },
    ]);
  });

  it('other controls, noncharacters and lone surrogates are refused at their line and column', async () => {
    const dir = await folderWith({
      'trade.csv': `${HEADER},label\n2023,IND,RUS,export,30,5,USD mn,Drugs\u0007\n2023,IND,RUS,export,84,5,USD mn,Mach\uFFFEines\n2023,IND,RUS,export,85,5,USD mn,Ok\u0085fine\n2023,IND,RUS,export,27,5,USD mn,Fuel\u009b\n`,
      'utf16.csv': Buffer.from(`${HEADER},label\n2023,IND,RUS,export,30,5,USD mn,A\uD800B\n`, 'utf16le'),
    });
    expect(await problemsOf(dir)).toEqual([
      `trade.csv, line 2, column "label": ${m.controlCharacter(0x07)}`,
      `trade.csv, line 3, column "label": ${m.controlCharacter(0xfffe)}`,
      `trade.csv, line 5, column "label": ${m.controlCharacter(0x9b)}`,
      `utf16.csv, line 2: ${m.brokenUtf16()}`,
    ]);
  });
});
