import { parsePeriod } from '../core/periods.ts';
import { withDims } from './byId.ts';
import type { Indicator, IndicatorSet } from './types.ts';

/**
 * Reading indicators.json: charts and the briefing look values up here, never recompute them. Indexed
 * by id and dims, since a briefing makes thousands of lookups into a set of thousands.
 */
export function select(set: IndicatorSet, id: string, dims: Record<string, string> = {}): Indicator[] {
  return [...withDims(set.indicators, id, dims)];
}

export function pick(
  set: IndicatorSet,
  id: string,
  period?: string,
  dims: Record<string, string> = {},
): Indicator | undefined {
  return select(set, id, dims).find((i) => period === undefined || i.period === period);
}

/** The value, or undefined when missing or not available. */
export function valueAt(
  set: IndicatorSet,
  id: string,
  period?: string,
  dims: Record<string, string> = {},
): number | undefined {
  return pick(set, id, period, dims)?.value ?? undefined;
}

/** The latest period with a value for `id`, in the order indicators.json lists them. */
export function latestPeriod(
  set: IndicatorSet,
  id: string,
  dims: Record<string, string> = {},
): string | undefined {
  return select(set, id, dims)
    .filter((i) => i.value !== null)
    .map((i) => i.period)
    .pop();
}

export function chapterName(set: IndicatorSet, code: string): string {
  if (code === 'OTHER') return 'Other chapters';
  return set.chapters.find((c) => c.code === code)?.name ?? `HS chapter ${code}`;
}

export function sectorName(set: IndicatorSet, id: string): string {
  return set.sectors.find((s) => s.id === id)?.name ?? id;
}

/** Publisher names of source ids, for source lines: "DGCI&S; UN Comtrade". */
export function publishers(set: IndicatorSet, ids: string[]): string[] {
  const names = ids.map((id) => set.sources.find((s) => s.id === id)?.publisher || id);
  return [...new Set(names)];
}

/** Distinct period labels in time order (labels that are not years keep their first-seen order, last). */
export function sortPeriods(periods: string[]): string[] {
  const year = (p: string) => parsePeriod(p)?.year ?? Number.POSITIVE_INFINITY;
  return [...new Set(periods)].sort((a, b) => year(a) - year(b));
}
