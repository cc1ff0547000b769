import { WORLD } from '../core/countries.ts';
import { NOT_PRODUCTS } from '../core/hs.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { share } from './bilateral.ts';
import { directions, type IndicatorContext, latestPairPeriod, notAvailable, provenance } from './context.ts';
import { fromOneMatrix } from './oneMatrix.ts';
import { productTotal, reportsOf, rowsOf } from './reports.ts';
import type { Indicator } from './types.ts';

/**
 * Each country's share of the other's imports from the world, in total and by product chapter, for
 * every year the importer's imports from the world are given. The importer's own report of its imports
 * from the exporter is used; failing that, the exporter's report of its exports, and the note says so
 * (unless both come from one reconciled matrix, where they are the same flow). Non-product chapters are
 * left out of both totals where both reports are itemised in full; else both totals keep them, the
 * note says so and `dims.basis` is "allCommodities", so that the intensity divides by a world share of
 * the same basis.
 */
export function marketShareIndicators(ctx: IndicatorContext): Indicator[] {
  const out: Indicator[] = [];
  for (const { exporter, importer, exporterName, importerName } of directions(ctx)) {
    const label = t.marketShareLabel(exporterName, importerName);
    const own = reportsOf(ctx.n, { reporter: importer, partner: exporter, flow: 'import' });
    const mirrored = reportsOf(ctx.n, { reporter: exporter, partner: importer, flow: 'export' });
    const found: Indicator[] = [];
    for (const world of reportsOf(ctx.n, { reporter: importer, partner: WORLD, flow: 'import' })) {
      const reported = own.find((r) => r.period === world.period && r.total);
      const used = reported ?? mirrored.find((r) => r.period === world.period && r.total);
      if (!used?.total || !world.total) continue;
      const part = productTotal(used);
      const whole = productTotal(world);
      if (!part || !whole) continue;
      const productsOnly = part.productsOnly && whole.productsOnly;
      const sameFlow = reported !== undefined || fromOneMatrix(ctx.n, [...rowsOf(used), ...rowsOf(world)]);
      const mirrorNote = sameFlow ? '' : t.marketShareMirror(exporterName, importerName);
      const totalNote = [mirrorNote, productsOnly ? '' : t.marketShareAllCommodities()].filter(Boolean);
      const dims = { exporter, importer };
      const value = productsOnly
        ? share(part.value, whole.value)
        : share(used.total.valueUsd, world.total.valueUsd);
      if (value !== null) {
        found.push({
          id: 'fit.marketShare',
          label,
          period: world.period,
          value,
          unit: 'ratio',
          formula: 'marketShare',
          status: 'ok',
          dims: productsOnly ? dims : { ...dims, basis: 'allCommodities' },
          ...(totalNote.length > 0 ? { note: totalNote.join('; ') } : {}),
          ...provenance([used.total, world.total]),
        });
      }
      for (const [chapter, row] of used.chapters) {
        if (NOT_PRODUCTS.has(chapter)) continue;
        const chapterWorld = world.chapters.get(chapter);
        const chapterShare = chapterWorld ? share(row.valueUsd, chapterWorld.valueUsd) : null;
        if (!chapterWorld || chapterShare === null) continue;
        found.push({
          id: 'fit.marketShare',
          label: `${label}, HS ${chapter}`,
          period: world.period,
          value: chapterShare,
          unit: 'ratio',
          formula: 'marketShare',
          status: 'ok',
          dims: { ...dims, chapter },
          ...(mirrorNote ? { note: mirrorNote } : {}),
          ...provenance([row, chapterWorld]),
        });
      }
    }
    out.push(...found);
    if (found.length > 0) continue;
    const needs = t.needsImportsFromWorld(importerName);
    out.push(
      notAvailable(
        {
          id: 'fit.marketShare',
          label,
          period: latestPairPeriod(ctx),
          unit: 'ratio',
          formula: 'marketShare',
          dims: { exporter, importer },
        },
        needs,
      ),
    );
  }
  return out;
}
