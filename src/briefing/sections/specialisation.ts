import type { RenderedChart } from '../../charts/build.ts';
import { rcaComparison, rcaText } from '../../charts/specs/specialisation.ts';
import { indicatorNotes } from '../../core/messages.ts';
import { rcaNeeds } from '../../indicators/needs.ts';
import { chapterName, sectorName } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { pct, pick, staleness } from '../facts.ts';
import { joinList, shortName } from '../narrative.ts';
import type { Writer } from '../writer.ts';
import { writeChart } from './chart.ts';

/** Chapters named in the text for each side's specialisation the other lacks. */
const NAMED = 3;

/** Where each country is specialised (Balassa RCA), by chapter and by the config's sectors. */
export function writeSpecialisation(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName, reporter, partner } = set.meta;
  w.section('Specialisation', { keepWith: 120 });
  const comparison = rcaComparison(set);
  if (!comparison) {
    w.paragraph(`Not available: revealed comparative advantage ${rcaNeeds(set)}.`);
    return;
  }
  const { period, all } = comparison;
  const share = pick(set, 'specialisation.worldShare', period, { reporter });
  const world = share?.note?.replace(/^world = /, '');
  const above = (list: typeof all.reporter) => list.filter((i) => (i.value ?? 0) > 1).length;
  w.paragraph(
    `Revealed comparative advantage (RCA, Balassa) compares a chapter's weight in a country's exports with its weight in world exports; above 1, the country is specialised in it. ` +
      `For ${period}, “the world” is ${world ?? 'the reporters in the inputs'}, not every exporter, and “world exports” below means theirs. ` +
      `${reporterName}${share?.value == null ? '' : `, with ${pct(share.value)} of their exports,`} has an RCA above 1 in ${above(all.reporter)} of ${all.reporter.length} chapters; ${partnerName} in ${above(all.partner)} of ${all.partner.length}.`,
  );
  const stale = staleness(set, period, true);
  if (stale) {
    w.paragraph(
      `These are ${stale}: they describe what each country sold the world then, not the pair's trade today.`,
    );
  }
  // The chart lists chapters from the reporter's edge to the partner's: each side's clearest
  // specialisations the other lacks are at its own end of that list.
  type ByChapter = typeof comparison.reporter;
  const specialisedAlone = (chapters: string[], one: ByChapter, other: ByChapter) =>
    chapters
      .filter((c) => (one.get(c)?.value ?? 0) > 1 && (other.get(c)?.value ?? 0) < 1)
      .slice(0, NAMED)
      .map(
        (c) =>
          `${shortName(chapterName(set, c)).toLowerCase()} (HS ${c}: ${rcaText(one.get(c)?.value ?? 0)} against ${rcaText(other.get(c)?.value ?? 0)})`,
      );
  const ours = specialisedAlone(comparison.chapters, comparison.reporter, comparison.partner);
  const theirs = specialisedAlone(
    [...comparison.chapters].reverse(),
    comparison.partner,
    comparison.reporter,
  );
  if (ours.length > 0 || theirs.length > 0) {
    w.paragraph(
      [
        ours.length
          ? `Among the chapters shown, ${reporterName} is specialised where ${partnerName} is not in ${joinList(ours)}.`
          : '',
        theirs.length
          ? `${partnerName} is specialised where ${reporterName} is not in ${joinList(theirs)}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
  writeChart(w, charts, 'specialisation-rca');
  const sectors = set.sectors.filter(
    (s) => pick(set, 'specialisation.sectorRca', period, { reporter, sector: s.id }) !== undefined,
  );
  if (sectors.length === 0) return;
  const cell = (id: string, country: string, sector: string, format: (v: number) => string) => {
    const i = pick(set, id, period, { reporter: country, sector });
    if (i?.value == null) return 'n/a';
    // The engine marks a sector whose chapters are not all itemised: its value is a lower bound.
    return `${i.note?.includes(indicatorNotes.atLeast()) ? 'at least ' : ''}${format(i.value)}`;
  };
  w.table({
    heading: `By sector, ${period}`,
    columns: [
      { header: 'Sector', width: 0.34 },
      { header: `RCA, ${reporterName}`, width: 0.14, align: 'right' },
      { header: `RCA, ${partnerName}`, width: 0.14, align: 'right' },
      { header: `${reporterName}'s share of “world” exports`, width: 0.19, align: 'right' },
      { header: `${partnerName}'s share of “world” exports`, width: 0.19, align: 'right' },
    ],
    rows: sectors.map((s) => [
      sectorName(set, s.id),
      cell('specialisation.sectorRca', reporter, s.id, rcaText),
      cell('specialisation.sectorRca', partner, s.id, rcaText),
      cell('specialisation.sectorWorldShare', reporter, s.id, pct),
      cell('specialisation.sectorWorldShare', partner, s.id, pct),
    ]),
  });
}
