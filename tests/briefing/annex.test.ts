import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAmount, formatNumber, formatPercent } from '../../src/core/format.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { buildTables } from '../../src/tables/build.ts';
import { tempDir, tool } from '../helpers.ts';
import { type Built, buildBriefing, defaultSet, setFrom } from './build.ts';
import { writeSyntheticBaciPair } from './syntheticPair.ts';

const YEARS = [2020, 2021, 2022];
/** HS chapters the synthetic pair does not trade in either way; the rest of the world does. */
const IDLE = [2, 5, 6, 7, 8, 41];
/** Pages a pair's briefing may run beyond the default's: the annex of a bulk file's chapters. */
const EXTRA_PAGES = 4;

const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))?.[1]);
/** Each page's text, in layout order. */
const textOf = (file: string) => tool('pdftotext', ['-layout', file, '-']).split('\f');

/** USD by year and HS chapter of one direction of the pair, summed from the synthetic BACI files. */
function flows(dir: string, exporter: number, importer: number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const year of YEARS) {
    for (const line of readFileSync(join(dir, `BACI_HS17_Y${year}_V202401.csv`), 'utf8')
      .split('\n')
      .slice(1)) {
      const [t, i, j, k, v] = line.split(',');
      if (Number(i) !== exporter || Number(j) !== importer) continue;
      const key = `${t}|${(k ?? '').padStart(6, '0').slice(0, 2)}`;
      sums.set(key, (sums.get(key) ?? 0) + Number(v) * 1000);
    }
  }
  return sums;
}

describe('the briefing of a pair from a bulk BACI-shaped file (SYNTHETIC, 200 countries, 3 years)', () => {
  const dir = tempDir('tradebrief-baci-pair-');
  let set: IndicatorSet;
  let pair: Built;
  let pages: string[];
  let imports: Map<string, number>;
  let exports: Map<string, number>;
  let defaultPages: number;
  beforeAll(async () => {
    writeSyntheticBaciPair(dir, YEARS, 200, IDLE);
    // Russia (643) to India (BACI's 699): India's imports.
    imports = flows(dir, 643, 699);
    exports = flows(dir, 699, 643);
    set = await setFrom(dir, { reporter: 'IND', partner: 'RUS' });
    pair = await buildBriefing(set);
    pages = textOf(pair.file);
    defaultPages = pagesOf((await buildBriefing(await defaultSet())).file);
  }, 120_000);

  it(`stays within ${EXTRA_PAGES} pages of the default briefing, the full tables in an annex`, () => {
    expect(pagesOf(pair.file)).toBeLessThanOrEqual(defaultPages + EXTRA_PAGES);
    const contents = pages[0] ?? '';
    expect(contents).toMatch(/Annex: tables by HS chapter\s+\d+/);
    const text = pages.join('\n');
    for (const title of ['A1. Trade and its structure by HS chapter', 'A2. Trade by HS chapter and year'])
      expect(text).toContain(title);
    // The sections point to the annex instead of listing every chapter.
    expect(text).toContain('Every chapter, with its value and share, is in the annex (table A1)');
  });

  it('lists in A1 only the chapters the pair trades in, and names the others in one sentence', () => {
    const text = pages.join('\n');
    const a1 = text.slice(
      text.indexOf('A1. Trade and its structure'),
      text.indexOf('A2. Trade by HS chapter'),
    );
    const rows = [...a1.matchAll(/^(\d{2})\s{2,}\S/gm)].map((m) => Number(m[1]));
    // Every chapter but the reserved 77 and the pair's idle ones: 97 − 1 − 6 = 90 rows.
    expect(rows).toHaveLength(90);
    for (const chapter of IDLE) expect(rows).not.toContain(chapter);
    expect(a1.replace(/\s+/g, ' ')).toContain(
      '6 chapters with no trade between India and Russia either way in 2022 are not listed: 02, 05–08, 41; their market shares and RCA are in tables/structure.csv.',
    );
    // The file the sentence points to keeps the idle chapters' measures.
    const structure = buildTables(set).find((t) => t.file === 'tables/structure.csv')?.csv ?? '';
    for (const chapter of IDLE) {
      const hs = String(chapter).padStart(2, '0');
      expect(structure).toMatch(new RegExp(`^fit\\.marketShare,2022,${hs},`, 'm'));
      expect(structure).toMatch(new RegExp(`^specialisation\\.rca,2022,${hs},`, 'm'));
    }
  });

  it('repeats the column headers of an annex table on every page it runs over', () => {
    const start = pages.findIndex((p) => p.includes('A2. Trade by HS chapter and year'));
    const end = pages.findIndex((p, i) => i >= start && p.includes('Data notes'));
    expect(end).toBeGreaterThan(start);
    for (const page of pages.slice(start, end + 1))
      expect(page).toMatch(
        /HS\s+Chapter\s+(Imports,\s+){3}(Exports,\s+){2}Exports,\s*\n\s+2020\s+2021\s+2022\s+2020\s+2021\s+2022/,
      );
  });

  it('prints each chapter and year in USD million as summed from the file, right-aligned', () => {
    // The largest chapter of 2022, imports and exports together, and its flows in the three years.
    const size = (chapter: string) =>
      (imports.get(`2022|${chapter}`) ?? 0) + (exports.get(`2022|${chapter}`) ?? 0);
    const [top] = [...new Set([...imports.keys(), ...exports.keys()].map((k) => k.slice(5)))].sort(
      (a, b) => size(b) - size(a),
    );
    const cells = [imports, exports].flatMap((flow) =>
      YEARS.map((y) => formatAmount(flow.get(`${y}|${top}`) ?? 0, 'm')),
    );
    const annex = pages.find((p) => p.includes('A2. Trade by HS chapter and year')) ?? '';
    // The pair's largest chapters run to over USD 10 m, so the table is in millions.
    expect(annex.replace(/\s+/g, ' ')).toContain("India's imports from and exports to Russia, USD million");
    expect(annex).toMatch(
      new RegExp(`\\n${top}\\s+\\S.*?\\s+${cells.map((c) => c.replace('.', '\\.')).join('\\s+')}\\s*\\n`),
    );
  });

  it('says once in the data notes which reporters make "the world" of every year', () => {
    // Each year's world: every exporter's rows summed (v in thousand USD), in USD bn to one decimal.
    const totals = YEARS.map((year) =>
      readFileSync(join(dir, `BACI_HS17_Y${year}_V202401.csv`), 'utf8')
        .split('\n')
        .slice(1)
        .filter(Boolean)
        .reduce((sum, line) => sum + Number(line.split(',')[4]) * 1000, 0),
    ).sort((a, b) => a - b);
    const bn = (usd: number) => `USD ${(usd / 1e9).toFixed(1)} bn`;
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text.match(/compare with "the world"/g)).toHaveLength(1);
    expect(text).toContain(
      `for 2020 to 2022 compare with "the world" of the 200 reporters whose exports to the world by HS chapter are in the inputs each year (${bn(totals[0] ?? 0)} to ${bn(totals[2] ?? 0)} of exports a year)`,
    );
  });

  it('gives intra-industry trade of the latest year, as the table beside it does', () => {
    // Grubel–Lloyd over all chapters: 1 − Σ|X_k − M_k| / Σ(X_k + M_k), 2022.
    const keys = [...new Set([...imports.keys(), ...exports.keys()])].filter((k) => k.startsWith('2022|'));
    const x = (k: string) => exports.get(k) ?? 0;
    const m = (k: string) => imports.get(k) ?? 0;
    const gl =
      1 - keys.reduce((s, k) => s + Math.abs(x(k) - m(k)), 0) / keys.reduce((s, k) => s + x(k) + m(k), 0);
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`is ${formatNumber(gl, 3)} over all chapters in 2022`);
  });

  it('charts composition over time: each year a bar of the largest chapters’ shares of the flow', () => {
    const chart = pair.charts.find((c) => c.id === 'import-composition-time');
    expect(chart?.svg).toMatch(/^<svg/);
    const spec = chart?.spec as { vconcat: { data: { values: Segment[] } }[] } | undefined;
    const segments = spec?.vconcat[0]?.data.values ?? [];
    const total = (year: number) =>
      [...imports.entries()].filter(([key]) => key.startsWith(`${year}|`)).reduce((s, [, v]) => s + v, 0);
    for (const year of YEARS) {
      const ofYear = segments.filter((s) => s.period === String(year));
      // Five chapters and the rest, end to end from 0 to 1.
      expect(ofYear).toHaveLength(6);
      expect(ofYear[ofYear.length - 1]?.end).toBeCloseTo(1, 9);
      for (const s of ofYear.slice(0, 5)) {
        const chapter = s.category.slice(0, 2);
        expect(s.end - s.start).toBeCloseTo((imports.get(`${year}|${chapter}`) ?? 0) / total(year), 9);
      }
    }
    const text = pages.join('\n');
    const top = segments.find((s) => s.period === '2022')?.category.slice(0, 2) ?? '';
    const share = (year: number) => formatPercent((imports.get(`${year}|${top}`) ?? 0) / total(year));
    expect(text.replace(/\s+/g, ' ')).toContain(
      `went from ${share(2020)} of imports in 2020 to ${share(2022)} in 2022`,
    );
  });
});

