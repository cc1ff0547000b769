import { WORLD } from '../core/countries.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import { findIndicator, type IndicatorContext, inherit, notAvailable, provenance } from './context.ts';
import { exportPotential, untappedPotential } from './potential.ts';
import { isComplete, productsOnly, type Report, reportsOf, rowsOf } from './reports.ts';
import type { Indicator } from './types.ts';

/**
 * The value gap between the reporter's share of the partner's imports and its share of world exports,
 * at the partner's demand: (w − m) × D. Positive where the reporter sells the partner less than its
 * weight in world exports predicts.
 */
export function marketShareGap(demand: number, worldShare: number, marketShare: number): number {
  return (worldShare - marketShare) * demand;
}

/**
 * Export potential from full matrices: where the inputs hold the partner's imports from the world by
 * HS chapter, its import demand D_k comes from the data, and with the reporter's share of world exports
 * w_k gives the "lite" potential D_k × w_k, what is untapped against the reporter's exports, and the
 * market-share gap (w_k − m_k) × D_k; by chapter, ranked, and summed to the config's sectors.
 */
export function matrixPotentialIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const demandReports = reportsOf(ctx.n, { reporter: partner, partner: WORLD, flow: 'import' })
    .map(productsOnly)
    .filter((r) => r.chapters.size > 0);
  const label = t.matrixPotentialLabel(ctx.reporterName, ctx.partnerName);
  if (demandReports.length === 0) {
    const period = ctx.series.years[ctx.series.years.length - 1]?.period ?? '';
    const what = t.matrixDemandLabel(ctx.partnerName, 'by HS chapter');
    return [
      notAvailable(
        { id: 'matrix.demand', label: what, period, unit: 'USD', formula: 'importDemand' },
        t.needsImportsFromWorldByChapter(ctx.partnerName),
      ),
    ];
  }
  const hasShares = (period: string) =>
    findIndicator(ctx.computed, 'specialisation.worldShare', { reporter }, period)?.value != null;
  // The latest year with both the partner's demand and the reporter's world shares, else the latest demand.
  const withShares = demandReports.filter((r) => hasShares(r.period));
  const demand = (withShares.length ? withShares : demandReports).reduce((a, b) =>
    yearOf(b) > yearOf(a) ? b : a,
  );
  const out = demandIndicators(ctx, demand);
  const overall = findIndicator(ctx.computed, 'specialisation.worldShare', { reporter }, demand.period);
  if (overall?.value == null) {
    const rca = findIndicator(ctx.computed, 'specialisation.rca', { reporter });
    out.push(
      notAvailable(
        { id: 'matrix.potential', label, period: demand.period, unit: 'USD', formula: 'potential' },
        rca?.needs ?? t.needsWorldExportsIn(ctx.reporterName, demand.period),
      ),
    );
    return out;
  }
  const exports = reportsOf(ctx.n, { reporter, partner, flow: 'export' }).find(
    (r) => r.period === demand.period && r.chapters.size > 0,
  );
  out.push(...chapterPotentials(ctx, out, overall, exports), ...sectorPotentials(ctx, out, overall));
  if (!exports) {
    out.push(
      notAvailable(
        {
          id: 'matrix.untapped',
          label: t.untappedLabel('by HS chapter'),
          period: demand.period,
          unit: 'USD',
          formula: 'untapped',
        },
        t.needsPairChaptersIn('export', ctx.partnerName, demand.period),
      ),
    );
  }
  return out;
}

function yearOf(report: Report): number {
  return [...report.chapters.values()][0]?.year ?? 0;
}

/** The partner's imports from the world by chapter, and summed to each sector of the config. */
function demandIndicators(ctx: IndicatorContext, demand: Report): Indicator[] {
  const period = demand.period;
  const out: Indicator[] = [];
  for (const [chapter, row] of [...demand.chapters].sort(([a], [b]) => compareText(a, b))) {
    out.push({
      id: 'matrix.demand',
      label: t.matrixDemandLabel(ctx.partnerName, `HS ${chapter}`),
      period,
      value: row.valueUsd,
      unit: 'USD',
      formula: 'importDemand',
      status: 'ok',
      dims: { chapter },
      ...provenance([row]),
    });
  }
  const complete = isComplete(demand);
  for (const sector of ctx.n.sectors) {
    const rows = sector.chapterList.flatMap((c) => demand.chapters.get(c) ?? []);
    const known = complete || rows.length === sector.chapterList.length;
    if (rows.length === 0 && !complete) continue;
    out.push({
      id: 'matrix.demand',
      label: t.matrixDemandLabel(ctx.partnerName, sector.name.toLowerCase()),
      period,
      value: rows.reduce((sum, r) => sum + r.valueUsd, 0),
      unit: 'USD',
      formula: 'importDemand',
      status: known ? 'ok' : 'partial',
      dims: { sector: sector.id },
      ...(known ? {} : { note: t.atLeast() }),
      ...provenance(rows.length ? rows : demand.total ? [demand.total] : []),
    });
  }
  return out;
}

