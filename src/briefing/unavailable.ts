import { groupBy } from '../core/group.ts';
import type { Indicator, IndicatorSet } from '../indicators/types.ts';

export interface UnavailableGroup {
  formula: string;
  /** The formula's name, as the methodology annex prints it. */
  name: string;
  indicators: Indicator[];
  /** What the inputs would need, each distinct wording once. */
  needs: string[];
  /** Context the engine gave (why the data is missing), each distinct wording once. */
  notes: string[];
}

/**
 * Indicators the inputs don't allow, grouped by formula however many chapters or years each affects:
 * the one place that decides how "not available" is listed, for the data notes and the sections.
 */
export function unavailableGroups(set: IndicatorSet, formulas?: readonly string[]): UnavailableGroup[] {
  const groups = groupBy(
    set.indicators.filter((i) => i.status === 'not_available' && (!formulas || formulas.includes(i.formula))),
    (i) => i.formula,
  );
  return [...groups].map(([formula, indicators]) => ({
    formula,
    name: set.formulas[formula]?.name ?? formula,
    indicators,
    needs: distinct(indicators.map((i) => i.needs)),
    notes: distinct(indicators.map((i) => i.note)),
  }));
}

function distinct(texts: (string | undefined)[]): string[] {
  return [...new Set(texts.filter((t): t is string => Boolean(t)))];
}