interface Segment {
  period: string;
  category: string;
  start: number;
  end: number;
}

describe('the default briefing', () => {
  let text: string;
  beforeAll(async () => {
    text = textOf((await buildBriefing(await defaultSet())).file)
      .join('\n')
      .replace(/\s+/g, ' ');
  });

  it('keeps every sector with no itemised chapter in view, with the most it can be', () => {
    // Imports: the 10 chapters listed leave 1.1 % unlisted, none larger than HS 29 (0.2 %).
    expect(text).toContain(
      'Pharmaceuticals and plastics have no chapter in the list: each is at most 0.2 % of imports.',
    );
    // Exports: none larger than HS 69 (USD 139 m of 4,494 m, 3.1 %).
    expect(text).toContain(
      'Mineral fuels and oils, fertilisers, pearls, precious stones and metals and plastics have no chapter in the list: each is at most 3.1 % of exports.',
    );
  });

  it('keeps "at most" on every figure of a scenario built on exports that are a lower bound', () => {
    expect(text).toMatch(/coverage to at most 17\.0 %; the balance would still be at most USD −46\.0 bn/);
  });

  it('has the annex, with the chapters of the source’s list and its unlisted rest', () => {
    expect(text).toContain('A1. Trade and its structure by HS chapter');
    // HS 27 imports FY2025-26: USD 47,824.9 m (EIDB). Its exports are not among the ten chapters the
    // source lists: unknown, not zero.
    expect(text).toMatch(/27 Mineral fuels, mineral oils 47,825 n\.i\. /);
    expect(text).toContain('n.i. not itemised by the source (in "Other chapters")');
    // HS 29, listed both ways (EIDB, USD m): imports 109.3, exports 326.17; Grubel–Lloyd 1 − |X − M| / (X + M).
    const gl = 1 - Math.abs(326.17 - 109.3) / (326.17 + 109.3);
    expect(text).toContain(`29 Organic chemicals 109 326 ${formatNumber(gl, 2)} `);
    expect(text).not.toContain('A2. Trade by HS chapter and year');
  });
});
