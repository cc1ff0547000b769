import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

/**
 * A Comtrade Plus download with World rows (SYNTHETIC figures) where Russia's imports from the world
 * hold USD 9.5 bn of chapter 99 and India's exports to the world USD 2 bn: every total leaves them out.
 */
describe('non-product chapters in a Comtrade Plus download with World rows', () => {
  const dir = join(ROOT, 'tests/fixtures/ingest/comtrade-plus-world');
  const rows = parse(readFileSync(join(dir, 'TradeData_2021_HS2_world.csv'), 'utf8'), {
    columns: true,
  }) as Record<string, string>[];
  const v = (reporter: string, flow: string, partner: string, cmd: string) =>
    Number(
      rows.find(
        (r) =>
          r.reporterISO === reporter && r.flowCode === flow && r.partnerISO === partner && r.cmdCode === cmd,
      )?.primaryValue ?? 0,
    );
  const chapters = (reporter: string, flow: string, partner: string) =>
    rows
      .filter((r) => r.reporterISO === reporter && r.flowCode === flow && r.partnerISO === partner)
      .map((r) => r.cmdCode ?? '')
      .filter((c) => c !== 'TOTAL' && c !== '99');
  const productTotal = (reporter: string, flow: string, partner: string) =>
    v(reporter, flow, partner, 'TOTAL') - v(reporter, flow, partner, '99');
  let set: IndicatorSet;
  let out: string;
  const pairIndicator = (id: string): Indicator | undefined =>
    set.indicators.find(
      (i) => i.id === id && i.dims?.exporter === 'IND' && i.dims?.importer === 'RUS' && !i.dims?.chapter,
    );

  beforeAll(() => {
    out = tempDir();
    const run = tradebrief(['run', '--inputs', dir, '--out', out, '--reporter', 'IND', '--partner', 'RUS']);
    expect(run.status).toBe(0);
    set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
  }, 120_000);

  it("sets India's share of Russia's imports over Russia's imports of products: 1,541 / 114,300", () => {
    const share = v('RUS', 'M', 'IND', 'TOTAL') / productTotal('RUS', 'M', 'W00');
    expect(share).toBeCloseTo(1541 / 114_300, 12);
    expect(pairIndicator('fit.marketShare')?.value).toBeCloseTo(share, 12);
    expect(
      set.indicators.some((i) => i.id === 'fit.marketShare' && ['98', '99'].includes(i.dims?.chapter ?? '')),
    ).toBe(false);
  });

  it('divides that share by a world share on the same basis, chapter 99 out of both', () => {
    const reporters = ['IND', 'RUS', 'CHN', 'USA', 'DEU'];
    const world = reporters.reduce((s, r) => s + productTotal(r, 'X', 'W00'), 0);
    const intensity =
      v('RUS', 'M', 'IND', 'TOTAL') /
      productTotal('RUS', 'M', 'W00') /
      (productTotal('IND', 'X', 'W00') / world);
    expect(intensity).toBeCloseTo(0.303655, 6);
    expect(pairIndicator('fit.intensity')?.value).toBeCloseTo(intensity, 12);
  });

  it('compares chapter shares of products on both sides in the complementarity index', () => {
    const x = new Map(
      chapters('IND', 'X', 'W00').map((c) => [c, v('IND', 'X', 'W00', c) / productTotal('IND', 'X', 'W00')]),
    );
    const m = new Map(
      chapters('RUS', 'M', 'W00').map((c) => [c, v('RUS', 'M', 'W00', c) / productTotal('RUS', 'M', 'W00')]),
    );
    let gap = 0;
    for (const c of new Set([...x.keys(), ...m.keys()])) gap += Math.abs((x.get(c) ?? 0) - (m.get(c) ?? 0));
    expect(100 * (1 - gap / 2)).toBeCloseTo(39.4344, 4);
    expect(pairIndicator('fit.complementarity')?.value).toBeCloseTo(100 * (1 - gap / 2), 9);
  });

  it('prints the share the text divides by: 1.3 % of USD 114.3 bn', () => {
    const text = tool('pdftotext', ['-layout', join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('Russia imported USD 114.3 bn from the world in 2021');
    expect(text).toMatch(/India's share of Russia's imports 2021 1\.3 %/);
  });
});
