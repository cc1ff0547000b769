import { describe, expect, it } from 'vitest';
import { everyFromOneMatrix, fromOneMatrix } from '../../src/indicators/oneMatrix.ts';
import { reportsOf } from '../../src/indicators/reports.ts';
import type { Normalised } from '../../src/normalise/table.ts';
import { row, WORLD } from './fixtures.ts';

const BACI = 'BACI_HS17_Y2022_V202401.csv';
/** A file of the matrix whose name ends in a colon and digits: named alone, it reads as file "C", line 12. */
const ODD = 'C:12';
const files = [
  { file: BACI, format: 'baci' },
  { file: ODD, format: 'baci' },
  { file: 'exports.csv', format: 'comtrade-plus' },
] as unknown as Normalised['files'];
const table = { files };
const withRefs = (...refs: string[]) => row('2022', 'IND', WORLD, 'export', '27', 1, { refs });

describe('fromOneMatrix', () => {
  it('asks that every line of every row comes from a file of one reconciled matrix', () => {
    const cases: [string[], boolean][] = [
      [[`${BACI}:2`, `${BACI}:31`], true],
      [[BACI], true],
      [[`${ODD}:7`], true],
      [[ODD], false],
      // Not a line: the reference names a file, which is not one of them.
      [[`${BACI}:`], false],
      [[`${BACI}:12a`], false],
      [[`${BACI}:1:2`], false],
      [[':12'], false],
      [['C'], false],
      [[`${BACI}:2`, 'exports.csv:5'], false],
      [['exports.csv:5', `${BACI}:2`], false],
      [[`x${BACI}:2`], false],
      [[], false],
    ];
    for (const [refs, expected] of cases)
      expect(fromOneMatrix(table, [withRefs(...refs)]), refs.join(' ')).toBe(expected);
    // A file found before is matched in place; the next reference must still be a line of it.
    expect(fromOneMatrix(table, [withRefs(`${BACI}:2`, `${BACI}2:3`)])).toBe(false);
    expect(fromOneMatrix(table, [withRefs(`${BACI}:2`), withRefs(`${BACI}:9`, 'C:1')])).toBe(false);
    expect(fromOneMatrix({ files: [] as unknown as Normalised['files'] }, [withRefs(`${BACI}:2`)])).toBe(
      false,
    );
    expect(fromOneMatrix(table, [])).toBe(false);
    // Every row of none: true where the table has files of such a matrix, so that rows can be asked in parts.
    expect(everyFromOneMatrix(table, [])).toBe(true);
    expect(everyFromOneMatrix({ files: [] as unknown as Normalised['files'] }, [])).toBe(false);
    expect(everyFromOneMatrix(table, [withRefs(`${BACI}:2`), withRefs('exports.csv:5')])).toBe(false);
  });

  it('answers again from what it found for each row of the same table', () => {
    const rows = [withRefs(`${BACI}:2`), withRefs(`${BACI}:3`)];
    expect(fromOneMatrix(table, rows)).toBe(true);
    // A row is looked at once for a table's files; another table's files are asked afresh.
    rows[1]?.refs.push('exports.csv:1');
    expect(fromOneMatrix(table, rows)).toBe(true);
    expect(fromOneMatrix({ files: [...files] }, rows)).toBe(false);
  });
});

describe('reportsOf', () => {
  it('makes each report once per table and match, and hands each caller a list of its own', () => {
    const trade = [
      row('2022', 'IND', WORLD, 'export', 'TOTAL', 10),
      row('2022', 'IND', WORLD, 'export', '27', 6),
      row('2022', 'RUS', WORLD, 'export', '27', 3),
      row('2023', 'IND', WORLD, 'export', '27', 7),
      row('2022', 'IND', WORLD, 'export', 'OTHER', 4),
    ];
    const n = { trade } as unknown as Normalised;
    const all = reportsOf(n, { partner: WORLD, flow: 'export' });
    expect(
      all.map((r) => [r.reporter, r.period, r.total?.valueUsd, r.other?.valueUsd, r.chapters.size]),
    ).toEqual([
      ['IND', '2022', 10, 4, 1],
      ['RUS', '2022', undefined, undefined, 1],
      ['IND', '2023', undefined, undefined, 1],
    ]);
    const again = reportsOf(n, { partner: WORLD, flow: 'export' });
    expect(again).not.toBe(all);
    expect(again[0]).toBe(all[0]);
    all.pop();
    expect(reportsOf(n, { partner: WORLD, flow: 'export' })).toHaveLength(3);
    // Another reporter, or none, is another match.
    expect(reportsOf(n, { reporter: 'RUS', partner: WORLD, flow: 'export' }).map((r) => r.reporter)).toEqual([
      'RUS',
    ]);
    expect(reportsOf(n, { partner: WORLD, flow: 'import' })).toEqual([]);
  });
});