/**
 * The reporter's exports to the partner in a chapter, as reported: zero where a complete report does
 * not list the chapter; absent where an incomplete one does not.
 */
function actualExports(
  ctx: IndicatorContext,
  exports: Report | undefined,
  chapter: string,
): Indicator | undefined {
  if (!exports) return undefined;
  const row = exports.chapters.get(chapter);
  if (!row && !isComplete(exports)) return undefined;
  return {
    id: 'matrix.exports',
    label: t.matrixExportsLabel(ctx.reporterName, ctx.partnerName, `HS ${chapter}`),
    period: exports.period,
    value: row?.valueUsd ?? 0,
    unit: 'USD',
    formula: 'reported',
    status: 'ok',
    dims: { chapter },
    ...provenance(row ? [row] : rowsOf(exports)),
  };
}

/** Potential, untapped potential and market-share gap of every chapter with demand and a world share. */
function chapterPotentials(
  ctx: IndicatorContext,
  demands: Indicator[],
  overall: Indicator,
  exports: Report | undefined,
): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const out: Indicator[] = [];
  const untapped: Indicator[] = [];
  for (const d of demands) {
    const chapter = d.dims?.chapter;
    const period = d.period;
    if (chapter === undefined || d.value === null) continue;
    const share = findIndicator(
      ctx.computed,
      'specialisation.chapterWorldShare',
      { reporter, chapter },
      period,
    );
    if (share?.value == null || overall.value === null) continue;
    const from = [d, share, overall];
    const status = from.every((i) => i.status === 'ok') ? ('ok' as const) : ('partial' as const);
    const name = `HS ${chapter}`;
    const potential = exportPotential(d.value, share.value, overall.value).potential;
    const base = { period, unit: 'USD', status, note: t.matrixNote(share.note ?? '') };
    out.push({
      ...base,
      id: 'matrix.potential',
      label: t.potentialLabel(name),
      value: potential,
      formula: 'potential',
      dims: { chapter },
      ...inherit(from),
    });
    const actual = actualExports(ctx, exports, chapter);
    if (actual?.value != null) {
      const value = untappedPotential(potential, actual.value);
      out.push(actual);
      untapped.push({
        ...base,
        id: 'matrix.untapped',
        label: t.untappedLabel(name),
        value,
        formula: 'untapped',
        dims: { chapter },
        ...(value < 0 ? { note: `${base.note}; ${t.aboveCapacity()}` } : {}),
        ...inherit([...from, actual]),
      });
    }
    const dims = { exporter: reporter, importer: partner, chapter };
    let market = findIndicator(ctx.computed, 'fit.marketShare', dims, period);
    if (!market && actual?.value === 0) {
      // None exported, so absent from the partner's imports from the reporter: a share of zero, said once.
      market = {
        id: 'fit.marketShare',
        label: `${t.marketShareLabel(ctx.reporterName, ctx.partnerName)}, ${name}`,
        period,
        value: 0,
        unit: 'ratio',
        formula: 'marketShare',
        status: 'ok',
        dims,
        note: t.noExportsNoShare(),
        ...inherit([d, actual]),
      };
      out.push(market);
    }
    if (market?.value == null) continue;
    out.push({
      ...base,
      id: 'matrix.shareGap',
      label: t.shareGapLabel(name),
      value: marketShareGap(d.value, share.value, market.value),
      formula: 'marketShareGap',
      dims: { chapter },
      ...inherit([...from, market]),
    });
  }
  untapped.sort(
    (a, b) => (b.value ?? 0) - (a.value ?? 0) || compareText(a.dims?.chapter ?? '', b.dims?.chapter ?? ''),
  );
  out.push(...untapped.map((u, i) => ({ ...u, dims: { ...u.dims, rank: String(i + 1) } })));
  return out;
}

/** The same potential for each sector of the config: its demand times the reporter's sector world share. */
function sectorPotentials(ctx: IndicatorContext, demands: Indicator[], overall: Indicator): Indicator[] {
  const { reporter } = ctx.n.config;
  const out: Indicator[] = [];
  for (const sector of ctx.n.sectors) {
    const d = demands.find((i) => i.id === 'matrix.demand' && i.dims?.sector === sector.id);
    const share = findIndicator(
      ctx.computed,
      'specialisation.sectorWorldShare',
      { reporter, sector: sector.id },
      d?.period,
    );
    if (d?.value == null || share?.value == null || overall.value === null) continue;
    const status = d.status === 'ok' && share.status === 'ok' ? ('ok' as const) : ('partial' as const);
    out.push({
      id: 'matrix.potential',
      label: t.potentialLabel(sector.name.toLowerCase()),
      period: d.period,
      value: exportPotential(d.value, share.value, overall.value).potential,
      unit: 'USD',
      formula: 'potential',
      status,
      dims: { sector: sector.id },
      note: t.matrixNote(share.note ?? ''),
      ...inherit([d, share, overall]),
    });
  }
  return out;
}
