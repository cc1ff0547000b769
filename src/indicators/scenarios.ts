import type { Scenario } from '../config/schema.ts';
import { formatPercent } from '../core/format.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { balance, coverageRatio } from './bilateral.ts';
import { latestSectorExports } from './composition.ts';
import { findIndicator, type IndicatorContext, inherit, latestPairPeriod, notAvailable } from './context.ts';
import { sectorDemand } from './opportunity.ts';
import type { Indicator } from './types.ts';

/**
 * Exports added by capturing `share` of the partner's import demand in a sector: exports to the partner
 * in the sector rise to share × demand; where they are already there or above, nothing is added.
 */
export function capturedExports(demand: number, share: number, current: number): number {
  return Math.max(0, share * demand - current);
}

/** Exports, balance and coverage once the added exports are in; imports unchanged. */
export function scenarioOutcome(exports: number, imports: number, added: number) {
  const newExports = exports + added;
  return {
    exports: newExports,
    balance: balance(newExports, imports),
    coverage: coverageRatio(newExports, imports),
  };
}

/** Each rebalancing scenario of the config, on the latest period with exports by chapter. */
export function scenarioIndicators(ctx: IndicatorContext): Indicator[] {
  return ctx.n.config.scenarios.flatMap((scenario) => scenarioIndicatorsOf(ctx, scenario));
}

type ScenarioSector = {
  id: string;
  name: string;
  demand: ReturnType<typeof sectorDemand>;
  actual: Indicator | undefined;
};

/** The period, exports and imports a scenario starts from, or what it needs. */
function scenarioBase(
  ctx: IndicatorContext,
  sectors: ScenarioSector[],
): { needs: string } | { period: string; exports: Indicator; imports: Indicator; x: number; m: number } {
  const lacking = sectors.find((s) => !s.demand);
  if (lacking) return { needs: t.needsSectorDemand(ctx.partnerName, lacking.name.toLowerCase()) };
  const period = sectors[0]?.actual?.period;
  if (period === undefined || sectors.some((s) => s.actual?.value == null)) {
    return { needs: t.needsPairChapters('export', ctx.partnerName) };
  }
  const exports = findIndicator(ctx.computed, 'trade.exports', {}, period);
  const imports = findIndicator(ctx.computed, 'trade.imports', {}, period);
  if (exports?.value == null || imports?.value == null) return { needs: t.needsPairTotals(period) };
  return { period, exports, imports, x: exports.value, m: imports.value };
}

/** A sector's exports to the partner and its demand, read at the end its exports call for. */
function withDemand(ctx: IndicatorContext, sector: string): Pick<ScenarioSector, 'demand' | 'actual'> {
  const actual = latestSectorExports(ctx.computed, sector);
  return { actual, demand: sectorDemand(ctx.computed, sector, actual?.status === 'partial') };
}

function scenarioIndicatorsOf(ctx: IndicatorContext, scenario: Scenario): Indicator[] {
  const dims = { scenario: scenario.id };
  const sectors: ScenarioSector[] = scenario.sectors.map((id) => ({
    id,
    name: ctx.n.sectors.find((s) => s.id === id)?.name ?? id,
    ...withDemand(ctx, id),
  }));
  const start = scenarioBase(ctx, sectors);
  if ('needs' in start) {
    const label = t.scenarioExportsLabel(scenario.name);
    return [
      notAvailable(
        {
          id: 'scenario.exports',
          label,
          period: latestPairPeriod(ctx),
          unit: 'USD',
          formula: 'scenarioExports',
          dims,
        },
        start.needs,
      ),
    ];
  }
  const { period, exports, imports, x, m } = start;
  const out: Indicator[] = [];
  let added = 0;
  let flagged = false;
  for (const sector of sectors) {
    if (!sector.demand || !sector.actual || sector.actual.value === null) continue;
    // Exports only a lower bound make the addition an upper bound (the demand is then read at the top).
    const partialActual = sector.actual.status === 'partial';
    const range = sector.demand.indicator.high !== undefined;
    const value = capturedExports(sector.demand.value, scenario.shareOfPartnerDemand, sector.actual.value);
    added += value;
    const atMost = partialActual && value > 0;
    const narrow = findIndicator(ctx.computed, 'opportunity.demandScope', {
      sector: sector.id,
      narrow: 'yes',
    });
    if (narrow) flagged = true;
    out.push({
      id: 'scenario.addedExports',
      label: t.scenarioAddedLabel(sector.name.toLowerCase()),
      period,
      value,
      unit: 'USD',
      formula: 'scenarioExports',
      status: atMost ? 'partial' : 'ok',
      dims: { ...dims, sector: sector.id },
      note: [
        t.scenarioSectorNote(
          formatPercent(scenario.shareOfPartnerDemand, 0),
          sector.demand.indicator.period,
          period,
        ),
        range ? t.demandInRange(sector.demand.top) : '',
        atMost ? t.addedAtMost() : '',
        narrow ? t.scenarioDemandNarrow() : '',
      ]
        .filter(Boolean)
        .join('; '),
      ...inherit([sector.demand.indicator, sector.actual]),
    });
  }
  const outcome = scenarioOutcome(x, m, added);
  const partial = out.some((i) => i.status === 'partial');
  const demandPeriods = [...new Set(sectors.map((s) => s.demand?.indicator.period ?? ''))].join(', ');
  const base = {
    period,
    status: partial ? ('partial' as const) : ('ok' as const),
    dims,
    note: [
      t.scenarioNote(demandPeriods, period),
      partial ? t.scenarioAtMost() : '',
      flagged ? t.scenarioDemandNarrow() : '',
    ]
      .filter(Boolean)
      .join('; '),
    ...inherit([...out, exports, imports]),
  };
  out.push(
    {
      ...base,
      id: 'scenario.exports',
      label: t.scenarioExportsLabel(scenario.name),
      value: outcome.exports,
      unit: 'USD',
      formula: 'scenarioExports',
    },
    {
      ...base,
      id: 'scenario.balance',
      label: t.scenarioBalanceLabel(scenario.name),
      value: outcome.balance,
      unit: 'USD',
      formula: 'balance',
    },
    outcome.coverage === null
      ? notAvailable(
          {
            ...base,
            id: 'scenario.coverage',
            label: t.scenarioCoverageLabel(scenario.name),
            unit: 'ratio',
            formula: 'coverage',
          },
          t.needsImportsAboveZero(),
        )
      : {
          ...base,
          id: 'scenario.coverage',
          label: t.scenarioCoverageLabel(scenario.name),
          value: outcome.coverage,
          unit: 'ratio',
          formula: 'coverage',
        },
  );
  return out;
}
