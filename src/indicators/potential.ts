import { indicatorNotes as t } from '../core/messages.ts';
import { latestSectorExports } from './composition.ts';
import { findIndicator, type IndicatorContext, inherit, notAvailable } from './context.ts';
import { sectorDemand } from './opportunity.ts';
import type { Indicator } from './types.ts';

export interface ExportPotential {
  /** D × w_s: the partner's demand at the reporter's share of world exports in the sector. */
  potential: number;
  /** D × W: the same demand at the reporter's share of world exports of all products. */
  demandPart: number;
  /** D × (w_s − W): what the reporter's specialisation in the sector adds or takes away. */
  supplyPart: number;
}

/** Export potential "lite" and its split into a demand part and a supply part that add up to it. */
export function exportPotential(demand: number, sectorShare: number, overallShare: number): ExportPotential {
  return {
    potential: demand * sectorShare,
    demandPart: demand * overallShare,
    supplyPart: demand * (sectorShare - overallShare),
  };
}

/** Potential not yet realised; below zero where exports already exceed it. */
export function untappedPotential(potential: number, actual: number): number {
  return potential - actual;
}

/**
 * For each sector with a published import demand of the partner: the reporter's export potential, its
 * demand and supply parts, and what is left untapped given its exports to the partner; ranked.
 */
export function potentialIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter } = ctx.n.config;
  const out: Indicator[] = [];
  const untapped: Indicator[] = [];
  const mismatches = new Set<string>();
  for (const sector of ctx.n.sectors) {
    const actual = latestSectorExports(ctx.computed, sector.id);
    const demand = sectorDemand(ctx.computed, sector.id, actual?.status === 'partial');
    if (!demand) continue;
    const dims = { sector: sector.id };
    const sectorShare = ctx.computed
      .filter(
        (i) =>
          i.id === 'specialisation.sectorWorldShare' &&
          i.dims?.reporter === reporter &&
          i.dims?.sector === sector.id &&
          i.value !== null,
      )
      .pop();
    const overall =
      sectorShare &&
      findIndicator(ctx.computed, 'specialisation.worldShare', { reporter }, sectorShare.period);
    const name = sector.name.toLowerCase();
    if (!sectorShare || sectorShare.value === null || !overall || overall.value === null) {
      const label = t.potentialLabel(name);
      // The reporter's world shares are missing for the reason its RCA is: say that, not a guess.
      const rca = findIndicator(ctx.computed, 'specialisation.rca', { reporter });
      const needs = rca?.needs ?? t.needsWorldExportsByChapter(ctx.reporterName);
      out.push(
        notAvailable(
          {
            id: 'potential.exports',
            label,
            period: demand.indicator.period,
            unit: 'USD',
            formula: 'potential',
            dims,
          },
          needs,
        ),
      );
      continue;
    }
    const parts = exportPotential(demand.value, sectorShare.value, overall.value);
    const scope = demandScope(ctx, sector.id, sectorShare);
    if (scope) out.push(scope);
    const periods = t.potentialPeriods(demand.indicator.period, sectorShare.period, actual?.period);
    if (new Set([demand.indicator.period, sectorShare.period, actual?.period ?? sectorShare.period]).size > 1)
      mismatches.add(periods);
    const note = [
      periods,
      demand.indicator.high === undefined ? '' : t.demandInRange(demand.top),
      t.potentialWorldCaveat(),
    ]
      .filter(Boolean)
      .join('; ');
    const base = {
      period: actual?.period ?? demand.indicator.period,
      unit: 'USD',
      status: 'partial' as const,
      dims,
      note,
      ...inherit([demand.indicator, sectorShare, overall]),
    };
    out.push(
      {
        ...base,
        id: 'potential.exports',
        label: t.potentialLabel(name),
        value: parts.potential,
        formula: 'potential',
      },
      {
        ...base,
        id: 'potential.demandPart',
        label: t.potentialDemandLabel(name),
        value: parts.demandPart,
        formula: 'potentialDemand',
      },
      {
        ...base,
        id: 'potential.supplyPart',
        label: t.potentialSupplyLabel(name),
        value: parts.supplyPart,
        formula: 'potentialSupply',
      },
    );
    if (!actual || actual.value === null) {
      out.push(
        notAvailable(
          { ...base, id: 'potential.untapped', label: t.untappedLabel(name), formula: 'untapped' },
          t.needsPairChapters('export', ctx.partnerName),
        ),
      );
      continue;
    }
    // Exports only a lower bound make the untapped part an upper bound (the demand is then read at the top).
    const value = untappedPotential(parts.potential, actual.value);
    untapped.push({
      ...base,
      id: 'potential.untapped',
      label: t.untappedLabel(name),
      value,
      formula: 'untapped',
      note: [note, actual.status === 'partial' ? t.untappedAtMost() : '', value < 0 ? t.aboveCapacity() : '']
        .filter(Boolean)
        .join('; '),
      ...inherit([demand.indicator, sectorShare, overall, actual]),
    });
  }
  untapped.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  out.push(...untapped.map((u, i) => ({ ...u, dims: { ...u.dims, rank: String(i + 1) } })));
  for (const periods of mismatches)
    ctx.notes.push({ kind: 'basis', text: t.potentialPeriodsNote(periods), sources: [] });
  return out;
}

/**
 * An exporter seldom holds a share of one market many times its share of the world's: past this
 * multiple, the published demand figure more likely covers less than the sector's HS chapters.
 */
export const NARROW_DEMAND = 10;

/**
 * The reporter's share of the partner's published demand over its share of world exports of the sector:
 * at NARROW_DEMAND or above, the demand figure is flagged as narrower than the sector it is set against.
 */
function demandScope(ctx: IndicatorContext, sector: string, sectorShare: Indicator): Indicator | undefined {
  const shareOfDemand = findIndicator(ctx.computed, 'opportunity.shareOfDemand', { sector });
  if (shareOfDemand?.value == null || sectorShare.value === null || sectorShare.value <= 0) return undefined;
  const value = shareOfDemand.value / sectorShare.value;
  const narrow = value >= NARROW_DEMAND;
  return {
    id: 'opportunity.demandScope',
    label: t.demandScopeLabel(sector),
    period: shareOfDemand.period,
    value,
    unit: 'ratio',
    formula: 'demandScope',
    status: narrow ? 'partial' : 'ok',
    dims: { sector, narrow: narrow ? 'yes' : 'no' },
    ...(narrow ? { note: t.demandNarrow(NARROW_DEMAND) } : {}),
    ...inherit([shareOfDemand, sectorShare]),
  };
}
