import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/ingest/adapters/canonical.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { MAX_RECORD_BYTES } from '../../src/ingest/readCsv.ts';
import { brief, fixture, folderWith, problemsOf } from './folders.ts';

const HEADER = 'period,reporter,partner,flow,product,value,unit';
const bad = (name: string) => fixture('bad', name);

describe('bad input gives located, one-line problems', () => {
  it('an empty file', async () => {
    expect(await problemsOf(bad('empty'))).toEqual([
      'trade.csv: the file is empty: expected a header row and at least one data row',
    ]);
  });

  it('a header without rows', async () => {
    expect(await problemsOf(bad('header-only'))).toEqual([
      'trade.csv, line 1: the file has a header but no data rows',
    ]);
  });

  it('every ragged row, while a trailing delimiter is accepted', async () => {
    expect(await problemsOf(bad('ragged'))).toEqual([
      'trade.csv, line 3: expected 7 fields as in the header, found 8',
      'trade.csv, line 4: expected 7 fields as in the header, found 6',
      'trade.csv, line 5: expected 7 fields as in the header, found 9',
    ]);
  });

  it('an unclosed quote, at the line where it opens', async () => {
    expect(await problemsOf(bad('unclosed-quote'))).toEqual([
      'trade.csv, line 4: a quoted field is never closed: expected a closing double quote (")',
    ]);
  });

  it('values that are not numbers', async () => {
    expect(await problemsOf(bad('not-a-number'))).toEqual([
      'trade.csv, line 2, column "value": expected a number, found "12,3x4"',
      'trade.csv, line 3, column "value": expected a number, found "NaN"',
      'trade.csv, line 4, column "value": expected a number, found "1e400"',
      'trade.csv, line 5, column "value": expected a number, found an empty cell',
    ]);
  });

  it('a negative trade value', async () => {
    expect(await problemsOf(bad('negative'))).toEqual([
      'trade.csv, line 2, column "value": expected a trade value of zero or more, found "-5"',
    ]);
  });

  it('an unknown flow, in our format and in Comtrade’s codes', async () => {
    expect(await problemsOf(bad('unknown-flow'))).toEqual([
      'trade.csv, line 2, column "flow": unknown flow "exprot": expected export, import, re-export, re-import',
    ]);
    expect(await problemsOf(bad('unknown-flow-code'))).toEqual([
      'TradeData.csv, line 3, column "flowCode": unknown flow "XM": expected X, M, RX or RM',
    ]);
  });

  it('a malformed year', async () => {
    expect(await problemsOf(bad('malformed-year'))).toEqual([
      'trade.csv, line 2, column "period": malformed period "20233": expected "FY2024-25" or "2024"',
      'trade.csv, line 3, column "period": malformed period "2024-26": expected "FY2024-25" or "2024"',
    ]);
  });

  it('two rows with the same key and different values (an identical repeat is kept once)', async () => {
    expect(await problemsOf(bad('duplicate-key'))).toEqual([
      'trade.csv, line 4, column "value": same period, reporter, partner, flow, product and source as line 2, but a different value (100 USD mn there): keep one',
    ]);
  });

  it('an unknown header, naming the formats it could have been', async () => {
    const [problem, ...rest] = await problemsOf(bad('unknown-header'));
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      /^data\.csv, line 1: the header "date,country,amount" matches no supported format: expected one of /,
    );
    expect(problem).toContain('UN Comtrade Plus CSV');
    expect(problem).toContain('CEPII BACI (t,i,j,k,v,q)');
  });

  it('a required column missing', async () => {
    expect(await problemsOf(bad('missing-column'))).toEqual([
      `trade.csv, line 1: looks like ${canonical.label} but lacks the column "unit"`,
    ]);
  });

  it('headers named __proto__ or constructor are plain columns', async () => {
    const result = await ingest(fixture('proto-columns'));
    expect(result.trade.map(brief)).toEqual(['2023 IND RUS export TOTAL 100 USD mn line 2']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const [problem] = await problemsOf(bad('proto-header'));
    expect(problem).toMatch(
      /^only-proto\.csv, line 1: the header "__proto__,constructor,toString" matches no supported format/,
    );
  });

  it('binary garbage, bytes that fit no encoding, and workbooks', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const dir = await folderWith({
      'image.csv': png,
      // Read as Windows-1252: the pound sign is a character, then a unit no one knows.
      'latin1.csv': Buffer.from(`${HEADER}\n2023,IND,RUS,export,TOTAL,5,\xa3 mn\n`, 'latin1'),
      // 0x81 is undefined in Windows-1252 and, after "é" in UTF-8, not UTF-8 either.
      'mixed.csv': Buffer.concat([
        Buffer.from(
          `${HEADER}\n2023,IND,RUS,export,TOTAL,5,USD mn\n\n2023,IND,RUS,import,TOTAL,5,USD mn é\n`,
        ),
        Buffer.from([0x81, 0x0a]),
      ]),
      'undefined.csv': Buffer.from(`${HEADER}\n2023,IND,RUS,export,TOTAL,5,USD mn\r\n\x81\n`, 'latin1'),
      'book.xlsx': Buffer.from('PK\x03\x04\x14\x00', 'latin1'),
    });
    expect(await problemsOf(dir)).toEqual([
      'book.xlsx: the workbook is damaged or incomplete (was the download cut short?): download it again, or save it as "CSV UTF-8"',
      'image.csv: the file holds binary data, not CSV text (is it an Excel or zip file? export it as CSV)',
      'mixed.csv, line 5: a byte here is not UTF-8, though the file is UTF-8 before it: save the file again as "CSV UTF-8"',
      'undefined.csv, line 3: byte 0x81 fits no text encoding read here (UTF-8, UTF-16, Windows-1252): save the file as "CSV UTF-8"',
      'latin1.csv, line 2, column "unit": unknown unit "£ mn": expected a money unit such as "USD", "USD thousand", "USD mn", "USD bn", "INR crore"',
    ]);
  });

  it('a 60 MB single line fails fast with bounded memory', async () => {
    const dir = await folderWith({ 'huge.csv': `${HEADER}\n${'1,'.repeat(30 * 1024 * 1024)}` });
    const heapBefore = process.memoryUsage().heapUsed;
    expect(await problemsOf(dir)).toEqual([
      'huge.csv, line 2: a record is longer than 1024 KiB: expected one CSV record per line (is a quote left open?)',
    ]);
    // The parser stops at the limit: memory grows by a few times the limit, not by the file's size.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * MAX_RECORD_BYTES);
  });

  it('reports all problems in all files at once', async () => {
    const dir = await folderWith({
      'a.csv': `${HEADER}\n2023,IND,RUS,export,TOTAL,-5,USD mn\n`,
      'b.csv': `${HEADER}\n2023,IND,RUS,export,30,x,USD mn\n`,
      'c.csv': '',
    });
    expect(await problemsOf(dir)).toEqual([
      'c.csv: the file is empty: expected a header row and at least one data row',
      'a.csv, line 2, column "value": expected a trade value of zero or more, found "-5"',
      'b.csv, line 2, column "value": expected a number, found "x"',
    ]);
  });
});
