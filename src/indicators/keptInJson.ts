import { latestPeriod } from './query.ts';
import type { Indicator, IndicatorSet } from './types.ts';

/**
 * What indicators.json keeps of a set: all that the briefing, the changes against the last edition and
 * the archive site read. Two kinds of rows are left to tables/*.csv (indicators.csv has every row,
 * products.csv and product_lines.csv the rankings): the measures of a flow's HS4 headings in the years
 * before its latest, and the unit values of single HS6 lines. A dense pair has thousands of each a year,
 * and they made up most of the file.
 */
export function keptInJson(set: IndicatorSet): IndicatorSet {
  const latest = new Map(
    (['export', 'import'] as const).map((flow) => [
      flow,
      latestPeriod(set, 'products.heading.value', { flow }),
    ]),
  );
  const kept = (i: Indicator) => {
    if (i.id.startsWith('products.line.')) return false;
    if (!i.id.startsWith('products.heading.')) return true;
    return i.period === latest.get(i.dims?.flow as 'export' | 'import');
  };
  return { ...set, indicators: set.indicators.filter(kept) };
}
