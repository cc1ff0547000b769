import { formatUsd } from '../core/format.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import type { FigureRow } from '../normalise/table.ts';
import { share } from './bilateral.ts';
import { latestSectorExports } from './composition.ts';
import { findIndicator, type IndicatorContext } from './context.ts';
import { midpoint } from './figures.ts';
import type { Indicator } from './types.ts';

/** Published figures below or above the trade data by more than this are flagged as conflicting. */
const CONFLICT = 0.15;

/**
 * Sector gaps as published: the partner's import demand against the reporter's exports to it, for the
 * sectors where a demand figure exists. Supply comes from the trade data where it has the sector.
 */
export function opportunityIndicators(ctx: IndicatorContext): Indicator[] {
  const { partner } = ctx.n.config;
  const out: Indicator[] = [];
  for (const sector of ctx.n.sectors) {
    const demand = ctx.n.figures.filter(
      (f) =>
        f.topic === 'sector' &&
        f.measure === 'import_demand' &&
        f.sector === sector.id &&
        f.scope === partner,
    );
    const published = ctx.n.figures.filter(
      (f) => f.topic === 'sector' && f.measure === 'exports' && f.sector === sector.id,
    );
    const supply = latestSectorExports(ctx.computed, sector.id);
    if (supply) ctx.notes.push(...conflicts(ctx, sector.name, supply, published));
    const best = demand.sort((a, b) => rank(a) - rank(b))[0];
    if (!best) continue;
    const dims = { sector: sector.id };
    out.push({
      id: 'opportunity.demand',
      label: `${ctx.partnerName}'s import demand: ${sector.name.toLowerCase()}`,
      period: best.period,
      value: best.value,
      ...(best.valueHigh === undefined ? {} : { high: best.valueHigh }),
      unit: 'USD',
      formula: 'reported',
      sources: [best.source],
      status: 'ok',
      dims: { ...dims, confidence: best.confidence },
      ...(best.note ? { note: best.note } : {}),
    });
    if (!supply || supply.value === null) continue;
    const sources = [...new Set([best.source, ...supply.sources])].sort();
    const lowerBound = supply.status === 'partial';
    const demandValue = demandAt({ value: best.value, high: best.valueHigh }, lowerBound).value;
    const range = best.valueHigh !== undefined;
    const periods = t.gapPeriods(best.period, supply.period);
    out.push({
      id: 'opportunity.gap',
      label: `Gap: ${sector.name.toLowerCase()}`,
      period: supply.period,
      value: demandValue - supply.value,
      unit: 'USD',
      formula: 'gap',
      sources,
      status: lowerBound ? 'partial' : 'ok',
      dims,
      note: t.gapNote(periods, range, lowerBound),
      ...(supply.provisional ? { provisional: true } : {}),
    });
    const shareValue = share(supply.value, demandValue);
    if (shareValue !== null) {
      out.push({
        id: 'opportunity.shareOfDemand',
        label: `${ctx.reporterName}'s share of the demand: ${sector.name.toLowerCase()}`,
        period: supply.period,
        value: shareValue,
        unit: 'ratio',
        formula: 'marketShareOfDemand',
        sources,
        status: lowerBound ? 'partial' : 'ok',
        dims,
        note: t.shareOfDemandNote(periods, range, lowerBound),
        ...(supply.provisional ? { provisional: true } : {}),
      });
    }
  }
  return out;
}

/**
 * The one rule for which end of a published demand range a figure reads: the middle where the
 * reporter's exports to the partner are exact; the top where they are only a lower bound (a source
 * listing its largest chapters), so that the gap and the untapped potential are true upper bounds and
 * every figure of the sector (gap, share of demand, scope, potential and its parts, untapped,
 * scenarios) reads the same demand: potential − exports = untapped as printed.
 */
export function demandAt(
  demand: { value: number; high?: number },
  exportsLowerBound: boolean,
): { value: number; top: boolean } {
  const top = exportsLowerBound && demand.high !== undefined;
  return {
    value: top ? (demand.high ?? demand.value) : midpoint({ value: demand.value, valueHigh: demand.high }),
    top,
  };
}

/** The partner's import demand for a sector as published, read at the end `demandAt` says. */
export function sectorDemand(
  computed: Indicator[],
  sector: string,
  exportsLowerBound: boolean,
): { indicator: Indicator; value: number; top: boolean } | undefined {
  const indicator = findIndicator(computed, 'opportunity.demand', { sector });
  if (!indicator || indicator.value === null) return undefined;
  return {
    indicator,
    ...demandAt({ value: indicator.value, high: indicator.high }, exportsLowerBound),
  };
}

const CONFIDENCE_RANK: Record<string, number> = { high: 0, medium: 1, low: 2 };

function rank(f: FigureRow): number {
  return CONFIDENCE_RANK[f.confidence] ?? 3;
}

/** Published export figures that the trade data contradicts: named in a note, kept out of the arithmetic. */
function conflicts(ctx: IndicatorContext, sectorName: string, supply: Indicator, published: FigureRow[]) {
  if (supply.value === null) return [];
  const measured = supply.value;
  const atLeast = supply.status === 'partial';
  const publisher = (id: string) => ctx.n.sources.find((s) => s.id === id)?.publisher || id;
  const corroborated = published.filter((f) => f.confidence === 'high');
  return published
    .filter((f) => f.confidence === 'low' && f.unit === 'USD')
    .filter((f) =>
      atLeast ? f.value < measured * (1 - CONFLICT) : Math.abs(f.value - measured) > CONFLICT * measured,
    )
    .map((f) => {
      const range = corroborated.length
        ? t.corroboratedRange(
            [...new Set(corroborated.map((c) => publisher(c.source)))],
            rangeText(corroborated),
            corroborated.map((c) => c.period),
          )
        : '';
      return {
        kind: 'conflict' as const,
        text: t.uncorroborated(
          `${sectorName} exports to ${ctx.partnerName}`,
          publisher(f.source),
          formatUsd(f.value),
          f.period,
          `${atLeast ? 'at least ' : ''}${formatUsd(measured)}`,
          supply.period,
          range,
        ),
        sources: [...new Set([f.source, ...supply.sources, ...corroborated.map((c) => c.source)])].sort(),
      };
    });
}

function rangeText(figures: FigureRow[]): string {
  const values = figures.map((f) => f.value);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high
    ? formatUsd(low)
    : `${formatUsd(low).replace(' m', '')}–${formatUsd(high).replace('USD ', '')}`;
}
