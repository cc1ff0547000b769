import type { RenderedChart } from '../../charts/build.ts';
import { chapterName, latestPeriod } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { millions, pct, pick, select, usd } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** What the reporter buys from, and sells to, the partner: chapters and the sectors they make up. */
export function writeComposition(
  w: Writer,
  set: IndicatorSet,
  charts: RenderedChart[],
  flow: 'import' | 'export',
): void {
  const { reporterName, partnerName } = set.meta;
  w.section(flow === 'import' ? `What ${reporterName} buys` : `What ${reporterName} sells`, {
    newPage: flow === 'import',
    keepWith: 60 + chartHeight(charts, `${flow}-composition`),
  });
  const scope = set.meta.partialScope;
  if (scope) {
    w.paragraph(
      `Scope: the inputs hold only ${scope.label} for this pair, and no total. The shares below are of ${flow}s of these products, not of ${reporterName}'s total ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName}.`,
    );
  }
  const period = latestPeriod(set, 'composition.chapter.value', { flow });
  if (!period) {
    w.paragraph(
      `Not available: the inputs have no ${flow}s by HS chapter between ${reporterName} and ${partnerName}.`,
    );
    return;
  }
  const sectors = select(set, 'composition.sector.share', { flow })
    .filter((i) => i.period === period && i.value !== null && (i.value ?? 0) > 0)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const sentences = sectors.slice(0, 4).map((s) => {
    const name = set.sectors.find((x) => x.id === s.dims?.sector)?.name ?? s.dims?.sector ?? '';
    const value = pick(set, 'composition.sector.value', period, { flow, sector: s.dims?.sector ?? '' });
    return `${name.toLowerCase()} ${s.status === 'partial' ? 'at least ' : ''}${pct(s.value ?? undefined)} (${usd(value?.value ?? undefined)})`;
  });
  const other = pick(set, 'composition.chapter.share', period, { flow, chapter: 'OTHER' });
  w.paragraph(
    `By sector, ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName} in ${period} were ${sentences.join('; ')}.` +
      (other?.value == null
        ? ''
        : ` The source itemises its largest chapters only; the remaining ${pct(other.value)} is shown as "Other chapters", so sector shares marked "at least" are lower bounds.`),
  );
  writeChart(w, charts, `${flow}-composition`);
  const chapters = select(set, 'composition.chapter.value', { flow })
    .filter((i) => i.period === period && i.dims?.chapter !== 'OTHER')
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  w.table({
    columns: [
      { header: 'HS', width: 0.07 },
      { header: 'Chapter', width: 0.59 },
      { header: 'USD m', width: 0.17, align: 'right' },
      { header: `Share of ${flow}s`, width: 0.17, align: 'right' },
    ],
    rows: chapters.map((c) => [
      c.dims?.chapter ?? '',
      chapterName(set, c.dims?.chapter ?? ''),
      millions(c.value ?? undefined),
      pct(
        pick(set, 'composition.chapter.share', period, { flow, chapter: c.dims?.chapter ?? '' })?.value ??
          undefined,
      ),
    ]),
  });
}
