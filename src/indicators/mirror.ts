import { indicatorNotes as t } from '../core/messages.ts';
import type { Flow } from '../ingest/records.ts';
import type { TradeRow } from '../normalise/table.ts';
import { type IndicatorContext, notAvailable, provenance } from './context.ts';
import type { Indicator } from './types.ts';

/** (X_ij − M_ji) / (X_ij + M_ji): 0 when both sides agree, ±1 when one side reports nothing. */
export function mirrorDiscrepancy(reported: number, mirror: number): number | null {
  return reported + mirror > 0 ? (reported - mirror) / (reported + mirror) : null;
}

/** "FY2010-11–FY2025-26, 2019": the span of the periods on each basis. */
export function periodSpan(rows: TradeRow[]): string {
  const bases = [...new Set(rows.map((r) => r.basis))].sort();
  return bases
    .map((basis) => {
      const sorted = rows.filter((r) => r.basis === basis).sort((a, b) => a.year - b.year);
      const first = sorted[0]?.period ?? '';
      const last = sorted[sorted.length - 1]?.period ?? '';
      return first === last ? first : `${first}–${last}`;
    })
    .join(', ');
}

const MIRROR: Record<string, Flow> = { export: 'import', import: 'export' };

/**
 * The reporter's exports against the partner's imports from it, and its imports against the partner's
 * exports to it, for every period both sides report the same way (same period label).
 */
export function mirrorIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const totals = ctx.n.trade.filter((r) => r.product === 'TOTAL');
  const out: Indicator[] = [];
  for (const flow of ['export', 'import'] as const) {
    const mirrorFlow = MIRROR[flow] ?? flow;
    const own = totals.filter((r) => r.reporter === reporter && r.partner === partner && r.flow === flow);
    const theirs = totals.filter(
      (r) => r.reporter === partner && r.partner === reporter && r.flow === mirrorFlow,
    );
    const label = t.mirrorLabel(flow, ctx.reporterName, ctx.partnerName);
    const found: Indicator[] = [];
    for (const row of own) {
      const other = theirs.find((r) => r.period === row.period);
      const value = other ? mirrorDiscrepancy(row.valueUsd, other.valueUsd) : null;
      if (!other || value === null) continue;
      found.push({
        id: 'mirror.discrepancy',
        label,
        period: row.period,
        value,
        unit: 'ratio',
        formula: 'mirror',
        status: 'ok',
        dims: { flow },
        ...provenance([row, other]),
      });
    }
    out.push(...found);
    if (found.length > 0 || own.length === 0) continue;
    const needs =
      theirs.length === 0
        ? t.needsPartnerReport(ctx.partnerName, ctx.reporterName, mirrorFlow)
        : t.needsSamePeriods(ctx.partnerName, periodSpan(own), periodSpan(theirs));
    out.push(
      notAvailable(
        {
          id: 'mirror.discrepancy',
          label,
          period: periodSpan(own),
          unit: 'ratio',
          formula: 'mirror',
          dims: { flow },
        },
        needs,
      ),
    );
  }
  return out;
}
