import { describe, expect, it } from 'vitest';
import { groupBy, groupByFields } from '../../src/core/group.ts';

describe('groupBy', () => {
  it('keeps the keys in the order first met and each group in the items’ order', () => {
    const rows = ['27 2709', '30 3004', '27 2710', '85 8517', '30 3002'];
    const groups = groupBy(rows, (row) => row.slice(0, 2));
    expect([...groups.keys()]).toEqual(['27', '30', '85']);
    expect(groups.get('27')).toEqual(['27 2709', '27 2710']);
    expect(groups.get('30')).toEqual(['30 3004', '30 3002']);
    expect(groupBy([], String).size).toBe(0);
  });

  it('groups 20,000 rows of 100 keys in one pass', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const groups = groupBy(rows, (i) => String(i % 100));
    expect(groups.size).toBe(100);
    expect(groups.get('7')?.slice(0, 3)).toEqual([7, 107, 207]);
    expect([...groups.values()].reduce((n, g) => n + g.length, 0)).toBe(20_000);
  });
});

describe('groupByFields', () => {
  it('gives the groups groupBy gives with a key joined from the fields, in the same order', () => {
    let seed = 3;
    const pick = (values: string[]) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return values[seed % values.length] as string;
    };
    // Rows met in no order, some fields the same in every row.
    const rows = Array.from({ length: 2_000 }, (_, line) => ({
      period: pick(['2022', '2023']),
      reporter: pick(['IND', 'RUS', 'USA', 'FRA']),
      partner: pick(['WLD', 'IND', 'RUS']),
      flow: pick(['export', 'import']),
      line,
    }));
    const fields = ['period', 'reporter', 'partner', 'flow'] as const;
    const joined = groupBy(rows, (r) => fields.map((f) => r[f]).join('|'));
    expect(groupByFields(rows, fields)).toEqual([...joined.values()]);
    expect(groupByFields(rows, ['flow'])).toEqual([...groupBy(rows, (r) => r.flow).values()]);
    expect(groupByFields([], fields)).toEqual([]);
  });

  it('never puts together rows whose values only join alike', () => {
    const rows = [
      { a: 'x|y', b: 'z' },
      { a: 'x', b: 'y|z' },
      { a: 'x|y', b: 'z' },
    ];
    expect(groupByFields(rows, ['a', 'b'])).toEqual([[rows[0], rows[2]], [rows[1]]]);
  });
});
