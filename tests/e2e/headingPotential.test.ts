import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../../bench/syntheticBaci.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

type Sums = Map<string, number>;

function add(sums: Sums, key: string, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}

function build(inputs: string): { set: IndicatorSet; out: string; csv: Record<string, string>[] } {
  const out = tempDir();
  const run = tradebrief(['run', '--inputs', inputs, '--out', out, '--reporter', 'IND', '--partner', 'RUS']);
  expect(run.stderr).not.toContain('error');
  expect(run.status).toBe(0);
  const csv = parse(readFileSync(join(out, 'tables/potential_headings.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  return { set: JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet, out, csv };
}

/**
 * The ranking computed here from sums by heading: untapped = D_h × X_IND,h / X_world,h − A_h over the
 * headings with demand and Indian exports to the world, largest first.
 */
function ranking(demand: Sums, india: Sums, world: Sums, toRussia: Sums) {
  return [...demand.keys()]
    .filter((h) => india.has(h) && !['77', '98', '99'].includes(h.slice(0, 2)))
    .map((h) => {
      const worldShare = (india.get(h) ?? 0) / (world.get(h) ?? 0);
      const potential = (demand.get(h) ?? 0) * worldShare;
      return { heading: h, worldShare, potential, untapped: potential - (toRussia.get(h) ?? 0) };
    })
    .sort((a, b) => b.untapped - a.untapped || a.heading.localeCompare(b.heading));
}

describe('export potential by HS4 heading from a BACI-shaped folder (SYNTHETIC data)', () => {
  let built: ReturnType<typeof build>;
  const demand: Sums = new Map();
  const india: Sums = new Map();
  const world: Sums = new Map();
  const toRussia: Sums = new Map();
  const exporters = new Set<string>();

  beforeAll(async () => {
    const baci = await writeSyntheticBaci(join(tempDir(), 'baci'), 20_000, 12);
    for (const line of readFileSync(baci.file, 'utf8').trim().split('\n').slice(1)) {
      const [, i = '', j, k = '', v] = line.split(',');
      const heading = k.padStart(6, '0').slice(0, 4);
      // BACI values are in thousand US dollars; 699 is India, 643 Russia.
      const usd = Number(v) * 1000;
      exporters.add(i);
      add(world, heading, usd);
      if (i === '699') add(india, heading, usd);
      if (j === '643') add(demand, heading, usd);
      if (i === '699' && j === '643') add(toRussia, heading, usd);
    }
    built = build(baci.dir);
  }, 120_000);

  it('ranks every heading as the sums made here from the file do, the whole ranking in the CSV', () => {
    const expected = ranking(demand, india, world, toRussia);
    expect(expected.length).toBeGreaterThan(10);
    const { csv } = built;
    expect(csv.map((r) => r.hs4)).toEqual(expected.map((e) => e.heading));
    for (const [i, e] of expected.entries()) {
      const row = csv[i] as Record<string, string>;
      expect(Number(row.rank)).toBe(i + 1);
      expect(Number(row.world_share_ratio)).toBeCloseTo(e.worldShare, 12);
      expect(Number(row.potential_usd)).toBeCloseTo(e.potential, 3);
      expect(Number(row.untapped_usd)).toBeCloseTo(e.untapped, 3);
      expect(Number(row.world_exporters)).toBe(exporters.size);
    }
  });

  it('keeps indicators of the largest headings only, with the count of exporters the world sums', () => {
    const { set } = built;
    const untapped = set.indicators.filter((i) => i.id === 'heading.untapped');
    expect(untapped.map((i) => Number(i.dims?.rank))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const top = ranking(demand, india, world, toRussia)[0];
    expect(untapped[0]?.dims?.heading).toBe(top?.heading);
    expect(untapped[0]?.value).toBeCloseTo(top?.untapped ?? Number.NaN, 3);
    expect(set.headingPotential?.exporters).toBe(exporters.size);
  });

  it('leads the section on headings with the largest untapped', () => {
    const text = tool('pdftotext', [join(built.out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    const top = ranking(demand, india, world, toRussia)[0]?.heading;
    expect(text).toContain(`By HS4 heading, the largest untapped potentials are ${top} `);
    expect(text).toContain(
      `“World” is the exports of the ${exporters.size} exporters in the inputs, not every exporter.`,
    );
  });
});

describe('export potential by HS4 heading from a Comtrade Plus download of HS6 lines with World rows (SYNTHETIC figures)', () => {
  const dir = join(ROOT, 'tests/fixtures/ingest/comtrade-plus-world-hs6');
  let built: ReturnType<typeof build>;
  const demand: Sums = new Map();
  const india: Sums = new Map();
  const world: Sums = new Map();
  const toRussia: Sums = new Map();
  const reporters = new Set<string>();

  beforeAll(() => {
    const rows = parse(readFileSync(join(dir, 'TradeData_2021_HS6_world.csv'), 'utf8'), {
      columns: true,
    }) as Record<string, string>[];
    for (const r of rows) {
      const heading = (r.cmdCode ?? '').slice(0, 4);
      const usd = Number(r.primaryValue);
      const key = `${r.reporterISO} ${r.flowCode} ${r.partnerISO}`;
      if (r.flowCode === 'X' && r.partnerISO === 'W00') {
        reporters.add(r.reporterISO ?? '');
        add(world, heading, usd);
      }
      if (key === 'IND X W00') add(india, heading, usd);
      if (key === 'RUS M W00') add(demand, heading, usd);
      if (key === 'IND X RUS') add(toRussia, heading, usd);
    }
    built = build(dir);
  }, 120_000);

  it("sums each heading's HS6 lines over the five reporters: demand, world share, untapped", () => {
    const expected = ranking(demand, india, world, toRussia);
    // 2709: India exports no crude oil to the world in the file, so the heading is not ranked.
    expect(expected.map((e) => e.heading)).toEqual(['3004', '8471', '7102', '3102']);
    expect(built.csv.map((r) => r.hs4)).toEqual(expected.map((e) => e.heading));
    for (const [i, e] of expected.entries()) {
      const row = built.csv[i] as Record<string, string>;
      expect(Number(row.demand_usd)).toBe(demand.get(e.heading));
      expect(Number(row.world_share_ratio)).toBeCloseTo(e.worldShare, 12);
      expect(Number(row.untapped_usd)).toBeCloseTo(e.untapped, 3);
      expect(Number(row.world_exporters)).toBe(reporters.size);
    }
    // 3004: Russia's own report of its imports from India (c.i.f.) gives India's share of them.
    const share = (531_000_000 + 22_500_000) / (demand.get('3004') ?? 0);
    expect(Number(built.csv[0]?.market_share_ratio)).toBeCloseTo(share, 12);
    expect(Number(built.csv[0]?.share_gap_usd)).toBeCloseTo(
      ((expected[0]?.worldShare ?? 0) - share) * (demand.get('3004') ?? 0),
      3,
    );
  });

  it('prints the largest untapped headings with their HS names', () => {
    const text = tool('pdftotext', [join(built.out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('By HS4 heading, the largest untapped potentials are 3004 medicaments');
    expect(text).toContain('“World” is the exports of the 5 exporters in the inputs, not every exporter.');
    expect(text).toContain(
      'The same by HS4 heading (2021), over the 4 headings the data hold on both sides, each heading summing its HS6 lines where no HS4 row is given; the world there is the exports of the 5 exporters in the inputs.',
    );
    // Shares by heading stay in their section, not among the pair's measures of structure.
    expect(text).not.toContain("India's share of Russia's imports, HS 3004");
  });
});
