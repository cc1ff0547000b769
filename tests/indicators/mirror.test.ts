import { describe, expect, it } from 'vitest';
import { mirrorDiscrepancy } from '../../src/indicators/mirror.ts';
import { compute, one, pairYear, row } from './fixtures.ts';

describe('mirror discrepancy', () => {
  it('is (X_ij − M_ji) / (X_ij + M_ji)', () => {
    expect(mirrorDiscrepancy(100, 110)).toBeCloseTo((100 - 110) / (100 + 110), 12);
    expect(mirrorDiscrepancy(100, 0)).toBe(1);
    expect(mirrorDiscrepancy(0, 0)).toBeNull();
  });

  it("compares each side's report of the same flow, per year both report", () => {
    const set = compute([
      ...pairYear('2019', 100, 300),
      row('2019', 'RUS', 'IND', 'import', 'TOTAL', 110, { sources: ['src-partner'] }),
      row('2019', 'RUS', 'IND', 'export', 'TOTAL', 280, { sources: ['src-partner'] }),
    ]);
    const exports = one(set, 'mirror.discrepancy', { flow: 'export' }, '2019');
    expect(exports.value).toBeCloseTo((100 - 110) / (100 + 110), 12);
    expect(exports.sources).toEqual(['src-partner', 'src-trade']);
    expect(one(set, 'mirror.discrepancy', { flow: 'import' }, '2019').value).toBeCloseTo(
      (300 - 280) / (300 + 280),
      12,
    );
  });

  it("is not available when the partner doesn't report, and says what it needs", () => {
    const set = compute([...pairYear('FY2023-24', 100, 300), ...pairYear('FY2024-25', 120, 400)]);
    const exports = one(set, 'mirror.discrepancy', { flow: 'export' });
    expect(exports.status).toBe('not_available');
    expect(exports.period).toBe('FY2023-24–FY2024-25');
    expect(exports.needs).toBe("needs Russia's own report of its imports from India");
  });

  it('needs both reports on the same periods', () => {
    const set = compute([
      ...pairYear('FY2019-20', 100, 300),
      row('2019', 'RUS', 'IND', 'import', 'TOTAL', 110),
    ]);
    expect(one(set, 'mirror.discrepancy', { flow: 'export' }).needs).toBe(
      'needs both reports for the same periods (this side FY2019-20; Russia 2019)',
    );
  });

  it('adds no publication-gap note for a partner without one', () => {
    const set = compute(
      [row('2019', 'IND', 'FRA', 'export', 'TOTAL', 100), row('2019', 'IND', 'FRA', 'import', 'TOTAL', 90)],
      { config: { partner: 'FRA' } },
    );
    const exports = one(set, 'mirror.discrepancy', { flow: 'export' });
    expect([exports.status, exports.note]).toEqual(['not_available', undefined]);
    expect(exports.needs).toBe("needs France's own report of its imports from India");
  });
});
