import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { readCsv, readHead, readTableFromBytes } from '../../src/ingest/readCsv.ts';
import { tempDir } from '../helpers.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => `${i},${i + 1},${i + 2}`);

describe('the records of a delimited file, each with its line', () => {
  it('names the line of a quote never closed, from a file and from bytes alike, however short', async () => {
    for (const n of [1, 50, 500]) {
      // Header on line 1, n rows, the open quote on line n + 2.
      const text = ['h,a,b', ...rows(n), '"open,1,2', 'x,y,z', ''].join('\n');
      const file = join(tempDir(), 'trade.csv');
      writeFileSync(file, text);
      const problem = { file: 'trade.csv', line: n + 2, message: m.unclosedQuote() };
      expect(await readCsv(file, 'trade.csv')).toEqual({ problems: [problem] });
      expect(await readTableFromBytes(Buffer.from(text), 'trade.csv')).toEqual({ problems: [problem] });
    }
  });

  it('reads the head of a file up to its header; a broken record further down is the full read’s to report', async () => {
    const file = join(tempDir(), 'trade.csv');
    writeFileSync(file, ['Title', 'h,a,b', ...rows(3), 'x,"a"b,3', ''].join('\n'));
    const isHeader = (cells: string[]) => cells[0] === 'h';
    const { head, problems } = await readHead(file, 'trade.csv', isHeader);
    expect(problems).toEqual([]);
    expect(head).toMatchObject({ preamble: ['Title'], header: ['h', 'a', 'b'], headerLine: 2 });
    expect(await readCsv(file, 'trade.csv', isHeader)).toEqual({
      problems: [{ file: 'trade.csv', line: 6, message: m.textAfterQuote() }],
    });
  });

  it('gives each record the line it ends on, across cells that hold line breaks and blank lines', async () => {
    const text = 'h,a,b\n1,"two\nlines",3\n\n4,5,6\r\n7,"x\ny",9\n';
    const read = await readTableFromBytes(Buffer.from(text), 'trade.csv');
    if (!('table' in read) || !read.table) throw new Error(JSON.stringify(read));
    expect(read.table.rows.map((r) => r.line)).toEqual([3, 5, 7]);
  });

  it('counts a CRLF inside a quoted cell as one line break, also where a chunk of the file ends in it', async () => {
    // The header on line 1; "two lines" ends on 3; the record of line breaks alone (4–5) is skipped;
    // "4,5,6" is on line 6; the cell with a blank line in it ends on 9.
    const text = 'h,a,b\r\n1,"two\r\nlines",3\r\n"\r\n",""\r\n4,5,6\r\n7,"x\r\n\r\ny",9\r\n';
    const read = await readTableFromBytes(Buffer.from(text), 'trade.csv');
    if (!('table' in read) || !read.table) throw new Error(JSON.stringify(read));
    expect(read.table.rows.map((r) => r.line)).toEqual([3, 6, 9]);
    // A file is read in chunks of 64 KiB: here the first ends between the CR and the LF of a quoted cell.
    const header = 'h,a,b\r\n1,"';
    const file = join(tempDir(), 'trade.csv');
    writeFileSync(file, `${header}${'x'.repeat(64 * 1024 - 1 - header.length)}\r\ny",2\r\n3,4,5\r\n`);
    const fromFile = await readCsv(file, 'trade.csv');
    if (!('table' in fromFile) || !fromFile.table) throw new Error(JSON.stringify(fromFile));
    expect(fromFile.table.rows.map((r) => r.line)).toEqual([3, 4]);
  });
});
