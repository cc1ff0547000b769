import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import type { IngestOptions } from '../../src/ingest/ingest.ts';
import { MAX_RECORD_BYTES } from '../../src/ingest/readCsv.ts';
import { folderWith, problemsOf } from './folders.ts';

// SYNTHETIC BACI-shaped rows: 699 India, 643 Russia; v in thousand USD.
const H = 't,i,j,k,v,q';
const focus = { reporter: 'IND', partners: ['RUS'] };

/** The whole-file reader (csv-parse), the bulk reader, and the bulk reader with chunks of a few bytes. */
const PATHS: Record<string, IngestOptions> = {
  small: { bulkMinBytes: Number.POSITIVE_INFINITY },
  bulk: { bulkMinBytes: 0 },
  'bulk, 7-byte chunks': { bulkMinBytes: 0, bulkChunkBytes: 7 },
};

/** The problems ingest reports for `files`, the same on every path (else the test fails there). */
async function problemsOnEveryPath(
  files: Record<string, string | Buffer>,
  paths: Record<string, IngestOptions> = PATHS,
): Promise<string[]> {
  const dir = await folderWith(files);
  const [first, ...others] = await Promise.all(
    Object.values(paths).map((options) => problemsOf(dir, { focus, ...options })),
  );
  for (const [i, problems] of others.entries()) expect(problems, Object.keys(paths)[i + 1]).toEqual(first);
  return first as string[];
}

/** `count` valid rows, ~30 bytes each: pushes what follows past the first 64 KB that are sniffed. */
const validRows = (count: number) =>
  Array.from({ length: count }, (_, n) => `2022,699,643,${100000 + n},1.5,1`).join('\n');

