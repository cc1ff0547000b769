import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { formatNumber } from '../../src/core/format.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { one } from './fixtures.ts';

type Row = Record<string, string>;
const csv = (file: string): Row[] => parse(readFileSync(`inputs/${file}`), { columns: true, bom: true });
const mn = 1e6;

// The DGCI&S EIDB file lists India's top 10 HS chapters each way with Russia in FY2025-26; the totals
// come from the preferred FTSPCC table.
const eidb = csv('trade_hs2_eidb_fy2025-26.csv').filter((r) => r.product !== 'TOTAL');
const listed = (flow: string) =>
  eidb.filter((r) => r.flow === flow).map((r) => ({ chapter: r.product ?? '', value: Number(r.value) }));
const total = (flow: string) =>
  Number(csv('trade_totals_ftspcc.csv').find((r) => r.period === 'FY2025-26' && r.flow === flow)?.value);
const X = total('export');
const M = total('import');
const exports = listed('export');
const imports = listed('import');
// N for exports: the product chapters of the nomenclature file (its 97 less chapter 99, not a product);
// chapter 98 (India's project goods) is itemised in imports only, so it counts there alone.
const products = csv('hs_chapters.csv')
  .map((r) => r.hscode)
  .filter((c) => !['77', '98', '99'].includes(c ?? ''));
const N = new Set([...products, ...exports.map((c) => c.chapter)]).size;

