import { describe, expect, it } from 'vitest';
import { rcaNeeds } from '../../src/indicators/needs.ts';
import { rca } from '../../src/indicators/specialisation.ts';
import { all, compute, one, pairYear, row, value, WORLD, world2019 } from './fixtures.ts';

describe('RCA (Balassa)', () => {
  it('is (x_ij / X_i) / (x_wj / X_w)', () => {
    expect(rca(20, 40, 60, 300)).toBeCloseTo(20 / 40 / (60 / 300), 12);
    expect(rca(20, 40, 0, 300)).toBeNull();
    expect(rca(0, 40, 60, 300)).toBe(0);
  });
});

describe('specialisation indicators', () => {
  const set = compute([...pairYear('FY2024-25', 150, 600), ...world2019]);
  // The world of world2019 as BACI's extract hands it on: by chapter, every exporter summed.
  const summed = (
    [
      ['30', 20 + 40],
      ['84', 10 + 20 + 60],
      ['03', 10],
      ['27', 100],
      ['87', 40],
    ] as const
  ).map(([chapter, v]) =>
    row('2019', WORLD, WORLD, 'export', chapter, v, { sources: ['src-world'], exporters: 3 }),
  );

  it("gives both countries' RCA by chapter against the reporters present", () => {
    const india30 = one(set, 'specialisation.rca', { reporter: 'IND', chapter: '30' }, '2019');
    expect(india30.value).toBeCloseTo(20 / 40 / (60 / 300), 12);
    expect([india30.status, india30.unit, india30.formula]).toEqual(['ok', 'index', 'rca']);
    expect(india30.sources).toEqual(['src-world']);
    expect(india30.note).toBe('world = the 3 reporters in the inputs');
    expect(value(set, 'specialisation.rca', { reporter: 'RUS', chapter: '27' }, '2019')).toBeCloseTo(
      100 / 120 / (100 / 300),
      12,
    );
  });

  it('counts a chapter a fully itemised report leaves out as zero', () => {
    expect(value(set, 'specialisation.rca', { reporter: 'IND', chapter: '27' }, '2019')).toBe(0);
  });

  it('gives world shares in total and by sector, and sector RCAs', () => {
    expect(value(set, 'specialisation.worldShare', { reporter: 'IND' }, '2019')).toBeCloseTo(40 / 300, 12);
    expect(
      value(set, 'specialisation.sectorWorldShare', { reporter: 'IND', sector: 'machines' }),
    ).toBeCloseTo(10 / 90, 12);
    expect(value(set, 'specialisation.sectorRca', { reporter: 'IND', sector: 'machines' })).toBeCloseTo(
      10 / 40 / (90 / 300),
      12,
    );
  });

  it('says in a data note which reporters make the world', () => {
    const note = set.notes.find((n) => n.text.includes('"the world" of the 3 reporters'));
    expect(note?.sources).toEqual(['src-world']);
  });

  it('takes the world as a file sums it over its exporters, counting no exporter twice', () => {
    const pair = world2019.filter((r) => r.reporter !== 'FRA');
    // With France's own report beside the sum (a batch keeps its partners'), or without it.
    for (const rows of [
      [...pair, ...summed],
      [...world2019, ...summed],
    ]) {
      const fromSum = compute([...pairYear('FY2024-25', 150, 600), ...rows]);
      const india30 = one(fromSum, 'specialisation.rca', { reporter: 'IND', chapter: '30' }, '2019');
      expect(india30.value).toBeCloseTo(20 / 40 / (60 / 300), 12);
      expect(india30.note).toBe('world = the 3 reporters in the inputs');
      expect(value(fromSum, 'specialisation.worldExports', { reporters: '3' }, '2019')).toBe(300);
      expect(value(fromSum, 'specialisation.worldShare', { reporter: 'RUS' }, '2019')).toBeCloseTo(
        120 / 300,
        12,
      );
      expect(value(fromSum, 'specialisation.sectorRca', { reporter: 'IND', sector: 'machines' })).toBeCloseTo(
        10 / 40 / (90 / 300),
        12,
      );
      // Every specialisation figure as from the reporters' reports, to the bit.
      const figures = (s: typeof set) =>
        s.indicators.filter((i) => i.id.startsWith('specialisation.')).map((i) => [i.id, i.dims, i.value]);
      expect(figures(fromSum)).toEqual(figures(set));
    }
  });

  it('takes the years in time order when the first country of the pair lacks the first, and counts exporters from chapters', () => {
    // 2018: Russia and the world's sum only. Chapter 99 and the total normalise adds (which takes its
    // first chapter's fields) count a fourth exporter, of chapter 99 alone.
    const world = { sources: ['src-world'], exporters: 4 };
    const in2018 = (r: (typeof world2019)[number]) => ({
      ...r,
      ...row('2018', r.reporter, r.partner, r.flow, r.product, r.valueUsd),
      sources: r.sources,
    });
    const y2018 = [
      row('2018', WORLD, WORLD, 'export', 'TOTAL', 305, world),
      row('2018', WORLD, WORLD, 'export', '99', 5, world),
      ...summed.map(in2018),
      ...world2019.filter((r) => r.reporter === 'RUS').map(in2018),
    ];
    const both = compute([...pairYear('FY2024-25', 150, 600), ...world2019, ...summed, ...y2018]);
    const note = both.notes.find((n) => n.text.includes('"the world" of the'));
    expect(note?.text).toContain('for 2018 to 2019');
    // Three exporters of products both years, though chapter 99 had four.
    expect(note?.text).toContain('of the 3 reporters');
    expect(value(both, 'specialisation.worldExports', { reporters: '3' }, '2018')).toBe(300);
  });

  it('orders a fiscal year among calendar years by the year it starts in', () => {
    const moved = (period: string) => (r: (typeof world2019)[number]) => ({
      ...r,
      ...row(period, r.reporter, r.partner, r.flow, r.product, r.valueUsd),
      sources: r.sources,
    });
    const years = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019,
      ...world2019.map(moved('2021')),
      ...world2019.map(moved('FY2020-21')),
    ]);
    const note = years.notes.find((n) => n.text.includes('"the world" of the'));
    expect(note?.text).toContain('for 2019 to 2021');
  });

  it('marks chapters unknown and sectors partial when the country leaves part of its exports unitemised', () => {
    const partial = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019,
      row('2019', 'IND', WORLD, 'export', 'OTHER', 15, { sources: ['src-world'] }),
    ]);
    expect(all(partial, 'specialisation.rca', { reporter: 'IND', chapter: '27' })).toHaveLength(0);
    // The world now holds 315 of exports, IND 55.
    const india30 = one(partial, 'specialisation.rca', { reporter: 'IND', chapter: '30' });
    expect(india30.value).toBeCloseTo(20 / 55 / (60 / 315), 12);
    expect(india30.status).toBe('partial');
    const fuels = one(partial, 'specialisation.sectorWorldShare', { reporter: 'IND', sector: 'fuels' });
    expect([fuels.value, fuels.status]).toEqual([0, 'partial']);
  });

  it('is not available without exports to the world by chapter, or with the country alone', () => {
    const none = compute(pairYear('FY2024-25', 150, 600));
    const india = one(none, 'specialisation.rca', { reporter: 'IND' });
    expect(india.status).toBe('not_available');
    expect(india.needs).toBe("needs India's exports to the world by HS chapter");
    const alone = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019.filter((r) => r.reporter === 'IND'),
    ]);
    const india2 = one(alone, 'specialisation.rca', { reporter: 'IND' });
    expect(india2.status).toBe('not_available');
    // India's own exports to the world are there: what is missing is the rest of the world.
    expect(india2.needs).toBe(
      "needs other countries' exports to the world by HS chapter for 2019, to make up the world (the inputs hold only India's)",
    );
    expect(one(alone, 'specialisation.rca', { reporter: 'RUS' }).needs).toBe(
      "needs Russia's exports to the world by HS chapter",
    );
    expect(rcaNeeds(alone)).toBe(
      "needs other countries' exports to the world by HS chapter for 2019, to make up the world (the inputs hold only India's); and Russia's exports to the world by HS chapter",
    );
  });

  it('says which years each has where both countries have an RCA, but not for one year', () => {
    const apart = compute([
      ...pairYear('FY2024-25', 150, 600),
      ...world2019.filter((r) => r.reporter !== 'RUS'),
      ...world2019.filter((r) => r.reporter !== 'IND').map((r) => ({ ...r, period: '2020', year: 2020 })),
    ]);
    expect(rcaNeeds(apart)).toBe(
      "needs both countries' exports to the world by HS chapter for one year (India: 2019; Russia: 2020)",
    );
  });
});
