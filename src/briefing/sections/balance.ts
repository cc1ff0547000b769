import type { RenderedChart } from '../../charts/build.ts';
import { USD_UNITS, unitFor } from '../../core/format.ts';
import { publishers, sortPeriods } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import {
  amount,
  beforeAndAfter,
  change,
  latestYears,
  levelShift,
  pct,
  pick,
  select,
  staleBeside,
  usd,
  valueAt,
} from '../facts.ts';
import { rate } from '../narrative.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** Years shown in the balance table: enough for the trend, few enough to read. */
const TABLE_YEARS = 6;

export function writeBalance(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName } = set.meta;
  w.section('The balance', { keepWith: 100 + chartHeight(charts, 'trade-over-time') });
  const { latest } = latestYears(set);
  const balances = select(set, 'trade.balance').filter((i) => i.value !== null);
  const first = balances[0];
  const deepest = balances.reduce<(typeof balances)[number] | undefined>(
    (a, b) => (!a || (b.value ?? 0) < (a.value ?? 0) ? b : a),
    undefined,
  );
  const x = pick(set, 'growth.exports.cagr');
  const m = pick(set, 'growth.imports.cagr');
  const deficits = balances.filter((b) => (b.value ?? 0) < 0).length;
  const record =
    deficits === balances.length
      ? `${reporterName} has run a deficit with ${partnerName} in every year of the series`
      : deficits === 0
        ? `${reporterName} has run a surplus with ${partnerName} in every year of the series`
        : `${reporterName} ran a deficit with ${partnerName} in ${deficits} of ${balances.length} years`;
  const text =
    balances.length === 1 && first
      ? `The balance was ${usd(first.value ?? undefined, 'bn')} in ${first.period}, the only year with both flows in the inputs.`
      : latest && first && deepest
        ? `${record}: the balance went from ${usd(first.value ?? undefined, 'bn')} in ${first.period} to ${usd(valueAt(set, 'trade.balance', latest), 'bn')} in ${latest} and was lowest in ${deepest.period} (${usd(deepest.value ?? undefined, 'bn')}).`
        : '';
  const shifted = levelShift(set, 'imports');
  const growth =
    x?.value != null && m?.value != null
      ? ` Since ${x.dims?.from}, imports ${rate(m.value, 'grew', 'fell')} a year and exports ${rate(x.value, 'grew', 'fell')} (compound annual rates, endpoint)` +
        (shifted
          ? `; imports shifted level in ${shifted.shift.period} (${change(shifted.shift.value ?? undefined)} on the year), growing ${beforeAndAfter(shifted)}.`
          : '.')
      : '';
  const weight = select(set, 'trade.partnerShareOfReporterTrade')
    .filter((i) => i.value !== null)
    .pop();
  const share = weight
    ? ` In ${weight.period}${/^\d{4}$/.test(weight.period) ? ' (calendar year)' : ''}, ${partnerName} accounted for ${pct(weight.value ?? undefined)} of ${reporterName}'s trade with the world (${publishers(set, weight.sources).join('; ')}${staleBeside(set, weight.period)}).`
    : '';
  if (text || growth || share) w.paragraph(`${text}${growth}${share}`.trim());
  writeChart(w, charts, 'trade-over-time');
  const years = select(set, 'trade.exports')
    .map((i) => i.period)
    .concat(select(set, 'trade.imports').map((i) => i.period));
  const periods = sortPeriods(years).slice(-TABLE_YEARS);
  const flows = ['trade.exports', 'trade.imports', 'trade.total', 'trade.balance'];
  const unit = unitFor(flows.flatMap((id) => periods.map((p) => valueAt(set, id, p) ?? 0)));
  const money = (id: string, period: string) => amount(valueAt(set, id, period), unit);
  const usdHeader = (name: string) => `${name}, ${USD_UNITS[unit].short}`;
  w.table({
    columns: [
      { header: 'Year', width: 0.17 },
      { header: usdHeader('Exports'), width: 0.145, align: 'right' },
      { header: usdHeader('Imports'), width: 0.145, align: 'right' },
      { header: usdHeader('Total'), width: 0.14, align: 'right' },
      { header: usdHeader('Balance'), width: 0.15, align: 'right' },
      { header: 'Exports / imports', width: 0.125, align: 'right' },
      { header: 'Total, change', width: 0.125, align: 'right' },
    ],
    rows: periods.map((p) => [
      pick(set, 'trade.total', p)?.provisional || pick(set, 'trade.exports', p)?.provisional
        ? `${p} (prov.)`
        : p,
      money('trade.exports', p),
      money('trade.imports', p),
      money('trade.total', p),
      money('trade.balance', p),
      pct(valueAt(set, 'trade.coverage', p)),
      change(valueAt(set, 'growth.total.yoy', p)),
    ]),
  });
}
