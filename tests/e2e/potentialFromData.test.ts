import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../../bench/syntheticBaci.ts';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

/** Adds `value` to the sum kept under `key`. */
function add(sums: Map<string, number>, key: string, value: number): void {
  sums.set(key, (sums.get(key) ?? 0) + value);
}

function found(set: IndicatorSet, id: string, dims: Record<string, string>): Indicator {
  const hit = set.indicators.find(
    (i) => i.id === id && Object.entries(dims).every(([k, v]) => i.dims?.[k] === v),
  );
  if (!hit) throw new Error(`no ${id} ${JSON.stringify(dims)}`);
  return hit;
}

function build(inputs: string, partner = 'RUS'): { set: IndicatorSet; out: string } {
  const out = tempDir();
  const pair = ['--reporter', 'IND', '--partner', partner];
  const run = tradebrief(['run', '--inputs', inputs, '--out', out, ...pair]);
  expect(run.stderr).not.toContain('error');
  expect(run.status).toBe(0);
  return { set: JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet, out };
}

describe('export potential computed from a BACI-shaped folder (SYNTHETIC data)', () => {
  let set: IndicatorSet;
  let out: string;
  /** Sums made here from the CSV: Russia's imports and every exporter's exports by chapter, in USD. */
  const demand = new Map<string, number>();
  const india = new Map<string, number>();
  const world = new Map<string, number>();
  const toRussia = new Map<string, number>();

  beforeAll(async () => {
    const baci = await writeSyntheticBaci(join(tempDir(), 'baci'), 20_000, 12);
    for (const line of readFileSync(baci.file, 'utf8').trim().split('\n').slice(1)) {
      const [, i, j, k = '', v] = line.split(',');
      const chapter = k.padStart(6, '0').slice(0, 2);
      // BACI values are in thousand US dollars; 699 is India, 643 Russia.
      const usd = Number(v) * 1000;
      add(world, chapter, usd);
      if (i === '699') add(india, chapter, usd);
      if (j === '643') add(demand, chapter, usd);
      if (i === '699' && j === '643') add(toRussia, chapter, usd);
    }
    ({ set, out } = build(baci.dir));
  }, 120_000);

  it("takes Russia's demand by chapter and India's world share from the file's sums", () => {
    for (const chapter of ['30', '84', '27']) {
      expect(found(set, 'matrix.demand', { chapter }).value).toBeCloseTo(demand.get(chapter) ?? 0, 3);
      const share = (india.get(chapter) ?? 0) / (world.get(chapter) ?? 0);
      expect(found(set, 'specialisation.chapterWorldShare', { reporter: 'IND', chapter }).value).toBeCloseTo(
        share,
        12,
      );
      const potential = (demand.get(chapter) ?? 0) * share;
      expect(found(set, 'matrix.potential', { chapter }).value).toBeCloseTo(potential, 3);
      expect(found(set, 'matrix.untapped', { chapter }).value).toBeCloseTo(
        potential - (toRussia.get(chapter) ?? 0),
        3,
      );
    }
  });

  it('ranks every chapter by untapped potential as the sums made here do', () => {
    const untapped = [...demand.keys()]
      .filter((c) => world.has(c) && !['77', '98', '99'].includes(c))
      .map((c) => ({
        chapter: c,
        value: (demand.get(c) ?? 0) * ((india.get(c) ?? 0) / (world.get(c) ?? 1)) - (toRussia.get(c) ?? 0),
      }))
      .sort((a, b) => b.value - a.value);
    const top = untapped[0];
    expect(found(set, 'matrix.untapped', { rank: '1' }).dims?.chapter).toBe(top?.chapter);
    const csv = parse(readFileSync(join(out, 'tables/potential.csv'), 'utf8'), { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((r) => r.chapter)).toEqual(untapped.map((u) => u.chapter));
    expect(Number(csv[0]?.untapped_usd)).toBeCloseTo(top?.value ?? 0, 3);
  });

  it('leads the export potential section with the finding and the largest chapter', () => {
    const text = tool('pdftotext', [join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    const top = found(set, 'matrix.untapped', { rank: '1' }).dims?.chapter;
    expect(text).toContain(`The largest untapped potential is in HS ${top}`);
    expect(text).toContain('Untapped export potential by HS chapter: India in Russia');
    expect(text).toContain('“World” is the exports of the 12 reporters in the inputs, not every exporter.');
    expect(text).not.toContain("needs Russia's import demand by sector");
    expect(text).toContain(
      "Export potential is computed from the data by the demand × supply “lite” method: Russia's imports from the world in each HS chapter (2022)",
    );
    expect(text).toContain(
      '“The world” of the world shares is the exports of the 12 reporters in the inputs for 2022',
    );
  });
});

describe('export potential computed from a Comtrade Plus download with World rows (SYNTHETIC figures)', () => {
  const dir = join(ROOT, 'tests/fixtures/ingest/comtrade-plus-world');
  const rows = parse(readFileSync(join(dir, 'TradeData_2021_HS2_world.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  const value = (reporter: string, flow: string, partner: string, cmd: string) =>
    Number(
      rows.find(
        (r) =>
          r.reporterISO === reporter && r.flowCode === flow && r.partnerISO === partner && r.cmdCode === cmd,
      )?.primaryValue ?? Number.NaN,
    );
  let set: IndicatorSet;
  let out: string;
  beforeAll(() => {
    // With the default inputs' published figures beside it, as a second opinion.
    const inputs = tempDir();
    for (const file of ['TradeData_2021_HS2_world.csv']) copyFileSync(join(dir, file), join(inputs, file));
    for (const file of ['figures.csv', 'sources.csv'])
      copyFileSync(join(ROOT, 'inputs', file), join(inputs, file));
    ({ set, out } = build(inputs));
  }, 120_000);

  it("sets India's share of Russia's imports, from Russia's own report, against its world share", () => {
    const reporters = ['IND', 'RUS', 'CHN', 'USA', 'DEU'];
    // Chapter 99 is not a product: out of India's total and the world's.
    const total = (r: string) =>
      value(r, 'X', 'W00', 'TOTAL') - (r === 'IND' ? value(r, 'X', 'W00', '99') : 0);
    const w = value('IND', 'X', 'W00', '30') / reporters.reduce((s, r) => s + value(r, 'X', 'W00', '30'), 0);
    const overall = total('IND') / reporters.reduce((s, r) => s + total(r), 0);
    const d = value('RUS', 'M', 'W00', '30');
    const m = value('RUS', 'M', 'IND', '30') / d;
    expect(found(set, 'specialisation.worldShare', { reporter: 'IND' }).value).toBeCloseTo(overall, 12);
    expect(found(set, 'matrix.demand', { chapter: '30' }).value).toBe(d);
    expect(
      found(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS', chapter: '30' }).value,
    ).toBeCloseTo(m, 12);
    expect(found(set, 'matrix.potential', { chapter: '30' }).value).toBeCloseTo(d * w, 3);
    expect(found(set, 'matrix.untapped', { chapter: '30' }).value).toBeCloseTo(
      d * w - value('IND', 'X', 'RUS', '30'),
      3,
    );
    // Russia reports c.i.f. imports above India's f.o.b. exports: the gap is not the untapped potential.
    expect(found(set, 'matrix.shareGap', { chapter: '30' }).value).toBeCloseTo((w - m) * d, 3);
    expect(set.indicators.some((i) => i.id === 'matrix.demand' && i.dims?.chapter === '99')).toBe(false);
  });

  it('prints published demand beside the values computed from the data, with source and confidence', () => {
    const reporters = ['IND', 'RUS', 'CHN', 'USA', 'DEU'];
    const w = value('IND', 'X', 'W00', '30') / reporters.reduce((s, r) => s + value(r, 'X', 'W00', '30'), 0);
    const millions = (usd: number) => Math.round(usd / 1e6).toLocaleString('en-GB');
    const text = tool('pdftotext', ['-layout', join(out, 'briefing.pdf'), '-']);
    // Pharmaceuticals: Russia's imports of chapter 30, its potential, the published USD 10 bn and the
    // potential at that demand, then the publisher.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.trim().startsWith('Pharmaceuticals') && l.includes('India Today'));
    const line = lines[at];
    const cells = [
      millions(value('RUS', 'M', 'W00', '30')),
      millions(value('RUS', 'M', 'W00', '30') * w),
      '10,000',
      millions(10e9 * w),
      'India Today Global,',
    ];
    expect(line?.trim().split(/\s+/).slice(1, 8).join(' ')).toBe(cells.join(' '));
    // The cell wraps: the confidence is on the next line.
    expect(lines[at + 1]).toContain('medium confidence');
  });
});

describe('export potential where none is left (the BACI fixture: India–USA)', () => {
  it('says so, with no chart or table of zeros', () => {
    const { out } = build(join(ROOT, 'tests', 'fixtures', 'ingest', 'baci'), 'USA');
    // HS 30: the USA's imports of 3,000 thousand times India's world share of 100 % is what India sells
    // it; HS 10 and 85: India has no world share, so no potential. Untapped: 0 in every chapter.
    const rows = parse(readFileSync(join(out, 'tables', 'potential.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => [r.chapter, r.potential_usd, r.exports_usd, r.untapped_usd])).toEqual([
      ['10', '0', '0', '0'],
      ['30', '3000000', '3000000', '0'],
      ['85', '0', '0', '0'],
    ]);
    const index = JSON.parse(readFileSync(join(out, 'charts', 'index.json'), 'utf8')) as {
      id: string;
      missing?: string;
    }[];
    expect(index.find((c) => c.id === 'untapped-potential')?.missing).toBe(
      "no HS chapter has potential left untapped: India's exports to United States meet the potential in each of the 3 chapters in tables/potential.csv",
    );
    const text = tool('pdftotext', [join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('it would sell no more than it does: no chapter has potential left untapped.');
    expect(text).not.toContain('Untapped export potential by HS chapter');
    expect(text).not.toContain('largest untapped potential');
    expect(text).not.toContain('untapped 0');
    expect(text).toContain('By HS4 heading, over the one heading United States imports and India exports');
    expect(text).toContain(
      'The same by HS4 heading (2022), over the one heading the data hold on both sides',
    );
    // India's one export heading to the USA, HS 3004: the table holds it all.
    expect(text).toContain('Exports to United States, 2022: its one HS4 heading');
  });
});
