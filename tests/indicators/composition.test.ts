import { describe, expect, it } from 'vitest';
import { compactChapters } from '../../src/core/hs.ts';
import { compute, detailed, one, value } from './fixtures.ts';

describe('composition', () => {
  const set = compute(detailed);

  it('gives each chapter’s value and share of the flow, the unitemised rest as OTHER', () => {
    expect(value(set, 'composition.chapter.value', { flow: 'export', chapter: '30' }, 'FY2024-25')).toBe(60);
    expect(value(set, 'composition.chapter.share', { flow: 'export', chapter: '30' }, 'FY2024-25')).toBe(
      60 / 150,
    );
    const other = one(set, 'composition.chapter.share', { flow: 'export', chapter: 'OTHER' }, 'FY2024-25');
    expect(other.value).toBe(60 / 150);
    expect(other.formula).toBe('shareOther');
    expect(value(set, 'composition.chapter.share', { flow: 'import', chapter: '27' }, 'FY2024-25')).toBe(
      450 / 600,
    );
  });

  it('sums sectors over their chapters; a sector with chapters not itemised is a range, marked partial', () => {
    const pharma = one(set, 'composition.sector.value', { flow: 'export', sector: 'pharma' }, 'FY2024-25');
    expect([pharma.value, pharma.status, pharma.high]).toEqual([60, 'ok', undefined]);
    const machines = one(
      set,
      'composition.sector.share',
      { flow: 'export', sector: 'machines' },
      'FY2024-25',
    );
    // HS 84 is 30; HS 85 hides in the rest of 60, and no hidden chapter can exceed the smallest one
    // listed (HS 84, 30): at most 30 + 30.
    expect(machines.value).toBe(30 / 150);
    expect(machines.high).toBe(60 / 150);
    expect(machines.status).toBe('partial');
    expect(machines.note).toBe('at least: chapter 85 not itemised in the source');
    // Fully itemised year: a sector with no chapter listed is zero, and known to be.
    const fuels = one(set, 'composition.sector.value', { flow: 'export', sector: 'fuels' }, 'FY2023-24');
    expect([fuels.value, fuels.status]).toEqual([0, 'ok']);
    // Nothing itemised and part of the flow not itemised: kept from zero to the most HS 27 can hold.
    const hidden = one(set, 'composition.sector.value', { flow: 'export', sector: 'fuels' }, 'FY2024-25');
    expect([hidden.value, hidden.high, hidden.status]).toEqual([0, 30, 'partial']);
  });

  it('writes chapter lists compactly', () => {
    expect(compactChapters(['85', '72', '73', '74', '78'])).toBe('72–74, 78, 85');
  });
});
