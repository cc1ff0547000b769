import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { readLines } from '../../src/ingest/bulk/readLines.ts';
import { csvOptions, MAX_RECORD_BYTES } from '../../src/ingest/readCsv.ts';
import { folderWith } from './folders.ts';

type Parsed = { line: number; cells: string[] }[];

/**
 * csv-parse over the whole text, each CRLF a line feed as readCsv gives it: the reference for record
 * boundaries and line numbers.
 */
function csvParse(text: string): Parsed {
  return (
    parse(text.replaceAll('\r\n', '\n'), csvOptions(',')) as unknown as {
      record: string[];
      info: { lines: number };
    }[]
  ).map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** readLines with `chunkBytes`, each record it hands out parsed by csv-parse at the line it gives. */
async function viaReadLines(text: string | Buffer, chunkBytes: number): Promise<Parsed | { stop: string }> {
  const path = join(await folderWith({}), 'data.csv');
  await writeFile(path, text);
  const records: Parsed = [];
  const take = (record: Buffer, line: number) => {
    for (const r of csvParse(record.toString('utf8')))
      records.push({ line: line + r.line - 1, cells: r.cells });
    return undefined;
  };
  const end = await readLines(
    path,
    44,
    {
      plain: () => -1,
      line: (data, start, end, line) => take(data.subarray(start, end), line),
      quoted: take,
    },
    { chunkBytes },
  );
  return 'message' in end ? { stop: `line ${end.line}: ${end.message}` } : records;
}

const CASES: Record<string, string> = {
  'LF, CRLF and lone CR endings': 'a,b\n1,2\r\n3,4\r5,6\n7,8',
  'blank and empty-valued lines': '\n\na,b\r\n\r\n1,2\n , \n,,\n\n3,4\n',
  'a byte-order mark': '\uFEFFa,b\n1,2\n',
  'quotes with line endings, delimiters and escaped quotes inside': 'a,b\n"x\ny",2\n3,"p,""q""\r\nr"\n4,5\n',
  'a quote after blanks opens a field; elsewhere it is text': 'a,b\n  "x,y" ,1\n2"3,4\n',
  'a lone CR inside quotes and after them': 'a,b\n"1\r2",3\r4,5',
  'CRLFs inside quotes, each one line break': 'a,b\r\n"x\r\n\r\ny",2\r\n"\r",3\r\n4,"\r\n"\r\n5,6\r\n',
};

describe('the bulk line reader finds records and lines as csv-parse does', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(name, async () => {
      const expected = csvParse(text);
      // Chunks from one byte up put every record across chunk edges somewhere.
      for (const chunkBytes of [1, 2, 3, 5, 8, 64])
        expect(await viaReadLines(text, chunkBytes)).toEqual(expected);
    });
  }

  it('stops at a quote never closed, naming the line where it opens', async () => {
    for (const chunkBytes of [1, 4, 64])
      expect(await viaReadLines('a,b\n1,2\n\n3,"4\n5,6\n', chunkBytes)).toEqual({
        stop: `line 4: ${m.unclosedQuote()}`,
      });
  });

  it('stops at a record longer than the limit, having kept no more than the limit', async () => {
    const long = `a,b\n1,2\n${'9'.repeat(MAX_RECORD_BYTES + 10)},3\n4,5\n`;
    expect(await viaReadLines(long, 1 << 16)).toEqual({ stop: `line 3: ${m.lineTooLong(MAX_RECORD_BYTES)}` });
    // Within one chunk, too.
    expect(await viaReadLines(long, 4 << 20)).toEqual({ stop: `line 3: ${m.lineTooLong(MAX_RECORD_BYTES)}` });
  });
});
