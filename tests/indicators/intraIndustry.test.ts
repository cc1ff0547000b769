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
    const complete = {
      known: chapters,
      exportOnly: [],
      importOnly: [],
      neither: 0,
      rest: { x: 0, m: 0 },
      cap: { x: 0, m: 0 },
    };
    const aggregate = grubelLloydAggregate(complete, { x: 100, m: 50 }, true);
    expect(aggregate?.low).toBeCloseTo(exact, 12);
    expect(aggregate?.high).toBeCloseTo(exact, 12);
    // The same as the mean of the chapter indices weighted by each chapter's trade.
    expect(exact).toBeCloseTo((70 / 150) * 0 + (50 / 150) * (1 - 10 / 50) + (30 / 150) * 0, 12);
    // One chapter on both sides (30 | 10); HS 85 exported alone (20), HS 27 imported alone (400);
    // rests: exports 100 (cap 15 a chapter), imports 190 (cap 10); 5 chapters itemised on neither side.
    const sides = {
      known: [{ x: 30, m: 10 }],
      exportOnly: [20],
      importOnly: [400],
      neither: 5,
      rest: { x: 100, m: 190 },
      cap: { x: 15, m: 10 },
    };
    const range = grubelLloydAggregate(sides, { x: 150, m: 600 }, false);
    expect(range?.low).toBeCloseTo((2 * 10) / 750, 12);
    // HS 85 can match at most 10 of imports (the import cap), HS 27 at most 15 (the export cap); the
    // rests left, 180 and 85, go to 5 chapters of at most min(15, 10) each: 50.
    expect(range?.high).toBeCloseTo((2 * (10 + 10 + 15 + 50)) / 750, 12);
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

  it('gives a range for a chapter the other side may hold in its unitemised rest', () => {
    // HS 30: exports 60; imports hidden in a rest of 140 that is too large for a top list (8 × 10),
    // so they may be anything up to 60 and more: from 0 (none) to 1 (matched).
    const pharma = one(set, 'intraIndustry.chapter', { chapter: '30' }, 'FY2024-25');
    expect([pharma.status, pharma.value, pharma.high]).toEqual(['partial', 0, 1]);
    // HS 27: imports 450; exports hidden in a rest of 60 under a top list's cap of 30 (HS 84).
    const fuels = one(set, 'intraIndustry.chapter', { chapter: '27' }, 'FY2024-25');
    expect(fuels.high).toBeCloseTo((2 * 30) / (450 + 30), 12);
  });

  it('gives the exact aggregate when both flows are fully itemised, a range otherwise', () => {
    const exact = one(set, 'intraIndustry.aggregate', {}, 'FY2023-24');
    expect(exact.value).toBeCloseTo(1 - (70 + 10 + 30) / (70 + 50 + 30), 12);
    expect([exact.status, exact.high]).toEqual(['ok', undefined]);
    const range = one(set, 'intraIndustry.aggregate', {}, 'FY2024-25');
    expect(range.value).toBeCloseTo((2 * 10) / 750, 12);
    // Export rest 60 over 8 free chapters fits under the smallest export itemised (30): a top list, so
    // no hidden export chapter exceeds 30. Import rest 140 does not fit under 8 × 10: no cap but 140.
    // HS 30 (exports 60) can match 60 of the import rest; HS 27 (imports 450) 30 of the export rest;
    // what is left, 80 and 30, goes to the 7 chapters itemised on neither side, each at most 30: 30.
    expect(range.high).toBeCloseTo((2 * (10 + 60 + 30 + 30)) / 750, 12);
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
