import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { staleness } from '../../src/briefing/facts.ts';
import { keyFindings } from '../../src/briefing/narrative.ts';
import { loadConfig } from '../../src/config/load.ts';
import { formatPercent } from '../../src/core/format.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import { levelShifts } from '../../src/indicators/growth.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { one } from './fixtures.ts';

// Total trade by fiscal year, USD m, from the FTSPCC table of the default inputs.
const rows: Record<string, string>[] = parse(readFileSync('inputs/trade_totals_ftspcc.csv'), {
  columns: true,
  bom: true,
});
const total = (period: string) =>
  rows.filter((r) => r.period === period).reduce((s, r) => s + Number(r.value), 0);
const cagr = (from: string, to: string, years: number) => (total(to) / total(from)) ** (1 / years) - 1;

describe('level shifts', () => {
  it('finds the years that double or halve the year before, consecutive years only', () => {
    const points = [100, 150, 400, 380, 150, 160].map((value, k) => ({ t: 2010 + k, value }));
    expect(levelShifts(points)).toEqual([2, 4]);
    expect(
      levelShifts([
        { t: 2010, value: 100 },
        { t: 2012, value: 400 },
      ]),
    ).toEqual([]);
  });
});

describe('growth across the FY2022-23 level shift, and readings of the 2030 target (default inputs)', () => {
  let set: IndicatorSet;
  beforeAll(async () => {
    const config = await loadConfig('inputs/tradebrief.config.json', 'tradebrief.config.json');
    set = computeIndicators(normalise(await ingest('inputs'), config), config);
  });

  it('FY2022-23 is a level shift: +276 % on the year', () => {
    const shift = one(set, 'growth.total.levelShift', { measure: 'total', from: 'FY2021-22' }, 'FY2022-23');
    expect(shift.value).toBeCloseTo(total('FY2022-23') / total('FY2021-22') - 1, 12);
    expect(formatPercent(shift.value ?? 0)).toBe('276.1 %');
    // No other year of total trade doubles or halves: FY2021-22 (+61 %) is not a shift.
    expect(total('FY2021-22') / total('FY2020-21')).toBeLessThan(2);
  });

  it('trade grew 8.6 % a year before the shift and 6.6 % after, against 17.6 % endpoint over the series', () => {
    const dims = (segment: string, from: string, to: string) => ({
      measure: 'total',
      segment,
      from,
      to,
      shift: 'FY2022-23',
    });
    const before = one(set, 'growth.total.segment', dims('before', 'FY2010-11', 'FY2021-22'));
    const after = one(set, 'growth.total.segment', dims('after', 'FY2022-23', 'FY2025-26'));
    expect(before.value).toBeCloseTo(cagr('FY2010-11', 'FY2021-22', 11), 12);
    expect(after.value).toBeCloseTo(cagr('FY2022-23', 'FY2025-26', 3), 12);
    expect([formatPercent(before.value ?? 0), formatPercent(after.value ?? 0)]).toEqual(['8.6 %', '6.6 %']);
    expect(formatPercent(cagr('FY2010-11', 'FY2025-26', 15))).toBe('17.6 %');
    // The key finding says so, instead of one endpoint rate.
    const [trend] = keyFindings(set);
    expect(trend).toContain(
      'it grew 8.6 % a year to FY2021-22 and 6.6 % a year since FY2022-23, when it jumped 276.1 % in one year',
    );
  });

  it('the 2030 target needs 13.7 % read as FY2029-30; 11.4 % as calendar 2030, 10.8 % as FY2030-31, 7.8 % from FY2024-25', () => {
    const target = 100_000; // USD 100 bn, in USD m
    const from = total('FY2025-26');
    const needs = (base: number, years: number) => (target / base) ** (1 / years) - 1;
    const strict = one(set, 'target.requiredCagr', { targetYear: '2030' });
    expect(strict.value).toBeCloseTo(needs(from, 4), 12);
    const reading = (name: string) =>
      set.indicators.find((i) => i.id === 'target.requiredCagrReading' && i.dims?.reading === name)?.value ??
      Number.NaN;
    // Calendar 2030 is centred three quarters of a year after FY2029-30 (October to July).
    expect(reading('calendar')).toBeCloseTo(needs(from, 4.75), 12);
    expect(reading('fiscalStarting')).toBeCloseTo(needs(from, 5), 12);
    // FY2025-26 is provisional: from the latest final year, FY2024-25, to FY2029-30.
    expect(reading('fromFinal')).toBeCloseTo(needs(total('FY2024-25'), 5), 12);
    expect(
      [strict.value ?? 0, reading('calendar'), reading('fiscalStarting'), reading('fromFinal')].map((v) =>
        formatPercent(v),
      ),
    ).toEqual(['13.7 %', '11.4 %', '10.8 %', '7.8 %']);
    // The path "at the rate achieved" uses the rate since the shift, not the whole-series 17.6 %.
    const path = set.indicators.find((i) => i.id === 'target.path' && i.dims?.path === 'achieved');
    expect(Number(path?.dims?.growth)).toBeCloseTo(cagr('FY2022-23', 'FY2025-26', 3), 12);
  });

  it('a figure older than the briefing says so, and that it predates the level shift', () => {
    expect(staleness(set, '2019')).toBe(
      "a 2019 figure, older than the FY2025-26 data, from before the FY2022-23 level shift in the pair's trade",
    );
    expect(staleness(set, 'FY2023-24')).toBe('an FY2023-24 figure, older than the FY2025-26 data');
    expect(staleness(set, 'FY2025-26')).toBeUndefined();
  });
});
