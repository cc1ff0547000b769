import { WORLD } from '../core/countries.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { directions, type IndicatorContext, latestPairPeriod, notAvailable, provenance } from './context.ts';
import { isComplete, productSum, productsOnly, type Report, reportsOf, rowsOf } from './reports.ts';
import type { Indicator } from './types.ts';

/** Michaely's index: 100 · (1 − Σ_k |m_k − x_k| / 2) over the chapter shares of both sides. */
export function complementarity(
  exportShares: Map<string, number>,
  importShares: Map<string, number>,
): number {
  let gap = 0;
  for (const chapter of new Set([...exportShares.keys(), ...importShares.keys()])) {
    gap += Math.abs((importShares.get(chapter) ?? 0) - (exportShares.get(chapter) ?? 0));
  }
  return 100 * (1 - gap / 2);
}

export function chapterShares(report: Report): Map<string, number> {
  const total = productSum(report);
  return new Map([...report.chapters].map(([code, row]) => [code, total > 0 ? row.valueUsd / total : 0]));
}

/**
 * How well each country's exports to the world match the other's imports from the world, for every
 * year both are fully itemised by chapter; over product chapters, non-product ones left out of both.
 */
export function complementarityIndicators(ctx: IndicatorContext): Indicator[] {
  const out: Indicator[] = [];
  for (const { exporter, importer, exporterName, importerName } of directions(ctx)) {
    const label = t.complementarityLabel(exporterName, importerName);
    const exports = reportsOf(ctx.n, { reporter: exporter, partner: WORLD, flow: 'export' }).filter(
      isComplete,
    );
    const imports = reportsOf(ctx.n, { reporter: importer, partner: WORLD, flow: 'import' }).filter(
      isComplete,
    );
    const found: Indicator[] = [];
    for (const x of exports) {
      const m = imports.find((r) => r.period === x.period);
      if (!m) continue;
      found.push({
        id: 'fit.complementarity',
        label,
        period: x.period,
        value: complementarity(chapterShares(productsOnly(x)), chapterShares(productsOnly(m))),
        unit: 'index',
        formula: 'complementarity',
        status: 'ok',
        dims: { exporter, importer },
        ...provenance([...rowsOf(x), ...rowsOf(m)]),
      });
    }
    out.push(...found);
    if (found.length > 0) continue;
    const needs =
      imports.length === 0
        ? t.needsImportsFromWorldByChapter(importerName)
        : exports.length === 0
          ? t.needsWorldExportsByChapter(exporterName)
          : t.needsSameYear(exporterName, importerName);
    out.push(
      notAvailable(
        {
          id: 'fit.complementarity',
          label,
          period: latestPairPeriod(ctx),
          unit: 'index',
          formula: 'complementarity',
          dims: { exporter, importer },
        },
        needs,
      ),
    );
  }
  return out;
}
