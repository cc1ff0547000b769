import type { RenderedChart } from '../../charts/build.ts';
import { chapterMix } from '../../charts/specs/compositionOverTime.ts';
import { chapterName, latestPeriod, sectorName } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { pct, percentText, pick, select, usdRange } from '../facts.ts';
import { joinList } from '../narrative.ts';
import { COLOURS, TYPE } from '../style.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What the reporter buys from, and sells to, the partner: chapters and the sectors they make up. */
export function writeComposition(
  w: Writer,
  set: IndicatorSet,
  charts: RenderedChart[],
  flow: 'import' | 'export',
): void {
  const { reporterName, partnerName } = set.meta;
  w.section(flow === 'import' ? `What ${reporterName} buys` : `What ${reporterName} sells`, {
    keepWith: 60 + chartHeight(charts, `${flow}-composition`),
  });
  const scope = set.meta.partialScope;
  if (scope) {
    w.paragraph(
      `Scope: the inputs hold only ${scope.label} for this pair, and no total. The shares below are of ${flow}s of these products, not of ${reporterName}'s total ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName}.`,
    );
  }
  const period = latestPeriod(set, 'composition.chapter.value', { flow });
  const tradeId = flow === 'import' ? 'trade.imports' : 'trade.exports';
  const lastTrade = latestPeriod(set, tradeId);
  if (!period && lastTrade && pick(set, tradeId, lastTrade)?.value === 0) {
    w.paragraph(
      `None: the inputs record no ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName} in ${lastTrade}, so there is no composition to show.`,
    );
    return;
  }
  if (!period) {
    w.paragraph(
      `Not available: the inputs have no ${flow}s by HS chapter between ${reporterName} and ${partnerName}.`,
    );
    return;
  }
  const inPeriod = select(set, 'composition.sector.share', { flow }).filter(
    (i) => i.period === period && i.value !== null,
  );
  const sectors = inPeriod.filter((i) => (i.value ?? 0) > 0).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const sentences = sectors.slice(0, 4).map((s) => {
    const value = pick(set, 'composition.sector.value', period, { flow, sector: s.dims?.sector ?? '' });
    return `${sectorName(set, s.dims?.sector ?? '').toLowerCase()} ${percentText(s)} (${usdRange(value?.value ?? undefined, value?.high)})`;
  });
  // Sectors with no chapter in the source's list: kept in view, with the most they can be.
  const hidden = inPeriod.filter((i) => i.value === 0 && i.high !== undefined);
  const most = Math.max(...hidden.map((i) => i.high ?? 0));
  const other = pick(set, 'composition.chapter.share', period, { flow, chapter: 'OTHER' });
  const outside = outsideSectors(set, flow, period);
  w.paragraph(
    `By sector, ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName} in ${period} were ${sentences.join('; ')}.` +
      (outside > 0
        ? ` ${other?.value == null ? '' : 'At least '}${pct(outside)} of ${flow}s is in chapters of none of these sectors.`
        : '') +
      (other?.value == null
        ? ''
        : ` The source itemises its largest chapters only; the remaining ${pct(other.value)} is shown as "Other chapters", so a sector with chapters outside the list is a range: the chapters listed at least, at most what its other chapters can hold, none larger than the smallest chapter listed.`) +
      (hidden.length === 0
        ? ''
        : ` ${capitalise(joinList(hidden.map((i) => sectorName(set, i.dims?.sector ?? '').toLowerCase())))} ${hidden.length > 1 ? 'have' : 'has'} no chapter in the list: ${hidden.length > 1 ? 'each is' : 'it is'} at most ${pct(most)} of ${flow}s.`),
  );
  writeChart(w, charts, `${flow}-composition`);
  writeOverTime(w, set, charts, flow);
  w.paragraph(
    'Every chapter, with its value and share, is in the annex (table A1) and in tables/composition.csv.',
    { size: TYPE.body - 0.5, colour: COLOURS.muted },
  );
}

/** Where more than one year is itemised by chapter: how the largest chapter's share moved, and the chart. */
function writeOverTime(
  w: Writer,
  set: IndicatorSet,
  charts: RenderedChart[],
  flow: 'import' | 'export',
): void {
  const mix = chapterMix(set, flow);
  const top = mix?.chapters[0];
  if (!mix || top === undefined || !charts.some((c) => c.id === `${flow}-composition-time` && c.svg)) return;
  const first = mix.periods[0] ?? '';
  const last = mix.periods[mix.periods.length - 1] ?? '';
  const mover = [...mix.chapters].sort(
    (a, b) =>
      Math.abs(mix.share(b, last) - mix.share(b, first)) - Math.abs(mix.share(a, last) - mix.share(a, first)),
  )[0];
  const moved = (chapter: string) =>
    `HS ${chapter} (${chapterName(set, chapter).toLowerCase()}) went from ${pct(mix.share(chapter, first))} of ${flow}s in ${first} to ${pct(mix.share(chapter, last))} in ${last}`;
  w.paragraph(
    `Over time, ${moved(top)}` +
      (mover !== undefined && mover !== top
        ? `; among the largest chapters, the share that moved most is ${moved(mover)}.`
        : '.'),
  );
  writeChart(w, charts, `${flow}-composition-time`);
}

/** The share of a flow in itemised chapters that belong to no configured sector (the unitemised rest aside). */
function outsideSectors(set: IndicatorSet, flow: string, period: string): number {
  const unassigned = new Set(set.chapters.filter((c) => c.sector === 'other').map((c) => c.code));
  return select(set, 'composition.chapter.share', { flow })
    .filter((i) => i.period === period && unassigned.has(i.dims?.chapter ?? ''))
    .reduce((sum, i) => sum + (i.value ?? 0), 0);
}
