import { amountIn, formatPercent, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { select, sortPeriods } from '../../indicators/query.ts';
import { type ChartBuilder, framed, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

/** Total trade so far, the path a future target needs, and the path at the growth achieved so far. */
export const buildTargetPath: ChartBuilder = (set, theme) => {
  const id = 'target-path';
  const requiredGrowth = select(set, 'target.requiredCagr').find((i) => i.value !== null);
  const targetYear = requiredGrowth?.dims?.targetYear;
  const target = select(set, 'target.value', targetYear ? { targetYear } : {}).pop();
  const title = target
    ? `The ${formatUsd(target.value ?? 0, 'bn')} target for ${target.period}`
    : 'Trade target';
  if (!requiredGrowth || !target || !targetYear) {
    return unavailable(
      id,
      title,
      'needs a published trade target for a year after the latest data (topic "target", measure "trade_target")',
    );
  }
  const totals = select(set, 'trade.total').filter((i) => i.value !== null);
  const paths = select(set, 'target.path', { targetYear });
  const last = totals[totals.length - 1];
  if (!last) return unavailable(id, title, 'needs total trade for at least one year');
  const required = paths.filter((p) => p.dims?.path === 'required');
  const achieved = paths.filter((p) => p.dims?.path === 'achieved');
  const achievedRate = Number(achieved[0]?.dims?.growth);
  const shift = select(set, 'growth.total.levelShift').pop();
  const names = {
    actual: 'Total trade',
    required: `Needed: ${formatPercent(requiredGrowth.value ?? 0)} a year`,
    achieved: `At the ${achieved[0] ? formatPercent(achievedRate) : ''} a year achieved ${shift ? `since the ${shift.period} level shift` : `since ${totals[0]?.period}`}`,
  };
  const unit = unitFor(
    [...totals, target, ...paths].map((i) => i.value ?? 0),
    'bn',
  );
  const point = (series: string) => (i: { period: string; value: number | null }) => ({
    series,
    period: i.period,
    amount: amountIn(i.value ?? 0, unit),
  });
  const values = [
    ...totals.map(point(names.actual)),
    ...[last, ...required].map(point(names.required)),
    ...(achieved.length ? [last, ...achieved].map(point(names.achieved)) : []),
  ];
  const periods = sortPeriods([...totals, ...paths].map((i) => i.period));
  const seriesNames = achieved.length
    ? [names.actual, names.required, names.achieved]
    : [names.actual, names.required];
  const finalPeriod = required[required.length - 1]?.period;
  const alt =
    `Line chart of total trade between ${set.meta.reporterName} and ${set.meta.partnerName}, ${totals[0]?.period} to ${last.period}, in ${USD_UNITS[unit].long}, ` +
    `with the path to ${formatUsd(target.value ?? 0, 'bn')} by ${finalPeriod}. Reaching it needs ${formatPercent(requiredGrowth.value ?? 0)} growth a year from ${formatUsd(last.value ?? 0, unit)} in ${last.period}` +
    (achieved.length
      ? `; growth ${shift ? `since the ${shift.period} level shift` : `since ${totals[0]?.period}`} averaged ${formatPercent(achievedRate)} a year.`
      : '.');
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].long}; the target year ${target.period} is read as ${finalPeriod}, the fiscal year ending in ${target.period}`,
    source: sourceLine(set, [...totals, target, ...paths]),
    height: 180,
    body: {
      data: { values },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 1.8, point: { filled: true, size: 16 } },
          encoding: {
            x: {
              field: 'period',
              type: 'ordinal',
              sort: periods,
              title: null,
              axis: { labelAngle: -45, labelExpr: "replace(datum.label, 'FY', '')" },
            },
            y: { field: 'amount', type: 'quantitative', title: USD_UNITS[unit].short },
            color: {
              field: 'series',
              type: 'nominal',
              scale: { domain: seriesNames, range: [theme.accent, PALETTE.vermillion, PALETTE.grey] },
            },
            strokeDash: {
              field: 'series',
              type: 'nominal',
              scale: { domain: seriesNames, range: [[], [5, 3], [2, 2]] },
            },
          },
        },
        {
          data: {
            values: [
              {
                period: finalPeriod,
                amount: amountIn(target.value ?? 0, unit),
                text: `Target ${formatUsd(target.value ?? 0, 'bn')}`,
              },
            ],
          },
          layer: [
            {
              mark: { type: 'point', shape: 'diamond', size: 70, filled: true, color: PALETTE.vermillion },
              encoding: {
                x: { field: 'period', type: 'ordinal', sort: periods },
                y: { field: 'amount', type: 'quantitative' },
              },
            },
            // The target as a faint line across the years, labelled at the left, where the paths
            // never reach: a label beside the end point would sit on the projected paths.
            {
              mark: { type: 'rule', color: PALETTE.vermillion, strokeDash: [1, 3], opacity: 0.7 },
              encoding: { y: { field: 'amount', type: 'quantitative' } },
            },
            {
              mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -3, fontSize: theme.fontSize },
              encoding: {
                x: { value: 4 },
                y: { field: 'amount', type: 'quantitative' },
                text: { field: 'text' },
              },
            },
          ],
        },
      ],
    },
  });
  return {
    id,
    title,
    spec,
    alt,
    sources: [...new Set([...totals, target].flatMap((i) => i.sources))].sort(),
  };
};
