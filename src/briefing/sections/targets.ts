import type { RenderedChart } from '../../charts/build.ts';
import { formatNumber } from '../../core/format.ts';
import { parsePeriod } from '../../core/periods.ts';
import { publishers } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { change, latestYears, levelShift, pct, pick, select, usd, valueAt } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { writeChart } from './chart.ts';

const READING: Record<string, string> = {
  calendar: 'calendar year',
  fiscalStarting: 'fiscal year starting in it',
  fromFinal: 'from the latest final year',
};

/** Whole years between the ends of a span of fiscal or calendar labels: "FY2025-26–FY2029-30" → 4. */
function yearsBetween(span: string): number {
  const [from, to] = span.split('–').map((p) => parsePeriod(p)?.year ?? 0);
  return (to ?? 0) - (from ?? 0);
}

/** Published trade targets: what the next one needs, and when earlier ones were reached. */
export function writeTargets(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  w.section('Targets', { keepWith: 120 });
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
  const shifted = levelShift(set, 'total');
  const { latest } = latestYears(set);
  const readings = select(set, 'target.requiredCagrReading', {
    targetYear: needed?.dims?.targetYear ?? '',
  }).filter((i) => i.value !== null);
  if (needed && latest) {
    const target = pick(set, 'target.value', undefined, { targetYear: needed.dims?.targetYear ?? '' });
    const whole =
      achieved?.value != null
        ? `${pct(achieved.value)} a year from ${achieved.dims?.from} to ${achieved.dims?.to} (endpoint${trend?.value != null ? `; ${pct(trend.value)} on the log-linear trend` : ''})`
        : '';
    const history = shifted
      ? ` Trade grew ${pct(shifted.before?.value ?? undefined)} a year before the ${shifted.shift.period} level shift (${change(shifted.shift.value ?? undefined)} in one year) and ${pct(shifted.after?.value ?? undefined)} a year since; the whole series' ${whole} is mostly that one jump, no guide to the years ahead.`
      : whole
        ? ` Trade grew ${whole}.`
        : '';
    w.paragraph(
      `From ${usd(valueAt(set, 'trade.total', latest), 'bn')} in ${latest}${pick(set, 'trade.total', latest)?.provisional ? ' (provisional)' : ''}, reaching ${usd(target?.value ?? undefined, 'bn')} by ${target?.period} needs ${pct(needed.value ?? undefined)} growth a year over ${needed.period}` +
        (readings.length > 0
          ? `, the strictest reading; ${pct(Math.min(...readings.map((i) => i.value ?? 0)))} to ${pct(Math.max(...readings.map((i) => i.value ?? 0)))} on the others (table).`
          : '.') +
        history,
    );
  }
  writeChart(w, charts, 'target-path');
  if (needed && readings.length > 0) {
    const base = (from: string) => usd(valueAt(set, 'trade.total', from), 'bn');
    const start = needed.period.split('–')[0] ?? '';
    w.table({
      caption: `The ${usd(pick(set, 'target.value', undefined, { targetYear: needed.dims?.targetYear ?? '' })?.value ?? undefined, 'bn')} target for ${needed.dims?.targetYear} (${publishers(
        set,
        needed.sources.filter((id) => !pick(set, 'trade.total')?.sources.includes(id)),
      ).join('; ')}): readings of the target year, and the growth each needs`,
      columns: [
        { header: 'Target year read as', width: 0.4 },
        { header: 'From (base)', width: 0.34 },
        { header: 'Years', width: 0.08, align: 'right' },
        { header: 'Growth a year', width: 0.18, align: 'right' },
      ],
      rows: [
        [
          `${needed.period.split('–').pop()} (fiscal year ending in ${needed.dims?.targetYear})`,
          `${start}, ${base(start)}${pick(set, 'trade.total', start)?.provisional ? ' (provisional)' : ''}`,
          formatNumber(yearsBetween(needed.period), 0),
          pct(needed.value ?? undefined),
        ],
        ...readings.map((i) => [
          READING[i.dims?.reading ?? '']
            ? `${i.dims?.to} (${READING[i.dims?.reading ?? '']})`
            : (i.dims?.to ?? ''),
          `${i.dims?.from}, ${base(i.dims?.from ?? '')}${pick(set, 'trade.total', i.dims?.from)?.provisional ? ' (provisional)' : ''}`,
          formatNumber(Number(i.dims?.years), Number(i.dims?.years) % 1 === 0 ? 0 : 2),
          pct(i.value ?? undefined),
        ]),
      ],
    });
  }
  // The target read several ways is in the table above; the others, reached or not, are listed here.
  const others = targets.filter(
    (t) => readings.length === 0 || t.dims?.targetYear !== needed?.dims?.targetYear,
  );
  if (others.length === 0) return;
  w.table({
    columns: [
      { header: 'Target', width: 0.2, align: 'right' },
      { header: 'By', width: 0.1 },
      { header: 'Status', width: 0.42 },
      { header: 'Source', width: 0.28 },
    ],
    rows: others.map((t) => {
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
