import { describe, expect, it } from 'vitest';
import { grubelLloyd, grubelLloydAggregate } from '../../src/indicators/intraIndustry.ts';
import { compute, one, pairYear, row } from './fixtures.ts';

describe('Grubel–Lloyd', () => {
  it('is 1 − |X − M| / (X + M) per chapter', () => {
    expect(grubelLloyd(30, 10)).toBeCloseTo(1 - 20 / 40, 12);
    expect(grubelLloyd(25, 25)).toBe(1);
    expect(grubelLloyd(5, 0)).toBe(0);
    expect(grubelLloyd(0, 0)).toBeNull();
  });

  it('aggregates as a trade-weighted mean, or a range when chapters are unknown', () => {
    const chapters = [
      { x: 70, m: 0 },
      { x: 30, m: 20 },
      { x: 0, m: 30 },
    ];
    const exact = 1 - (70 + 10 + 30) / (70 + 50 + 30);
    const aggregate = grubelLloydAggregate(chapters, { x: 100, m: 50 }, true);
    expect(aggregate?.low).toBeCloseTo(exact, 12);
    expect(aggregate?.high).toBeCloseTo(exact, 12);
    // The same as the mean of the chapter indices weighted by each chapter's trade.
    expect(exact).toBeCloseTo((70 / 150) * 0 + (50 / 150) * (1 - 10 / 50) + (30 / 150) * 0, 12);
    const range = grubelLloydAggregate([{ x: 30, m: 10 }], { x: 150, m: 600 }, false);
    expect(range?.low).toBeCloseTo((2 * 10) / 750, 12);
    expect(range?.high).toBeCloseTo((2 * (10 + Math.min(150 - 30, 600 - 10))) / 750, 12);
  });
});

describe('intra-industry indicators', () => {
  const set = compute([
    // Fully itemised both ways.
    ...pairYear('FY2023-24', 100, 50),
    row('FY2023-24', 'IND', 'RUS', 'export', '30', 70),
    row('FY2023-24', 'IND', 'RUS', 'export', '84', 30),
    row('FY2023-24', 'IND', 'RUS', 'import', '84', 20),
    row('FY2023-24', 'IND', 'RUS', 'import', '27', 30),
    // Part of each flow not itemised.
    ...pairYear('FY2024-25', 150, 600),
    row('FY2024-25', 'IND', 'RUS', 'export', '30', 60),
    row('FY2024-25', 'IND', 'RUS', 'export', '84', 30),
    row('FY2024-25', 'IND', 'RUS', 'export', 'OTHER', 60),
    row('FY2024-25', 'IND', 'RUS', 'import', '27', 450),
    row('FY2024-25', 'IND', 'RUS', 'import', '84', 10),
    row('FY2024-25', 'IND', 'RUS', 'import', 'OTHER', 140),
  ]);

  it('gives the index per chapter; a chapter absent from a fully itemised side is zero trade', () => {
    expect(one(set, 'intraIndustry.chapter', { chapter: '84' }, 'FY2023-24').value).toBeCloseTo(
      1 - 10 / 50,
      12,
    );
    expect(one(set, 'intraIndustry.chapter', { chapter: '30' }, 'FY2023-24').value).toBe(0);
    expect(one(set, 'intraIndustry.chapter', { chapter: '84' }, 'FY2024-25').value).toBeCloseTo(
      1 - 20 / 40,
      12,
    );
  });

  it('marks a chapter not available when the other side may hold it in its unitemised rest', () => {
    const pharma = one(set, 'intraIndustry.chapter', { chapter: '30' }, 'FY2024-25');
    expect(pharma.status).toBe('not_available');
    expect(pharma.needs).toBe('needs imports from Russia in HS 30, not itemised in the source');
  });

  it('gives the exact aggregate when both flows are fully itemised, a range otherwise', () => {
    const exact = one(set, 'intraIndustry.aggregate', {}, 'FY2023-24');
    expect(exact.value).toBeCloseTo(1 - (70 + 10 + 30) / (70 + 50 + 30), 12);
    expect([exact.status, exact.high]).toEqual(['ok', undefined]);
    const range = one(set, 'intraIndustry.aggregate', {}, 'FY2024-25');
    expect(range.value).toBeCloseTo((2 * 10) / 750, 12);
    expect(range.high).toBeCloseTo((2 * (10 + 120)) / 750, 12);
    expect(range.status).toBe('partial');
    expect(range.note).toMatch(/^only 1 chapter is itemised on both sides \(5\.3 % of the pair's trade\)/);
  });

  it('is not available with chapters on one side only', () => {
    const oneSide = compute([
      ...pairYear('FY2024-25', 150, 600),
      row('FY2024-25', 'IND', 'RUS', 'export', '30', 150),
    ]);
    const aggregate = one(oneSide, 'intraIndustry.aggregate');
    expect(aggregate.status).toBe('not_available');
    expect(aggregate.needs).toBe(
      'needs exports to Russia and imports from Russia by HS chapter for the same period',
    );
  });
});