describe('bounds that use the source being a top-10 list (default inputs, FY2025-26)', () => {
  let set: IndicatorSet;
  beforeAll(async () => {
    const config = await loadConfig('inputs/tradebrief.config.json', 'tradebrief.config.json');
    set = computeIndicators(normalise(await ingest('inputs'), config), config);
  });

  it('takes shares of the total the briefing prints (FTSPCC), not of the EIDB table’s own total', () => {
    // Both publications give the pair's total; the preferred one (FTSPCC) is the total printed
    // everywhere, so the chapters not itemised are its residual: exports 4,493.51 − 2,768.46 = 1,725.05,
    // imports 55,369.62 − 54,737.05 = 632.57 (USD m). The EIDB table's own total differs by rounding.
    const own = (flow: string) =>
      Number(
        csv('trade_hs2_eidb_fy2025-26.csv').find((r) => r.flow === flow && r.product === 'TOTAL')?.value,
      );
    expect([X, M, own('export'), own('import')]).toEqual([4493.51, 55369.62, 4493.52, 55369.56]);
    for (const [flow, total, listed] of [
      ['export', X, exports],
      ['import', M, imports],
    ] as const) {
      const rest = total - listed.reduce((s, c) => s + c.value, 0);
      const dims = { flow, chapter: 'OTHER' };
      expect(one(set, 'composition.chapter.value', dims, 'FY2025-26').value).toBeCloseTo(rest * mn, 0);
      expect(one(set, 'composition.chapter.share', dims, 'FY2025-26').value).toBeCloseTo(rest / total, 12);
    }
    expect(
      one(set, 'composition.chapter.value', { flow: 'export', chapter: 'OTHER' }, 'FY2025-26').value,
    ).toBeCloseTo(1725.05 * mn, 0);
  });

  it('export concentration (normalised HHI) is 0.14 to 0.17: no unlisted chapter exceeds the 10th', () => {
    expect(N).toBe(96);
    const shares = exports.map((c) => c.value / X);
    const known = shares.reduce((s, v) => s + v * v, 0);
    const rest = 1 - shares.reduce((s, v) => s + v, 0);
    const free = N - shares.length;
    // Lowest: the rest spread evenly over the 86 unlisted chapters. Highest: packed into chapters
    // no larger than the 10th listed (HS 69, USD 138.77 m), as many full ones as fit, then the remainder.
    const cap = 138.77 / X;
    expect(Math.min(...shares)).toBeCloseTo(cap, 12);
    const full = Math.floor(rest / cap);
    expect(full).toBe(12);
    const low = known + rest ** 2 / free;
    const high = known + full * cap ** 2 + (rest - full * cap) ** 2;
    const norm = (h: number) => (Math.sqrt(h) - Math.sqrt(1 / N)) / (1 - Math.sqrt(1 / N));
    const index = one(set, 'concentration.hhiNormalised', { flow: 'export' }, 'FY2025-26');
    expect(index.value).toBeCloseTo(norm(low), 12);
    expect(index.high).toBeCloseTo(norm(high), 12);
    expect([formatNumber(norm(low), 2), formatNumber(norm(high), 2)]).toEqual(['0.14', '0.17']);
    // Putting the whole rest in one chapter, as if the list were not the largest, gave 0.38.
    expect(formatNumber(norm(known + rest ** 2), 2)).toBe('0.38');
  });

  it('aggregate intra-industry trade (Grubel–Lloyd) is 0.013 to 0.070', () => {
    const x = new Map(exports.map((c) => [c.chapter, c.value]));
    const m = new Map(imports.map((c) => [c.chapter, c.value]));
    // Only HS 29 and 84 are listed both ways.
    const both = [...x.keys()].filter((c) => m.has(c));
    expect(both.sort()).toEqual(['29', '84']);
    const overlap = both.reduce((s, c) => s + Math.min(x.get(c) ?? 0, m.get(c) ?? 0), 0);
    const restX = X - exports.reduce((s, c) => s + c.value, 0);
    const restM = M - imports.reduce((s, c) => s + c.value, 0);
    const capX = Math.min(...exports.map((c) => c.value)); // HS 69, 138.77
    const capM = Math.min(...imports.map((c) => c.value)); // HS 29, 109.3
    // Chapters exported but not in the import list can match at most capM each of the import rest;
    // chapters imported but not in the export list at most capX each of the export rest.
    const exportOnly = [...x].filter(([c]) => !m.has(c)).reduce((s, [, v]) => s + Math.min(v, capM), 0);
    const importOnly = [...m].filter(([c]) => !x.has(c)).reduce((s, [, v]) => s + Math.min(v, capX), 0);
    const toExportOnly = Math.min(restM, exportOnly);
    const toImportOnly = Math.min(restX, importOnly);
    // The import rest is used up by the chapters exported alone: nothing is left for the rest.
    expect(toExportOnly).toBeCloseTo(restM, 9);
    const low = (2 * overlap) / (X + M);
    const high = (2 * (overlap + toExportOnly + toImportOnly)) / (X + M);
    const gl = one(set, 'intraIndustry.aggregate', {}, 'FY2025-26');
    expect(gl.value).toBeCloseTo(low, 12);
    expect(gl.high).toBeCloseTo(high, 12);
    expect([formatNumber(low, 3), formatNumber(high, 3)]).toEqual(['0.013', '0.070']);
    // Adding only min(X_rest, M_rest) would give 0.034: the methodology states the bound computed.
    expect(formatNumber((2 * (overlap + Math.min(restX, restM))) / (X + M), 3)).toBe('0.034');
    const text = set.formulas.grubelLloydAggregate?.variant ?? '';
    expect(text).not.toContain('min(X_rest, M_rest)');
    expect(text).toContain('the import rest met by the chapters itemised in exports only');
    expect(set.formulas.hhi?.variant).toContain('none larger than the smallest chapter itemised');
    expect(set.formulas.hhi?.variant).not.toContain('held by one chapter');
  });

  it('a sector not fully listed has an upper bound too; one with no chapter listed is kept, from zero', () => {
    // Engineering (72–76, 78–89): HS 84 and 85 listed (1,004.82 m); its 16 other chapters can hold at
    // most 16 × 138.77 m, more than the whole unlisted rest, so the rest bounds it.
    const restX = X - exports.reduce((s, c) => s + c.value, 0);
    const engineering = one(
      set,
      'composition.sector.value',
      { flow: 'export', sector: 'engineering' },
      'FY2025-26',
    );
    expect(engineering.value).toBeCloseTo((660.18 + 344.64) * mn, 3);
    expect(engineering.high).toBeCloseTo((660.18 + 344.64 + restX) * mn, 3);
    // Fuels (HS 27) exports are not in the list: somewhere between zero and the 10th chapter's 138.77 m.
    const fuels = one(set, 'composition.sector.value', { flow: 'export', sector: 'fuels' }, 'FY2025-26');
    expect([fuels.value, fuels.high, fuels.status]).toEqual([0, 138.77 * mn, 'partial']);
    expect(fuels.note).toBe(
      'at least: its chapter 27 is not itemised in the source; the high end is the most it can hold',
    );
  });
});

