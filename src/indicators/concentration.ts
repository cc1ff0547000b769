import { formatPercent } from '../core/format.ts';
import { groupBy } from '../core/group.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { type IndicatorContext, inherit, latestPairPeriod, notAvailable } from './context.ts';
import type { Indicator } from './types.ts';
import { chapterCount, unlistedCap, unlistedMaxSquares } from './unlisted.ts';

/** Herfindahl–Hirschman index: Σ s². */
export function hhi(shares: number[]): number {
  return shares.reduce((sum, s) => sum + s * s, 0);
}

/** UNCTAD's normalisation: (√HHI − √(1/N)) / (1 − √(1/N)); undefined below two products. */
export function hhiNormalised(raw: number, products: number): number | null {
  if (products < 2) return null;
  const floor = Math.sqrt(1 / products);
  return (Math.sqrt(raw) - floor) / (1 - floor);
}

/**
 * Bounds on Σ s² when a share `rest` of the flow is not itemised: the sum of squares is smallest with
 * `rest` spread evenly over the `free` chapters not itemised, largest with it packed into as few of them
 * as the source allows (none above the smallest chapter a top list itemises).
 */
export function hhiRange(itemised: number[], rest: number, free: number): { low: number; high: number } {
  const known = hhi(itemised);
  const cap = unlistedCap(itemised, rest, free);
  return { low: known + rest ** 2 / Math.max(free, 1), high: known + unlistedMaxSquares(rest, free, cap) };
}

/** Concentration of each flow over HS chapters, for every period with chapter detail. */
export function concentrationIndicators(ctx: IndicatorContext): Indicator[] {
  const shares = ctx.computed.filter((i) => i.id === 'composition.chapter.share' && i.value !== null);
  const nomenclature = ctx.n.chapters.map((c) => c.code);
  const groups = groupBy(shares, (s) => `${s.period}|${s.dims?.flow}`);
  const out: Indicator[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    const flow = first?.dims?.flow ?? '';
    const itemised = group.filter((s) => s.dims?.chapter !== 'OTHER');
    const rest = group.find((s) => s.dims?.chapter === 'OTHER')?.value ?? 0;
    const products = chapterCount(
      nomenclature,
      itemised.map((s) => s.dims?.chapter ?? ''),
    );
    const free = products - itemised.length;
    const itemisedShares = itemised.map((s) => s.value ?? 0);
    const { low, high } = hhiRange(itemisedShares, rest, free);
    const exact = rest === 0;
    const capped = unlistedCap(itemisedShares, rest, free) < rest;
    const rangeNote = exact ? undefined : t.hhiRange(formatPercent(rest), free, capped);
    const base = {
      period: first?.period ?? '',
      dims: { flow },
      status: exact ? ('ok' as const) : ('partial' as const),
      ...inherit(group),
    };
    out.push({
      ...base,
      id: 'concentration.hhi',
      label: t.hhiLabel(flow, ctx.partnerName),
      value: low,
      ...(exact ? {} : { high }),
      unit: 'index',
      formula: 'hhi',
      ...(rangeNote ? { note: rangeNote } : {}),
    });
    const lowN = hhiNormalised(low, products);
    const highN = hhiNormalised(high, products);
    if (lowN === null || highN === null) continue;
    out.push({
      ...base,
      id: 'concentration.hhiNormalised',
      label: t.hhiNormalisedLabel(flow, ctx.partnerName),
      value: lowN,
      ...(exact ? {} : { high: highN }),
      unit: 'index',
      formula: 'hhiNormalised',
      note: [t.hhiProducts(products), rangeNote].filter(Boolean).join('; '),
    });
  }
  const latest = latestPairPeriod(ctx);
  for (const flow of ['export', 'import']) {
    if (out.some((i) => i.dims?.flow === flow)) continue;
    for (const [id, formula, label] of [
      ['concentration.hhi', 'hhi', t.hhiLabel],
      ['concentration.hhiNormalised', 'hhiNormalised', t.hhiNormalisedLabel],
    ] as const) {
      out.push(
        notAvailable(
          { id, label: label(flow, ctx.partnerName), period: latest, unit: 'index', formula, dims: { flow } },
          t.needsPairChapters(flow, ctx.partnerName),
        ),
      );
    }
  }
  return out;
}
