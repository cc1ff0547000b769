import { parsePeriod, periodEnd, periodLabel } from '../core/periods.ts';
import type { FigureRow } from '../normalise/table.ts';
import { findIndicator, type IndicatorContext } from './context.ts';
import { projectPath, requiredCagr } from './growth.ts';
import type { Indicator } from './types.ts';

/**
 * Trade targets for the pair: the growth a future target needs from the latest year, the path it implies
 * next to the path at the growth achieved so far, and the year each past target was reached.
 */
export function targetIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const totals = ctx.computed.filter((i) => i.id === 'trade.total' && i.value !== null);
  const latest = ctx.series.years.filter((y) => totals.some((t) => t.period === y.period)).pop();
  const latestTotal = latest && findIndicator(totals, 'trade.total', {}, latest.period);
  const pairScopes = [`${reporter}-${partner}`, `${partner}-${reporter}`];
  const targets = ctx.n.figures
    .filter(
      (f) =>
        f.topic === 'target' &&
        f.measure === 'trade_target' &&
        pairScopes.includes(f.scope) &&
        f.unit === 'USD' &&
        targetYear(f) !== undefined,
    )
    .sort((a, b) => (targetYear(a) ?? 0) - (targetYear(b) ?? 0));
  const out: Indicator[] = [];
  for (const target of targets) {
    const year = targetYear(target) ?? 0;
    const dims = { targetYear: String(year) };
    out.push({
      id: 'target.value',
      label: `Target for ${year}`,
      period: String(year),
      value: target.value,
      unit: 'USD',
      formula: 'reported',
      sources: [target.source],
      status: 'ok',
      dims,
      ...(target.note ? { note: target.note } : {}),
    });
    if (!latest || !latestTotal || latestTotal.value === null) continue;
    // A fiscal series reaches calendar year Y in the fiscal year that ends in Y.
    const endYear = ctx.series.basis === 'fiscal' ? year - 1 : year;
    const years = endYear - latest.year;
    const sources = [...new Set([target.source, ...latestTotal.sources])].sort();
    if (years <= 0) {
      // Reached means by the deadline: a year after it does not count.
      const byDeadline = totals.filter(
        (t) => (parsePeriod(t.period)?.year ?? Number.POSITIVE_INFINITY) <= endYear,
      );
      const reached = byDeadline.find((t) => t.value !== null && t.value >= target.value);
      out.push({
        id: 'target.reached',
        label: `Target for ${year} reached`,
        period: reached?.period ?? periodLabel(ctx.series.basis, endYear),
        value: reached ? 1 : 0,
        unit: 'flag',
        formula: 'reported',
        sources: [...new Set([target.source, ...(reached?.sources ?? [])])].sort(),
        status: 'ok',
        dims,
      });
      continue;
    }
    const needed = requiredCagr(latestTotal.value, target.value, years);
    if (needed === null) continue;
    const span = `${latest.period}–${periodLabel(ctx.series.basis, endYear)}`;
    out.push({
      id: 'target.requiredCagr',
      label: `Annual growth needed to reach the ${year} target`,
      period: span,
      value: needed,
      unit: 'ratio',
      formula: 'requiredCagr',
      sources,
      status: 'ok',
      dims,
      ...(latestTotal.provisional ? { provisional: true } : {}),
    });
    out.push(...targetReadings(ctx, target.value, year, endYear, sources));
    // Across a level shift the whole-series rate describes the shift; the rate since it is the trend.
    const achieved =
      findIndicator(ctx.computed, 'growth.total.segment', { segment: 'after' }) ??
      ctx.computed.find((i) => i.id === 'growth.total.cagr');
    const paths: [string, number, string[]][] = [['required', needed, sources]];
    if (achieved?.value != null)
      paths.push(['achieved', achieved.value, [...new Set([...sources, ...achieved.sources])].sort()]);
    for (const [path, growth, pathSources] of paths) {
      projectPath(latestTotal.value, growth, years).forEach((value, k) => {
        out.push({
          id: 'target.path',
          label: path === 'required' ? 'Path to the target' : `Path at the ${achieved?.period} growth rate`,
          ...(path === 'achieved' && achieved ? { note: achieved.label } : {}),
          period: periodLabel(ctx.series.basis, latest.year + k + 1),
          value,
          unit: 'USD',
          formula: 'projection',
          sources: pathSources,
          status: 'ok',
          dims: { ...dims, path, growth: String(growth) },
        });
      });
    }
  }
  return out;
}

/**
 * The other readings of a target year: on a fiscal series "by 2030" may mean the fiscal year ending in
 * 2030 (the reading used above, the strictest), calendar 2030 (three quarters of a year later, centre to
 * centre) or the fiscal year starting in 2030; and where the latest year is provisional, the growth
 * needed from the latest final year.
 */
function targetReadings(
  ctx: IndicatorContext,
  target: number,
  year: number,
  endYear: number,
  sources: string[],
): Indicator[] {
  const totals = ctx.computed.filter((i) => i.id === 'trade.total' && i.value !== null);
  const latest = totals[totals.length - 1];
  const latestYear = latest && parsePeriod(latest.period)?.year;
  if (!latest || latest.value === null || latestYear === undefined) return [];
  const fiscal = ctx.series.basis === 'fiscal';
  const final = [...totals].reverse().find((i) => !i.provisional);
  const finalYear = final && parsePeriod(final.period)?.year;
  const readings: { reading: string; from: Indicator; years: number; to: string }[] = [];
  if (fiscal) {
    readings.push(
      { reading: 'calendar', from: latest, years: endYear - latestYear + 0.75, to: String(year) },
      {
        reading: 'fiscalStarting',
        from: latest,
        years: endYear + 1 - latestYear,
        to: periodLabel('fiscal', endYear + 1),
      },
    );
  }
  if (latest.provisional && final && finalYear !== undefined && final !== latest) {
    readings.push({
      reading: 'fromFinal',
      from: final,
      years: endYear - finalYear,
      to: periodLabel(ctx.series.basis, endYear),
    });
  }
  return readings.flatMap(({ reading, from, years, to }) => {
    const value = from.value === null ? null : requiredCagr(from.value, target, years);
    if (value === null) return [];
    return [
      {
        id: 'target.requiredCagrReading',
        label: `Annual growth needed to reach the ${year} target, read as ${to} from ${from.period}`,
        period: `${from.period}–${to}`,
        value,
        unit: 'ratio',
        formula: 'requiredCagr' as const,
        sources: [...new Set([...sources, ...from.sources])].sort(),
        status: 'ok' as const,
        dims: { targetYear: String(year), reading, from: from.period, to, years: String(years) },
        ...(from.provisional ? { provisional: true as const } : {}),
      },
    ];
  });
}

/** The year a target is for: the year its period ends in (a target for FY2029-30 is one for 2030). */
function targetYear(target: FigureRow): number | undefined {
  const period = parsePeriod(target.period);
  return period ? periodEnd(period).getUTCFullYear() : target.year;
}