describe('non-product chapters in revealed comparative advantage (default inputs, 2019)', () => {
  let set: IndicatorSet;
  beforeAll(async () => {
    const config = await loadConfig('inputs/tradebrief.config.json', 'tradebrief.config.json');
    set = computeIndicators(normalise(await ingest('inputs'), config), config);
  });

  it("leaves HS 99 out of the totals as well as the chapters: Russia's precious-metals RCA is 1.07", () => {
    const rows = csv('comtrade_2019_hs2_exports_to_world.csv').filter(
      (r) => !['77', '98', '99'].includes(r['Commodity Code'] ?? ''),
    );
    const sum = (list: Row[]) => list.reduce((s, r) => s + Number(r['Trade Value (US$)']), 0);
    const russia = rows.filter((r) => r['Reporter ISO'] === 'RUS');
    const in71 = (list: Row[]) => list.filter((r) => r['Commodity Code'] === '71');
    const expected = sum(in71(russia)) / sum(russia) / (sum(in71(rows)) / sum(rows));
    const rca = one(set, 'specialisation.sectorRca', { reporter: 'RUS', sector: 'precious' }, '2019');
    expect(rca.value).toBeCloseTo(expected, 9);
    expect(formatNumber(expected, 2)).toBe('1.07');
    const world = one(set, 'specialisation.worldExports', { reporters: '97' }, '2019');
    expect(world.value).toBeCloseTo(sum(rows), 0);
    // HS 99 is 13 % of Russia's 2019 exports: said in a note.
    const all = csv('comtrade_2019_hs2_exports_to_world.csv').filter((r) => r['Reporter ISO'] === 'RUS');
    const in99 = sum(all.filter((r) => r['Commodity Code'] === '99')) / sum(all);
    expect(in99).toBeGreaterThan(0.125);
    expect(set.notes.some((n) => n.text.includes(`${(in99 * 100).toFixed(1)} % of Russia's`))).toBe(true);
  });

  it('never calls the reporters in the inputs "the world" in a label', () => {
    const share = one(set, 'specialisation.worldShare', { reporter: 'IND' }, '2019');
    expect(share.label).toBe("India's share of the exports of the 97 reporters in the inputs");
  });
});

describe('scenarios and potential against published demand (default inputs)', () => {
  let set: IndicatorSet;
  beforeAll(async () => {
    const config = await loadConfig('inputs/tradebrief.config.json', 'tradebrief.config.json');
    set = computeIndicators(normalise(await ingest('inputs'), config), config);
  });
  const rows = csv('comtrade_2019_hs2_exports_to_world.csv').filter(
    (r) => !['77', '98', '99'].includes(r['Commodity Code'] ?? ''),
  );
  const sum = (list: Row[]) => list.reduce((s, r) => s + Number(r['Trade Value (US$)']), 0);
  const engineering = (r: Row) => {
    const c = Number(r['Commodity Code']);
    return (c >= 72 && c <= 76) || (c >= 78 && c <= 89);
  };
  // India's share of the 97 reporters' engineering exports, 2019.
  const india = rows.filter((r) => r['Reporter ISO'] === 'IND');
  const worldShare = sum(india.filter(engineering)) / sum(rows.filter(engineering));
  const exportsListed = (660.18 + 344.64) * mn; // HS 84 and 85, the engineering chapters listed

  it('flags the engineering demand figure: India already holds 26 times its world share of it', () => {
    // At least 1,004.82 m of a published 2,700–2,800 m (top of the range: the share is a lower bound).
    const multiple = exportsListed / (2800 * mn) / worldShare;
    const scope = one(set, 'opportunity.demandScope', { sector: 'engineering', narrow: 'yes' });
    expect(scope.value).toBeCloseTo(multiple, 9);
    expect(multiple).toBeGreaterThan(10);
    // The scenario that uses it says so.
    const added = one(set, 'scenario.addedExports', {
      scenario: 'pharma-engineering-50',
      sector: 'engineering',
    });
    expect(added.value).toBeCloseTo(0.5 * 2800 * mn - exportsListed, 3);
    expect(added.note).toContain('the published demand figure looks narrower than the sector');
    // Pharmaceuticals: 471.34 m of about 10 bn, under twice India's world share: not flagged.
    expect(one(set, 'opportunity.demandScope', { sector: 'pharmaceuticals', narrow: 'no' }).status).toBe(
      'ok',
    );
  });

  it("engineering's untapped potential is at most potential at the top of the demand range minus exports", () => {
    const overall = sum(india) / sum(rows);
    const top = 2800 * mn * worldShare;
    const untapped = one(set, 'potential.untapped', { sector: 'engineering', rank: '2' });
    expect(untapped.value).toBeCloseTo(top - exportsListed, 3);
    expect(untapped.note).toContain('demand at the top of the published range');
    expect(untapped.note).not.toContain('middle');
    // The potential printed beside it reads the same top, so potential − exports = untapped on the page:
    // 38.49 − 1,004.82 = −966.33 (USD m); its demand part uses India's overall share.
    const potential = one(set, 'potential.exports', { sector: 'engineering' });
    expect(potential.value).toBeCloseTo(top, 3);
    expect((potential.value ?? 0) - exportsListed).toBeCloseTo(untapped.value ?? 0, 3);
    const demandPart = one(set, 'potential.demandPart', { sector: 'engineering' });
    expect(demandPart.value).toBeCloseTo(2800 * mn * overall, 3);
    // The scope check divides the share of the same demand by the sector's world share.
    const scope = one(set, 'opportunity.demandScope', { sector: 'engineering', narrow: 'yes' });
    expect(scope.value).toBeCloseTo(exportsListed / (2800 * mn) / worldShare, 9);
  });
});
