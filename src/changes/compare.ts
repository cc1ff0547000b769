import type { Edition } from '../core/context.ts';
import { compareText } from '../core/text.ts';
import type { Indicator, IndicatorSet } from '../indicators/types.ts';

/** Differences smaller than this share of the old value are rounding, not revisions. */
const TOLERANCE = 1e-9;
/** Derived series that move whenever their inputs do: listing them would hide the real revisions. */
const DERIVED = new Set(['target.path']);

export interface Revision {
  id: string;
  label: string;
  period: string;
  dims: Record<string, string>;
  unit: string;
  before: number;
  after: number;
  /**
   * For ratios, the difference in percentage points; for amounts, the change relative to the old
   * value's size (so a deficit that deepens is a negative change); null from a zero base.
   */
  change: number | null;
  changeIn: 'points' | 'relative';
}

/** Figures as reported come first in the list, then chapter values, then what is derived from them. */
const ORDER = [/^(trade\.(exports|imports)|figure\.)/, /^composition\.chapter\.value/];

function changeOf(unit: string, before: number, after: number): Pick<Revision, 'change' | 'changeIn'> {
  if (unit === 'ratio') return { change: (after - before) * 100, changeIn: 'points' };
  return { change: before === 0 ? null : (after - before) / Math.abs(before), changeIn: 'relative' };
}

/** changes.json: what a new edition changed against the previous one. */
export interface Changes {
  schema: 'tradebrief/changes@1';
  previous: { edition: string; vintage: string } | null;
  /** Periods of the pair's trade series that the previous edition did not have. */
  newPeriods: string[];
  /** Values present in both editions that differ, largest relative change first. */
  revised: Revision[];
  /** Periods that were provisional and are now final. */
  nowFinal: string[];
  nowAvailable: { id: string; label: string; period: string }[];
  noLongerAvailable: { id: string; label: string; period: string }[];
}

function key(i: Indicator): string {
  const dims = Object.entries(i.dims ?? {}).sort(([a], [b]) => compareText(a, b));
  return `${i.id}|${i.period}|${JSON.stringify(dims)}`;
}

export function compareEditions(
  previous: IndicatorSet | undefined,
  current: IndicatorSet,
  edition?: Edition,
): Changes {
  const empty: Changes = {
    schema: 'tradebrief/changes@1',
    previous: null,
    newPeriods: [],
    revised: [],
    nowFinal: [],
    nowAvailable: [],
    noLongerAvailable: [],
  };
  if (!previous || !edition) return empty;
  const before = new Map(previous.indicators.map((i) => [key(i), i]));
  const after = new Map(current.indicators.map((i) => [key(i), i]));
  const periods = (set: IndicatorSet) =>
    new Set(set.indicators.filter((i) => i.id === 'trade.total').map((i) => i.period));
  const oldPeriods = periods(previous);
  const revised: Revision[] = [];
  const nowAvailable: Changes['nowAvailable'] = [];
  const noLongerAvailable: Changes['noLongerAvailable'] = [];
  const nowFinal = new Set<string>();
  for (const [k, next] of after) {
    const old = before.get(k);
    if (!old || DERIVED.has(next.id)) continue;
    if (old.value === null && next.value !== null)
      nowAvailable.push({ id: next.id, label: next.label, period: next.period });
    if (old.value !== null && next.value === null)
      noLongerAvailable.push({ id: next.id, label: next.label, period: next.period });
    if (old.provisional && !next.provisional && next.id === 'trade.total') nowFinal.add(next.period);
    if (old.value === null || next.value === null) continue;
    if (Math.abs(next.value - old.value) <= TOLERANCE * Math.max(Math.abs(old.value), 1)) continue;
    revised.push({
      id: next.id,
      label: next.label,
      period: next.period,
      dims: next.dims ?? {},
      unit: next.unit,
      before: old.value,
      after: next.value,
      ...changeOf(next.unit, old.value, next.value),
    });
  }
  // Reported figures first, then by the size of the change (points count as they read: 1 pp ~ 1 %).
  const size = (r: Revision) =>
    Math.abs(
      r.change === null ? Number.POSITIVE_INFINITY : r.changeIn === 'points' ? r.change / 100 : r.change,
    );
  const rank = (r: Revision) => {
    const i = ORDER.findIndex((pattern) => pattern.test(r.id));
    return i === -1 ? ORDER.length : i;
  };
  revised.sort(
    (a, b) =>
      rank(a) - rank(b) || size(b) - size(a) || compareText(a.id, b.id) || compareText(a.period, b.period),
  );
  return {
    ...empty,
    previous: { edition: edition.id, vintage: edition.vintage },
    newPeriods: [...periods(current)].filter((p) => !oldPeriods.has(p)),
    revised,
    nowFinal: [...nowFinal],
    nowAvailable,
    noLongerAvailable,
  };
}
