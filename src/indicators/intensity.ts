import { indicatorNotes as t } from '../core/messages.ts';
import {
  directions,
  findIndicator,
  type IndicatorContext,
  inherit,
  latestPairPeriod,
  notAvailable,
} from './context.ts';
import type { Indicator } from './types.ts';

/**
 * Trade intensity (x_ij / X_i) / (x_wj / X_w), rearranged as (x_ij / x_wj) / (X_i / X_w): i's share of
 * j's imports over i's share of world exports, taking the world's exports to j as j's imports.
 */
export function tradeIntensity(shareOfImporterImports: number, shareOfWorldExports: number): number | null {
  return shareOfWorldExports > 0 ? shareOfImporterImports / shareOfWorldExports : null;
}

/**
 * Both directions, from the market shares and world shares already computed, for each year both exist.
 * The world's exports are those of the reporters present, so the index is a lower bound.
 */
export function intensityIndicators(ctx: IndicatorContext): Indicator[] {
  const out: Indicator[] = [];
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
      const worldShare = findIndicator(
        ctx.computed,
        'specialisation.worldShare',
        { reporter: exporter },
        marketShare.period,
      );
      if (marketShare.value === null || worldShare?.value == null) continue;
      const value = tradeIntensity(marketShare.value, worldShare.value);
      if (value === null) continue;
      found.push({
        id: 'fit.intensity',
        label,
        period: marketShare.period,
        value,
        unit: 'index',
        formula: 'intensity',
        status: 'partial',
        dims: { exporter, importer },
        note: [marketShare.note, worldShare.note, t.intensityLowerBound()].filter(Boolean).join('; '),
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
