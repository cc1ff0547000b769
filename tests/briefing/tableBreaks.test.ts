import { describe, expect, it } from 'vitest';
import { pageBreaks } from '../../src/briefing/writer.ts';

/** Rows of 10 pt on pages with room for 100 pt of rows (below the repeated header). */
const rows = (count: number) => Array.from({ length: count }, () => 10);

describe('where a table breaks across pages', () => {
  it('breaks where the page is full when enough rows are left for the next page', () => {
    // 23 rows: 10 + 10 + 3.
    expect([...pageBreaks(rows(23), 0, 0, 100)]).toEqual([10, 20]);
  });

  it('never carries one or two rows over alone: the break moves up to leave three', () => {
    // 21 rows would leave row 20 alone on the third page: 10 + 8 + 3 instead.
    expect([...pageBreaks(rows(21), 0, 0, 100)]).toEqual([10, 18]);
    // 12 rows from the top: 10 + 2 would be the split; 9 + 3 it is.
    expect([...pageBreaks(rows(12), 0, 0, 100)]).toEqual([9]);
  });

  it('keeps three rows on the page before a break too, when the rows are few', () => {
    // Room for 4 rows on the first page, 5 rows in all: 4 + 1 would strand one; 3 on each side is
    // impossible, so the three before the break stay and two go over.
    expect([...pageBreaks(rows(5), 60, 0, 100)]).toEqual([3]);
  });

  it('measures each row, so tall rows count for what they take', () => {
    // Rows of 30 pt, then of 10: 30 + 30 + 30 + 10 fill the page; three rows of 10 go over.
    expect([...pageBreaks([30, 30, 30, 10, 10, 10, 10], 0, 0, 100)]).toEqual([4]);
  });
});
