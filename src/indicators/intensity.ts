import { WORLD } from '../core/countries.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import type { TradeRow } from '../normalise/table.ts';
import {
  directions,
  findIndicator,
  type IndicatorContext,
  inherit,
  latestPairPeriod,
  notAvailable,
} from './context.ts';
import { everyFromOneMatrix } from './oneMatrix.ts';
import { type ReportMatch, reportsOf, rowsOf } from './reports.ts';
import type { Indicator } from './types.ts';

/**
 * Trade intensity (x_ij / X_i) / (x_wj / X_w), rearranged as (x_ij / x_wj) / (X_i / X_w): i's share of
 * j's imports over i's share of world exports, taking the world's exports to j as j's imports.
 */
export function tradeIntensity(shareOfImporterImports: number, shareOfWorldExports: number): number | null {
  return shareOfWorldExports > 0 ? shareOfImporterImports / shareOfWorldExports : null;
}

/**
 * The exporter's world share on the market share's basis: without non-product chapters, or with them
 * where the market share could not leave them out.
 */
function worldShareFor(
  ctx: IndicatorContext,
  marketShare: Indicator,
  exporter: string,
): Indicator | undefined {
  const period = marketShare.period;
  const all =
    marketShare.dims?.basis === 'allCommodities'
      ? findIndicator(ctx.computed, 'specialisation.worldShareAllCommodities', { reporter: exporter }, period)
      : undefined;
  return all ?? findIndicator(ctx.computed, 'specialisation.worldShare', { reporter: exporter }, period);
}

/** The rows of a year's reports that `match` finds. */
function yearRows(ctx: IndicatorContext, match: ReportMatch, period: string): TradeRow[] {
  return reportsOf(ctx.n, match)
    .filter((r) => r.period === period)
    .flatMap(rowsOf);
}

/** How many rows the world's exports of a year have, and whether all come from one reconciled matrix. */
interface WorldExports {
  rows: number;
  one: boolean;
}

/**
 * Whether the importer's imports from the world and the world's exports of a year come from one
 * reconciled matrix: then the importer's imports are part of the same world, and the index is exact.
 */
function oneWorld(ctx: IndicatorContext, importer: string, period: string, world: WorldExports): boolean {
  const imports = yearRows(ctx, { reporter: importer, partner: WORLD, flow: 'import' }, period);
  return imports.length + world.rows > 0 && world.one && everyFromOneMatrix(ctx.n, imports);
}

/**
 * Both directions, from the market shares and world shares already computed, for each year both exist.
 * Where the world's exports are those of the reporters present while the importer's imports come from
 * the whole world, the index is a lower bound; from one reconciled matrix it is exact.
 */
export function intensityIndicators(ctx: IndicatorContext): Indicator[] {
  const out: Indicator[] = [];
  // Asked for every market share of a year, and each answer looks at all the world's rows of that year;
  // the world's exports of a year are the same rows whichever the importer.
  const worlds = new Map<string, boolean>();
  const exports = new Map<string, WorldExports>();
  const exactIn = (importer: string, period: string) => {
    const key = `${importer}|${period}`;
    let exact = worlds.get(key);
    if (exact === undefined) {
      let world = exports.get(period);
      if (!world) {
        const rows = yearRows(ctx, { partner: WORLD, flow: 'export' }, period);
        world = { rows: rows.length, one: everyFromOneMatrix(ctx.n, rows) };
        exports.set(period, world);
      }
      exact = oneWorld(ctx, importer, period, world);
      worlds.set(key, exact);
    }
    return exact;
  };
  for (const { exporter, importer, exporterName, importerName } of directions(ctx)) {
    const label = t.intensityLabel(exporterName, importerName);
    const shares = ctx.computed.filter(
      (i) =>
        i.id === 'fit.marketShare' &&
        i.dims?.exporter === exporter &&
        i.dims?.importer === importer &&
        i.dims?.chapter === undefined,
    );
    const found: Indicator[] = [];
    for (const marketShare of shares) {
      const worldShare = worldShareFor(ctx, marketShare, exporter);
      if (marketShare.value === null || worldShare?.value == null) continue;
      const value = tradeIntensity(marketShare.value, worldShare.value);
      if (value === null) continue;
      const exact = exactIn(importer, marketShare.period);
      const allCommodities = worldShare.id === 'specialisation.worldShareAllCommodities';
      found.push({
        id: 'fit.intensity',
        label,
        period: marketShare.period,
        value,
        unit: 'index',
        formula: 'intensity',
        status: exact ? worldShare.status : 'partial',
        dims: { exporter, importer },
        note: [
          marketShare.note,
          allCommodities ? t.intensityAllCommodities() : '',
          worldShare.note,
          exact ? '' : t.intensityLowerBound(),
        ]
          .filter(Boolean)
          .join('; '),
        ...inherit([marketShare, worldShare]),
      });
    }
    out.push(...found);
    if (found.length > 0) continue;
    const missingShare = shares.find((s) => s.value === null);
    const needs =
      missingShare?.needs ??
      (shares.length === 0
        ? t.needsImportsFromWorld(importerName)
        : t.needsWorldExportsIn(exporterName, shares.map((s) => s.period).join(', ')));
    out.push(
      notAvailable(
        {
          id: 'fit.intensity',
          label,
          period: latestPairPeriod(ctx),
          unit: 'index',
          formula: 'intensity',
          dims: { exporter, importer },
        },
        needs,
      ),
    );
  }
  return out;
}
