import type { RenderedChart } from '../../charts/build.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { latestYears, pct, pick, select, usd, valueAt } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { writeChart } from './chart.ts';

/** Published trade targets: what the next one needs, and when earlier ones were reached. */
export function writeTargets(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  w.section('Targets', { newPage: true });
  const targets = select(set, 'target.value');
  if (targets.length === 0) {
    w.paragraph(
      'Not available: the inputs have no published trade target for the pair (topic "target", measure "trade_target").',
    );
    return;
  }
  const needed = select(set, 'target.requiredCagr').find((i) => i.value !== null);
  const achieved = pick(set, 'growth.total.cagr');
  const trend = pick(set, 'growth.total.trend');
  const { latest } = latestYears(set);
  if (needed && latest) {
    const target = pick(set, 'target.value', undefined, { targetYear: needed.dims?.targetYear ?? '' });
    w.paragraph(
      `From ${usd(valueAt(set, 'trade.total', latest), 'bn')} in ${latest}, reaching ${usd(target?.value ?? undefined, 'bn')} by ${target?.period} needs ${pct(needed.value ?? undefined)} growth a year over ${needed.period}.` +
        (achieved?.value != null
          ? ` Trade grew ${pct(achieved.value)} a year from ${achieved.dims?.from} to ${achieved.dims?.to} (endpoint)${trend?.value != null ? ` and ${pct(trend.value)} a year on the log-linear trend` : ''}.`
          : ''),
    );
  }
  writeChart(w, charts, 'target-path');
  w.table({
    columns: [
      { header: 'Target', width: 0.2, align: 'right' },
      { header: 'By', width: 0.1 },
      { header: 'Status', width: 0.42 },
      { header: 'Source', width: 0.28 },
    ],
    rows: targets.map((t) => {
      const year = t.dims?.targetYear ?? t.period;
      const reached = pick(set, 'target.reached', undefined, { targetYear: year });
      const need = pick(set, 'target.requiredCagr', undefined, { targetYear: year });
      const status = reached
        ? reached.value === 1
          ? `reached in ${reached.period}`
          : 'not reached'
        : need?.value != null
          ? `needs ${pct(need.value)} a year over ${need.period}`
          : 'not assessed';
      return [
        usd(t.value ?? undefined, 'bn'),
        year,
        status,
        set.sources.find((s) => s.id === t.sources[0])?.publisher ?? '',
      ];
    }),
  });
}
