import { indicatorNotes as t } from '../core/messages.ts';
import type { Basis } from '../core/periods.ts';
import type { DataNote, Normalised, TradeRow } from '../normalise/table.ts';

export interface PairYear {
  period: string;
  year: number;
  exports?: TradeRow;
  imports?: TradeRow;
}

export interface PairSeries {
  basis: Basis;
  years: PairYear[];
}

/**
 * The reporter's own totals with the partner, on one basis. Where both fiscal and calendar years are
 * present, the basis with more years is used and the other is named in a note, never spliced in.
 */
export function pairSeries(n: Normalised, notes: DataNote[]): PairSeries {
  const { reporter, partner } = n.config;
  const totals = n.trade.filter(
    (r) =>
      r.reporter === reporter &&
      r.partner === partner &&
      r.product === 'TOTAL' &&
      (r.flow === 'export' || r.flow === 'import'),
  );
  const count = (basis: Basis) => new Set(totals.filter((r) => r.basis === basis).map((r) => r.period)).size;
  const basis: Basis = count('fiscal') >= count('calendar') ? 'fiscal' : 'calendar';
  const other: Basis = basis === 'fiscal' ? 'calendar' : 'fiscal';
  if (count(other) > 0) {
    notes.push({
      kind: 'basis',
      text: t.basisKeptApart(basis, count(other), other),
      sources: [...new Set(totals.filter((r) => r.basis === other).flatMap((r) => r.sources))].sort(),
    });
  }
  const byPeriod = new Map<string, PairYear>();
  for (const row of totals.filter((r) => r.basis === basis)) {
    const entry = byPeriod.get(row.period) ?? { period: row.period, year: row.year };
    if (row.flow === 'export') entry.exports = row;
    else entry.imports = row;
    byPeriod.set(row.period, entry);
  }
  return { basis, years: [...byPeriod.values()].sort((a, b) => a.year - b.year) };
}
