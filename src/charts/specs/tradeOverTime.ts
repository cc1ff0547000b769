import { amountIn, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { select, sortPeriods } from '../../indicators/query.ts';
import { type ChartBuilder, framed, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

/** Exports, imports and the balance for every year of the pair's series. */
export const buildTradeOverTime: ChartBuilder = (set, theme) => {
  const id = 'trade-over-time';
  const { reporterName, partnerName } = set.meta;
  const title = `${reporterName}'s trade with ${partnerName}`;
  const series = [
    { id: 'trade.imports', name: `Imports from ${partnerName}` },
    { id: 'trade.exports', name: `Exports to ${partnerName}` },
    { id: 'trade.balance', name: 'Balance' },
  ];
  const used = series.flatMap((s) => select(set, s.id).filter((i) => i.value !== null));
  const periods = sortPeriods(used.map((i) => i.period));
  if (periods.length < 2) return unavailable(id, title, 'needs at least two years of exports or imports');
  const unit = unitFor(
    used.map((i) => i.value ?? 0),
    'bn',
  );
  const values = series.flatMap((s) =>
    select(set, s.id)
      .filter((i) => i.value !== null)
      .map((i) => ({ period: i.period, series: s.name, amount: amountIn(i.value ?? 0, unit) })),
  );
  const first = periods[0];
  const last = periods[periods.length - 1];
  const at = (sid: string, period: string | undefined) =>
    select(set, sid).find((i) => i.period === period)?.value;
  const balances = select(set, 'trade.balance').filter((i) => i.value !== null);
  const deepest = balances.reduce<(typeof balances)[number] | undefined>(
    (a, b) => (a === undefined || (b.value ?? 0) < (a.value ?? 0) ? b : a),
    undefined,
  );
  const describe = (sid: string, noun: string) => {
    const a = at(sid, first);
    const b = at(sid, last);
    return a == null || b == null ? '' : ` ${noun} went from ${formatUsd(a, unit)} to ${formatUsd(b, unit)}.`;
  };
  const alt =
    `Line chart of ${reporterName}'s exports to and imports from ${partnerName} and the balance, ${first} to ${last}, in ${USD_UNITS[unit].long}.` +
    describe('trade.imports', 'Imports') +
    describe('trade.exports', 'Exports') +
    (deepest?.value != null
      ? ` The balance was lowest in ${deepest.period}, at ${formatUsd(deepest.value, unit)}.`
      : '');
  const colours = [theme.accent, PALETTE.orange, PALETTE.vermillion];
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].long}, ${set.meta.vintage.basis === 'fiscal' ? 'fiscal years April–March' : 'calendar years'}`,
    source: sourceLine(set, used),
    height: 190,
    body: {
      data: { values },
      layer: [
        { mark: { type: 'rule', color: PALETTE.rule }, encoding: { y: { datum: 0 } } },
        {
          mark: { type: 'line', point: { filled: true, size: 22 }, strokeWidth: 1.8 },
          encoding: {
            x: {
              field: 'period',
              type: 'ordinal',
              sort: periods,
              title: null,
              axis: { labelAngle: -45, labelExpr: "replace(datum.label, 'FY', '')" },
            },
            y: {
              field: 'amount',
              type: 'quantitative',
              title: USD_UNITS[unit].short,
              axis: { tickCount: 6 },
            },
            color: {
              field: 'series',
              type: 'nominal',
              sort: series.map((s) => s.name),
              scale: { domain: series.map((s) => s.name), range: colours },
            },
            strokeDash: {
              field: 'series',
              type: 'nominal',
              sort: series.map((s) => s.name),
              scale: { domain: series.map((s) => s.name), range: [[], [], [4, 2]] },
            },
            shape: {
              field: 'series',
              type: 'nominal',
              scale: { domain: series.map((s) => s.name), range: ['circle', 'square', 'triangle-down'] },
            },
          },
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};