describe('bad BACI files give the same located problems on the bulk path as on the small one', () => {
  it('a header without rows', async () => {
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n` })).toEqual([
      'baci.csv, line 1: the file has a header but no data rows',
    ]);
  });

  it('every ragged row, while trailing delimiters are accepted', async () => {
    const rows = [
      '2022,699,643,300490,10,1,',
      '2022,699,643,300491,10,1,x',
      '2022,699,643,300492,10',
      '2022,699,643,300493,10,1,,,',
    ];
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      'baci.csv, line 3: expected 6 fields as in the header, found 7',
      'baci.csv, line 4: expected 6 fields as in the header, found 5',
    ]);
  });

  it('a quantity that is neither tons nor NA, never read as unknown', async () => {
    const rows = ['2022,699,643,300490,10, NA ', '2022,699,643,300491,10,x', '2022,699,643,300492,10,-2'];
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      `baci.csv, line 3, column "q": ${m.badBaciQuantity('x')}`,
      `baci.csv, line 4, column "q": ${m.badBaciQuantity('-2')}`,
    ]);
  });

  it('an unclosed quote, at the line where it opens', async () => {
    const text = `${H}\n2022,699,643,300490,10,1\n\n2022,699,643,"300491,10,1\n2022,699,643,300492,10,1\n`;
    expect(await problemsOnEveryPath({ 'baci.csv': text })).toEqual([
      'baci.csv, line 4: a quoted field is never closed: expected a closing double quote (")',
    ]);
  });

  it('values that are not numbers, or negative', async () => {
    const rows = ['"12,3x4"', 'NaN', '1e400', '', '-5'].map((v, n) => `2022,699,643,30049${n},${v},1`);
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      'baci.csv, line 2, column "v": expected a number, found "12,3x4"',
      'baci.csv, line 3, column "v": expected a number, found "NaN"',
      'baci.csv, line 4, column "v": expected a number, found "1e400"',
      'baci.csv, line 5, column "v": expected a number, found an empty cell',
      'baci.csv, line 6, column "v": expected a trade value of zero or more, found "-5"',
    ]);
  });

  it('malformed years, codes and products, each with its column', async () => {
    const rows = [
      '20233,699,643,300490',
      '2024-25,699,643,300491',
      '2022,IN,64300,3004',
      '2022,699,643,3004901',
    ];
    expect(
      await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.map((r) => `${r},1,1`).join('\n')}\n` }),
    ).toEqual([
      'baci.csv, line 2, column "t": malformed period "20233": expected a year such as 2022',
      'baci.csv, line 3, column "t": malformed period "2024-25": expected a year such as 2022',
      'baci.csv, line 4, column "i": malformed country code "IN": expected BACI\'s numeric code, such as 699',
      'baci.csv, line 4, column "j": malformed country code "64300": expected BACI\'s numeric code, such as 699',
      'baci.csv, line 4, column "k": malformed product code "3004": expected an HS code of 6 digits (or 5 without its leading zero)',
      'baci.csv, line 5, column "k": malformed product code "3004901": expected an HS code of 6 digits (or 5 without its leading zero)',
    ]);
  });

  it('two rows with the same key and different values (an identical repeat is kept once)', async () => {
    const rows = ['2022,699,643,300490,100,1', '2022,699,643,300490,100,1', '2022,699,643,300490,120,1'];
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      'baci.csv, line 4, column "v": same year, exporter, importer and product as line 2, but a different value (100 there): keep one',
    ]);
  });

  it('a repeated key anywhere among its pair’s rows, whatever the order of products', async () => {
    const rows = ['300490,10', '300480,5', '300495,1', '300490,11', '300480,5'].map(
      (r) => `2022,699,643,${r},1`,
    );
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      'baci.csv, line 5, column "v": same year, exporter, importer and product as line 2, but a different value (10 there): keep one',
    ]);
  });

  it('a pair whose rows start again after other pairs, with a repeat within its second block', async () => {
    const rows = [
      '2022,699,643,300490,10,1',
      '2022,643,699,270900,5,1',
      '2022,699,643,300491,7,1',
      '2022,699,643,300491,8,1',
    ];
    expect(await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` })).toEqual([
      `baci.csv, line 4: ${m.ungroupedBaciPair(2022, 699, 643, 2)}`,
      'baci.csv, line 5, column "v": same year, exporter, importer and product as line 4, but a different value (7 there): keep one',
    ]);
  });

  it('bytes that fit no encoding, past the start that is sniffed: at their line', async () => {
    const text = Buffer.concat([
      Buffer.from(`${H}\n${validRows(3000)}\n`),
      Buffer.from('2022,699,643,300490,10,\xa3\n2022,699,643,300491,10,\x81\n', 'latin1'),
    ]);
    expect(await problemsOnEveryPath({ 'baci.csv': text })).toEqual([
      `baci.csv, line 3003: ${m.unknownByte(0x81)}`,
    ]);
  });

  it('a UTF-8 file with a byte that is not UTF-8 later on', async () => {
    const text = Buffer.concat([
      Buffer.from(`${H}\n${validRows(3000)}\n2022,699,643,300490,10,\u00e9\n`),
      Buffer.from('2022,699,643,300491,10,\xa3\n', 'latin1'),
    ]);
    expect(await problemsOnEveryPath({ 'baci.csv': text })).toEqual([
      `baci.csv, line 3003: ${m.brokenUtf8()}`,
    ]);
  });

  it('binary garbage at the start', async () => {
    expect(await problemsOnEveryPath({ 'baci.csv': Buffer.from(`${H}\n2022,699,643,\0\0\0,1,1\n`) })).toEqual(
      ['baci.csv: the file holds binary data, not CSV text (is it an Excel or zip file? export it as CSV)'],
    );
  });

  it('a line longer than the record limit stops the file', async () => {
    const text = `${H}\n2022,699,643,300490,10,1\n2022,699,643,300491,10,${'9'.repeat(MAX_RECORD_BYTES + 1)}\n`;
    // Chunks of a few bytes would read the long line again and again: 64 KiB ones still split it.
    const paths = { small: PATHS.small as IngestOptions, bulk: { bulkMinBytes: 0, bulkChunkBytes: 1 << 16 } };
    expect(await problemsOnEveryPath({ 'baci.csv': text }, paths)).toEqual([
      'baci.csv, line 3: a record is longer than 1024 KiB: expected one CSV record per line (is a quote left open?)',
    ]);
  });

  it('a file that cannot be read on reports that alone, not its earlier rows', async () => {
    const text = `${H}\n2022,699,643,300490,-1,1\n2022,699,643,"300491,10,1\n`;
    expect(await problemsOnEveryPath({ 'baci.csv': text })).toEqual([
      'baci.csv, line 3: a quoted field is never closed: expected a closing double quote (")',
    ]);
  });

  it('the first 20 problems of a file, then how many more', async () => {
    const rows = Array.from({ length: 25 }, (_, n) => `2022,699,643,${300400 + n},x,1`);
    const problems = await problemsOnEveryPath({ 'baci.csv': `${H}\n${rows.join('\n')}\n` });
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe('baci.csv, line 2, column "v": expected a number, found "x"');
    expect(problems[19]).toBe('baci.csv, line 21, column "v": expected a number, found "x"');
    expect(problems[20]).toBe('baci.csv: and 5 more problems like these');
  });

  it('all problems in all files at once, in the same order', async () => {
    expect(
      await problemsOnEveryPath({
        'a.csv': `${H}\n2022,699,643,300490,10\n2022,699,643,300491,-3,1\n`,
        'b.csv': 'period,reporter,partner,flow,product,value,unit\n2023,IND,RUS,export,30,x,USD mn\n',
        'c.csv': '',
        'd.csv': `${H}\n2022,699,643,300490,10,1,2\n2022,699,643,300492,1,1\n2022,699,643,300492,2,1\n`,
      }),
    ).toEqual([
      // Problems with the text of each file first, in file order; then each file's values.
      'a.csv, line 2: expected 6 fields as in the header, found 5',
      'c.csv: the file is empty: expected a header row and at least one data row',
      'd.csv, line 2: expected 6 fields as in the header, found 7',
      'a.csv, line 3, column "v": expected a trade value of zero or more, found "-3"',
      'b.csv, line 2, column "value": expected a number, found "x"',
      'd.csv, line 4, column "v": same year, exporter, importer and product as line 3, but a different value (1 there): keep one',
    ]);
  });
});
