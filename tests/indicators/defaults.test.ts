import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { formatChange, formatPercent } from '../../src/core/format.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import type { NormalisedTable } from '../../src/normalise/table.ts';
import { one, value } from './fixtures.ts';

const mn = 1e6;

describe('indicators on the default inputs', () => {
  let n: NormalisedTable;
  let set: IndicatorSet;
  beforeAll(async () => {
    const config = await loadConfig('inputs/tradebrief.config.json', 'tradebrief.config.json');
    n = normalise(await ingest('inputs'), config);
    set = computeIndicators(n, config);
  });

  it('FY2025-26: fuels are 86.4 % of imports from Russia', () => {
    const fuels = value(set, 'composition.sector.share', { flow: 'import', sector: 'fuels' }, 'FY2025-26');
    expect(fuels).toBeCloseTo((47824.9 * mn) / (55369.62 * mn), 12);
    expect(formatPercent(fuels)).toBe('86.4 %');
  });

  it('total trade fell 12.9 % on FY2024-25 and grew at a 17.6 % CAGR from FY2010-11', () => {
    const change = value(set, 'growth.total.yoy', { measure: 'total', from: 'FY2024-25' }, 'FY2025-26');
    expect(change).toBeCloseTo((4493.51 + 55369.62) / (4881.3 + 63811.44) - 1, 12);
    expect(formatChange(change)).toBe('−12.9 %');
    const cagr = value(set, 'growth.total.cagr', { measure: 'total', from: 'FY2010-11', to: 'FY2025-26' });
    expect(cagr).toBeCloseTo(((4493.51 + 55369.62) / (1689.5 + 3600.02)) ** (1 / 15) - 1, 12);
    expect(formatPercent(cagr)).toBe('17.6 %');
  });

  it('FY2024-25: exports, imports, balance and coverage', () => {
    expect(value(set, 'trade.exports', {}, 'FY2024-25')).toBeCloseTo(4881.3 * mn, 3);
    expect(value(set, 'trade.imports', {}, 'FY2024-25')).toBeCloseTo(63811.44 * mn, 3);
    expect(value(set, 'trade.balance', {}, 'FY2024-25')).toBeCloseTo(-58930.14 * mn, 3);
    const coverage = value(set, 'trade.coverage', {}, 'FY2024-25');
    expect(coverage).toBeCloseTo(4881.3 / 63811.44, 12);
    expect(formatPercent(coverage, 2)).toBe('7.65 %');
  });

  it("gives India's RCA by chapter from the 2019 Comtrade file, its world the 97 reporters present", () => {
    // Chapters that are not products (HS 77, 98, 99) are out of every total, the world's included.
    const rows: Record<string, string>[] = (
      parse(readFileSync('inputs/comtrade_2019_hs2_exports_to_world.csv'), {
        columns: true,
        bom: true,
      }) as Record<string, string>[]
    ).filter((r) => !['77', '98', '99'].includes(r['Commodity Code'] ?? ''));
    const sum = (list: Record<string, string>[]) =>
      list.reduce((s, r) => s + Number(r['Trade Value (US$)']), 0);
    const india = rows.filter((r) => r['Reporter ISO'] === 'IND');
    const pharma = (list: Record<string, string>[]) => list.filter((r) => r['Commodity Code'] === '30');
    const expected = sum(pharma(india)) / sum(india) / (sum(pharma(rows)) / sum(rows));
    const rca = one(set, 'specialisation.rca', { reporter: 'IND', chapter: '30' }, '2019');
    expect(rca.value).toBeCloseTo(expected, 9);
    const world = n.trade.filter((r) => r.partner === 'WLD' && r.flow === 'export' && r.period === '2019');
    expect(rca.sources).toEqual([...new Set(world.flatMap((r) => r.sources))].sort());
    expect(new Set(rows.map((r) => r['Reporter ISO'])).size).toBe(97);
    expect(set.notes.some((n) => n.text.includes('"the world" of the 97 reporters'))).toBe(true);
  });

  it("marks what Russia's missing reports rule out as not available, and says why", () => {
    const mirror = one(set, 'mirror.discrepancy', { flow: 'export' });
    expect([mirror.status, mirror.needs]).toEqual([
      'not_available',
      "needs Russia's own report of its imports from India",
    ]);
    for (const dims of [
      { exporter: 'IND', importer: 'RUS' },
      { exporter: 'RUS', importer: 'IND' },
    ]) {
      expect(one(set, 'fit.complementarity', dims).status).toBe('not_available');
    }
    expect(one(set, 'fit.marketShare', { exporter: 'IND', importer: 'RUS' }).status).toBe('not_available');
  });

  it("scenario: India supplies 25 % of Russia's pharmaceutical imports", () => {
    const added = 0.25 * 10_000 * mn - 471.34 * mn;
    expect(value(set, 'scenario.exports', { scenario: 'pharma-25' })).toBeCloseTo(4493.51 * mn + added, 3);
    expect(value(set, 'scenario.coverage', { scenario: 'pharma-25' })).toBeCloseTo(
      (4493.51 * mn + added) / (55369.62 * mn),
      12,
    );
  });
});
