import {
  amountIn,
  formatBarLabel,
  formatPercent,
  formatUsd,
  USD_UNITS,
  type UsdUnit,
  unitFor,
} from '../../core/format.ts';
import { indicatorNotes } from '../../core/messages.ts';
import { pick, sectorName, select } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { wrapLabel } from '../labels.ts';
import { measureText } from '../textMetrics.ts';
import { PALETTE } from '../theme.ts';

const EXPORTS_SUFFIX = indicatorNotes.scenarioExportsLabel('');

export interface ScenarioResult {
  id: string;
  /** The scenario's name as the config gives it: its exports label without the suffix. */
  name: string;
  exports: Indicator;
  balance?: Indicator;
  coverage?: Indicator;
  added: Indicator[];
}

/** The config's scenarios that the inputs allow, with the actual year they start from. */
export function scenarioResults(
  set: IndicatorSet,
): { period: string; scenarios: ScenarioResult[] } | undefined {
  const scenarios = select(set, 'scenario.exports')
    .filter((i) => i.value !== null)
    .map((exports) => {
      const id = exports.dims?.scenario ?? '';
      return {
        id,
        name: exports.label.slice(0, exports.label.length - EXPORTS_SUFFIX.length),
        exports,
        balance: pick(set, 'scenario.balance', exports.period, { scenario: id }),
        coverage: pick(set, 'scenario.coverage', exports.period, { scenario: id }),
        added: select(set, 'scenario.addedExports', { scenario: id }),
      };
    });
  const period = scenarios[0]?.exports.period;
  return period ? { period, scenarios: scenarios.filter((s) => s.exports.period === period) } : undefined;
}

/** Sectors in the order the scenarios name them, for one colour per sector across scenarios. */
export function scenarioSectors(results: ScenarioResult[]): string[] {
  return [...new Set(results.flatMap((r) => r.added.map((a) => a.dims?.sector ?? '')))];
}

/**
 * Exports in the latest actual year and in each scenario, the added exports stacked by sector on top
 * of the actual ones, each bar ending with the coverage of imports it would give.
 */
export const buildScenarios: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'rebalancing-scenarios';
  const title = `Rebalancing scenarios: ${reporterName}'s exports to ${partnerName}`;
  const results = scenarioResults(set);
  const actual = results && pick(set, 'trade.exports', results.period);
  const imports = results && pick(set, 'trade.imports', results.period);
  const coverage = results && pick(set, 'trade.coverage', results.period);
  if (!results || results.scenarios.length === 0 || actual?.value == null) {
    return unavailable(
      id,
      title,
      `needs scenarios in the config, ${partnerName}'s import demand in their sectors and ${reporterName}'s exports by HS chapter`,
    );
  }
  const { period, scenarios } = results;
  const actualName = `Actual, ${period}${actual.provisional ? ' (provisional)' : ''}`;
  const rowLabel = (name: string) => wrapLabel(name, 44);
  const sectors = scenarioSectors(scenarios);
  const base = `Exports, ${period}`;
  const parts = [base, ...sectors.map((s) => `Added: ${sectorName(set, s).toLowerCase()}`)];
  const unit = unitFor(
    [actual, imports, ...scenarios.map((s) => s.exports)].map((i) => i?.value ?? 0),
    'bn',
  );
  const segment = (row: string, part: string, value: number) => ({
    row: rowLabel(row),
    part,
    order: parts.indexOf(part),
    amount: amountIn(value, unit),
  });
  const segments = [
    segment(actualName, base, actual.value),
    ...scenarios.flatMap((s) => [
      segment(s.name, base, actual.value ?? 0),
      ...s.added.map((a) =>
        segment(s.name, `Added: ${sectorName(set, a.dims?.sector ?? '').toLowerCase()}`, a.value ?? 0),
      ),
    ]),
  ];
  const ends = [
    {
      row: rowLabel(actualName),
      amount: amountIn(actual.value, unit),
      text: endText(actual, coverage, unit),
    },
    ...scenarios.map((s) => ({
      row: rowLabel(s.name),
      amount: amountIn(s.exports.value ?? 0, unit),
      text: endText(s.exports, s.coverage, unit),
    })),
  ];
  const rows = ends.map((e) => e.row);
  const lineCount = Math.max(...rows.map((r) => r.split('\n').length));
  const height = rows.length * Math.max(30, lineCount * 11 + 8);
  const labels = labelColumn(theme, rows, 'row', height);
  const used = [
    actual,
    ...(coverage ? [coverage] : []),
    ...scenarios.flatMap((s) => [s.exports, ...(s.coverage ? [s.coverage] : []), ...s.added]),
  ];
  const max = Math.max(...ends.map((e) => e.amount));
  // The scale runs far enough that the longest bar's end text stays inside the plot.
  const plotWidth = labels.plotWidth;
  const textWidth = Math.max(...ends.map((e) => measureText(e.text, theme.fontSize - 0.5)));
  const domainMax = (max * plotWidth) / (plotWidth - textWidth - 8);
  const alt =
    `Stacked bar chart of ${reporterName}'s exports to ${partnerName} in ${USD_UNITS[unit].long}: ${formatUsd(actual.value, unit)} in ${period}, covering ${coverage?.value == null ? 'an unknown share' : formatPercent(coverage.value)} of imports of ${formatUsd(imports?.value ?? 0, unit)}, and in each scenario with the exports it adds by sector. ` +
    scenarios
      .map(
        (s) =>
          `${s.name}: exports ${formatUsd(s.exports.value ?? 0, unit)}${s.coverage?.value == null ? '' : `, covering ${formatPercent(s.coverage.value)} of imports`}` +
          ` (added: ${s.added.map((a) => `${sectorName(set, a.dims?.sector ?? '').toLowerCase()} ${formatUsd(a.value ?? 0)}`).join(', ')}).`,
      )
      .join(' ');
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].long}; imports held at ${formatUsd(imports?.value ?? 0, unit)} (${period}); bar ends give exports and their coverage of imports`,
    source: sourceLine(set, used),
    body: {
      hconcat: [
        { ...labels.view, data: { values: ends } },
        {
          width: plotWidth,
          height,
          encoding: {
            y: { field: 'row', type: 'nominal', sort: rows, axis: null },
            x: {
              field: 'amount',
              type: 'quantitative',
              title: USD_UNITS[unit].short,
              scale: { domainMax },
              axis: { tickCount: 6 },
            },
          },
          layer: [
            {
              data: { values: segments },
              // A white edge between segments keeps them apart in greyscale too.
              mark: { type: 'bar', height: 14, stroke: 'white', strokeWidth: 0.8 },
              encoding: {
                color: {
                  field: 'part',
                  type: 'nominal',
                  scale: {
                    domain: parts,
                    range: [theme.accent, PALETTE.orange, PALETTE.vermillion, PALETTE.sky, PALETTE.purple],
                  },
                },
                order: { field: 'order', type: 'quantitative' },
              },
            },
            {
              data: { values: ends },
              mark: { type: 'text', align: 'left', dx: 4, fontSize: theme.fontSize - 0.5 },
              encoding: { text: { field: 'text' } },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};

/** "6.5 bn · 11.8 % of imports", "at most" where some sectors' exports are lower bounds. */
function endText(exports: Indicator, coverage: Indicator | undefined, unit: UsdUnit): string {
  const most = exports.status === 'partial' && exports.id === 'scenario.exports' ? 'at most ' : '';
  const value = formatBarLabel(exports.value ?? 0, unit);
  return coverage?.value == null
    ? `${most}${value}`
    : `${most}${value} · ${formatPercent(coverage.value)} of imports`;
}
