import { describe, expect, it } from 'vitest';
import { groupBy } from '../../src/core/group.ts';

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
