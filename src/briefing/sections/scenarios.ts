import type { RenderedChart } from '../../charts/build.ts';
import { type ScenarioResult, scenarioResults, scenarioSectors } from '../../charts/specs/scenarios.ts';
import { USD_UNITS, unitFor } from '../../core/format.ts';
import { indicatorNotes } from '../../core/messages.ts';
import { sectorName } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { amount, bound, pct, pick, usd } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** The config's rebalancing scenarios against the latest actual year: exports, balance, coverage. */
export function writeScenarios(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName } = set.meta;
  w.section('Rebalancing scenarios', { keepWith: 110 + chartHeight(charts, 'rebalancing-scenarios') });
  const results = scenarioResults(set);
  if (!results || results.scenarios.length === 0) {
    const missing = set.indicators.find((i) => i.id === 'scenario.exports' && i.status === 'not_available');
    w.paragraph(
      missing
        ? `Not available: ${missing.label} ${missing.needs ?? ''}.`
        : 'No rebalancing scenarios are set in the config (key "scenarios").',
    );
    return;
  }
  const { period, scenarios } = results;
  const actual = {
    exports: pick(set, 'trade.exports', period),
    imports: pick(set, 'trade.imports', period),
    balance: pick(set, 'trade.balance', period),
    coverage: pick(set, 'trade.coverage', period),
  };
  w.paragraph(
    `A scenario “captures” a share of ${partnerName}'s published import demand in the sectors it names: ${reporterName}'s exports to ${partnerName} in each of those sectors rise to that share of the demand, or stay where they are if they are already higher. ` +
      `Imports, the other sectors and the demand are held at their ${period} levels, so the scenarios measure how far each step would move the balance, not what will happen.`,
  );
  const best = [...scenarios].sort((a, b) => (b.coverage?.value ?? 0) - (a.coverage?.value ?? 0))[0];
  if (best && actual.coverage?.value != null && best.coverage?.value != null) {
    w.paragraph(
      `In ${period}, exports of ${usd(actual.exports?.value ?? undefined, 'bn')} covered ${pct(actual.coverage.value)} of imports of ${usd(actual.imports?.value ?? undefined, 'bn')}. ` +
        `The largest scenario (“${best.name}”) would lift exports to ${bound(best.exports)}${usd(best.exports.value ?? undefined, 'bn')} and coverage to ${bound(best.coverage)}${pct(best.coverage.value)}; ` +
        `the balance would still be ${bound(best.balance)}${usd(best.balance?.value ?? undefined, 'bn')}, against ${usd(actual.balance?.value ?? undefined, 'bn')}.` +
        (best.exports.note?.includes(indicatorNotes.scenarioDemandNarrow())
          ? ` Its published demand figure looks narrower than the sector it is set against, so it understates what the sector could add.`
          : ''),
    );
  }
  writeChart(w, charts, 'rebalancing-scenarios');
  const sectors = scenarioSectors(scenarios);
  const unit = unitFor(
    [actual, ...scenarios].flatMap((f) => [f.exports?.value, f.balance?.value].map((v) => v ?? 0)),
  );
  const money = (i: Indicator | undefined) => `${bound(i)}${amount(i?.value ?? undefined, unit)}`;
  const added = (s: ScenarioResult | undefined, sector: string) => {
    const a = s?.added.find((i) => i.dims?.sector === sector);
    return a ? money(a) : s ? '–' : '';
  };
  const row = (
    name: string,
    figures: { exports?: Indicator; balance?: Indicator; coverage?: Indicator },
    s?: ScenarioResult,
  ) => [
    name,
    ...sectors.map((sector) => added(s, sector)),
    money(figures.exports),
    money(figures.balance),
    `${bound(figures.coverage)}${pct(figures.coverage?.value ?? undefined)}`,
  ];
  const addedWidth = sectors.length === 0 ? 0 : Math.min(0.15, 0.3 / sectors.length);
  w.table({
    caption: `${USD_UNITS[unit].long}, except exports / imports`,
    columns: [
      { header: 'Scenario', width: 0.57 - addedWidth * sectors.length },
      ...sectors.map((sector) => ({
        header: `Added: ${sectorName(set, sector).toLowerCase()}`,
        width: addedWidth,
        align: 'right' as const,
      })),
      { header: 'Exports', width: 0.14, align: 'right' },
      { header: 'Balance', width: 0.15, align: 'right' },
      { header: 'Exports / imports', width: 0.14, align: 'right' },
    ],
    rows: [
      row(`Actual, ${period}${actual.exports?.provisional ? ' (provisional)' : ''}`, actual),
      ...scenarios.map((s) => row(s.name, s, s)),
    ],
    strong: [0],
  });
}
