import type { Problem } from '../core/errors.ts';
import { formatUsd } from '../core/format.ts';
import { groupByFields } from '../core/group.ts';
import { inputMessages as m } from '../core/messages.ts';
import { locationOf } from './refs.ts';
import type { TradeRow } from './table.ts';

/**
 * A total some 300 times the year before's or more, or as much smaller: the step between thousand,
 * million and billion (1,000 times, with the year's own change of up to 70 % either way), which no
 * trade of a million dollars or more takes in a year. Smaller flows (a first shipment) may.
 */
const SLIP_RATIO = 300;
const SLIP_FROM_USD = 1e6;

/**
 * Totals the inputs give (not sums of chapters, which a year of few chapters keeps small) that look
 * like a unit slip against the year before them, in the same series (reporter,
 * partner, flow, calendar or fiscal years): each named at its row, with the other year's value and row.
 */
export function unitSlips(trade: readonly TradeRow[]): Problem[] {
  const totals = trade.filter((r) => r.product === 'TOTAL');
  const problems: Problem[] = [];
  for (const series of groupByFields(totals, ['reporter', 'partner', 'flow', 'basis'] as const)) {
    const byYear = [...series].sort((a, b) => a.year - b.year);
    for (const [i, row] of byYear.entries()) {
      const before = byYear[i - 1];
      if (!before || row.year - before.year !== 1) continue;
      const small = Math.min(row.valueUsd, before.valueUsd);
      const large = Math.max(row.valueUsd, before.valueUsd);
      if (small < SLIP_FROM_USD || large < SLIP_RATIO * small) continue;
      problems.push({
        ...locationOf(row.refs[0] ?? ''),
        column: 'unit',
        message: m.unitSlip(
          `${row.period} ${row.flow}s, ${row.reporter}–${row.partner}`,
          formatUsd(row.valueUsd),
          Math.round(large / small),
          row.valueUsd > before.valueUsd ? 'times' : 'times less than',
          `${before.period}'s ${formatUsd(before.valueUsd)} (${before.refs[0] ?? ''})`,
        ),
      });
    }
  }
  return problems;
}
