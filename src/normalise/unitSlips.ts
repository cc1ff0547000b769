import type { Problem } from '../core/errors.ts';
import { formatUsd } from '../core/format.ts';
import { groupByFields } from '../core/group.ts';
import { dataNotes, inputMessages as m } from '../core/messages.ts';
import { locationOf } from './refs.ts';
import type { DataNote, TradeRow } from './table.ts';

/**
 * A total 900 times the year before's or more, or as much smaller: the step between thousand,
 * million and billion (1,000 times, with the year's own change of a tenth either way), which no trade
 * of a million dollars or more takes in a year. Refused.
 */
const SLIP_RATIO = 900;
/** From 100 times on, a jump is said in the data notes: a slip, or a first large order (an aircraft). */
const JUMP_RATIO = 100;
const SLIP_FROM_USD = 1e6;

/**
 * Totals the inputs give (not sums of chapters, which a year of few chapters keeps small) far from the
 * year before them in the same series (reporter, partner, flow, calendar or fiscal years): a unit slip
 * is a problem at its row, naming the other; a jump short of one, a data note.
 */
export function unitSlips(trade: readonly TradeRow[]): { problems: Problem[]; notes: DataNote[] } {
  const totals = trade.filter((r) => r.product === 'TOTAL');
  const problems: Problem[] = [];
  const notes: DataNote[] = [];
  for (const series of groupByFields(totals, ['reporter', 'partner', 'flow', 'basis'] as const)) {
    const byYear = [...series].sort((a, b) => a.year - b.year);
    for (const [i, row] of byYear.entries()) {
      const before = byYear[i - 1];
      if (!before || row.year - before.year !== 1) continue;
      const small = Math.min(row.valueUsd, before.valueUsd);
      const large = Math.max(row.valueUsd, before.valueUsd);
      if (small < SLIP_FROM_USD || large < JUMP_RATIO * small) continue;
      const what = `${row.period} ${row.flow}s, ${row.reporter}–${row.partner}`;
      const ratio = Math.round(large / small);
      const how = row.valueUsd > before.valueUsd ? 'times' : 'times less than';
      const other = `${before.period}'s ${formatUsd(before.valueUsd)}`;
      if (large >= SLIP_RATIO * small)
        problems.push({
          ...locationOf(row.refs[0] ?? ''),
          column: 'unit',
          message: m.unitSlip(
            what,
            formatUsd(row.valueUsd),
            ratio,
            how,
            `${other} (${before.refs[0] ?? ''})`,
          ),
        });
      else
        notes.push({
          kind: 'conflict',
          text: dataNotes.largeJump(what, formatUsd(row.valueUsd), ratio, how, other),
          sources: [...new Set([...before.sources, ...row.sources])].sort(),
        });
    }
  }
  return { problems, notes };
}
