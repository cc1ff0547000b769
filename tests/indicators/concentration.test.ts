import { describe, expect, it } from 'vitest';
import { hhi, hhiNormalised, hhiRange } from '../../src/indicators/concentration.ts';
import { CHAPTERS, compute, detailed, one, pairYear } from './fixtures.ts';

const normalise = (raw: number, n: number) => (Math.sqrt(raw) - Math.sqrt(1 / n)) / (1 - Math.sqrt(1 / n));

describe('HHI', () => {
  it('is Σ s², normalised by UNCTAD’s formula', () => {
    expect(hhi([0.5, 0.3, 0.2])).toBeCloseTo(0.5 ** 2 + 0.3 ** 2 + 0.2 ** 2, 12);
    expect(hhiNormalised(0.38, 10)).toBeCloseTo(normalise(0.38, 10), 12);
    expect(hhiNormalised(1, 10)).toBeCloseTo(1, 12);
    expect(hhiNormalised(1 / 10, 10)).toBeCloseTo(0, 12);
    expect(hhiNormalised(1, 1)).toBeNull();
  });

  it('bounds the index when part of the flow is not itemised, no hidden chapter above the smallest listed', () => {
    // A top list: the rest 0.4 over 8 chapters, none above 0.2, packs at most into two chapters of 0.2.
    const { low, high } = hhiRange([0.4, 0.2], 0.4, 8);
    expect(low).toBeCloseTo(0.4 ** 2 + 0.2 ** 2 + 0.4 ** 2 / 8, 12);
    expect(high).toBeCloseTo(0.4 ** 2 + 0.2 ** 2 + 2 * 0.2 ** 2, 12);
    // 0.5 left over 2 chapters cannot all sit under 0.2: not a top list, so one chapter may hold it all.
    const loose = hhiRange([0.3, 0.2], 0.5, 2);
    expect(loose.high).toBeCloseTo(0.3 ** 2 + 0.2 ** 2 + 0.5 ** 2, 12);
  });
});

describe('concentration indicators', () => {
  const set = compute(detailed);

  it('is exact for a fully itemised flow', () => {
    const raw = one(set, 'concentration.hhi', { flow: 'export' }, 'FY2023-24');
    expect(raw.value).toBeCloseTo(0.7 ** 2 + 0.3 ** 2, 12);
    expect([raw.status, raw.high]).toEqual(['ok', undefined]);
    const n = CHAPTERS.length;
    expect(one(set, 'concentration.hhiNormalised', { flow: 'export' }, 'FY2023-24').value).toBeCloseTo(
      normalise(0.7 ** 2 + 0.3 ** 2, n),
      12,
    );
  });

  it('is a range, marked partial, where part of the flow is OTHER', () => {
    // Exports: 30 → 60/150, 84 → 30/150, OTHER 60/150 over the 8 chapters not itemised.
    const known = 0.4 ** 2 + 0.2 ** 2;
    const raw = one(set, 'concentration.hhi', { flow: 'export' }, 'FY2024-25');
    expect(raw.status).toBe('partial');
    expect(raw.value).toBeCloseTo(known + 0.4 ** 2 / (CHAPTERS.length - 2), 12);
    // 0.4 left, no chapter above HS 84's 0.2: two chapters of 0.2 at most.
    expect(raw.high).toBeCloseTo(known + 2 * 0.2 ** 2, 12);
    expect(raw.note).toMatch(/^40\.0 % of the flow is not itemised/);
  });

  it('counts a national chapter outside the nomenclature in N', () => {
    // Imports: 27 → 450/600, 98 → 30/600, OTHER 120/600; N = 10 chapters + 98.
    const n = CHAPTERS.length + 1;
    const low = 0.75 ** 2 + 0.05 ** 2 + 0.2 ** 2 / (n - 2);
    const normalised = one(set, 'concentration.hhiNormalised', { flow: 'import' }, 'FY2024-25');
    expect(normalised.value).toBeCloseTo(normalise(low, n), 12);
    // 0.2 left under a cap of 0.05 (HS 98): four chapters of 0.05 at most.
    expect(normalised.high).toBeCloseTo(normalise(0.75 ** 2 + 0.05 ** 2 + 4 * 0.05 ** 2, n), 12);
    expect(normalised.note).toMatch(/^N = 11 HS chapters/);
  });

  it('is not available without chapter detail', () => {
    const totals = compute(pairYear('FY2024-25', 150, 600));
    const raw = one(totals, 'concentration.hhi', { flow: 'import' });
    expect(raw.status).toBe('not_available');
    expect(raw.needs).toBe('needs imports from Russia by HS chapter');
  });
});
