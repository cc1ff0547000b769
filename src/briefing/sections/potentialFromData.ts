import type { RenderedChart } from '../../charts/build.ts';
import { shortChapterLabel } from '../../charts/labels.ts';
import {
  type ChapterPotential,
  largestUntapped,
  TOP_CHAPTERS,
  withPotentialLeft,
} from '../../charts/specs/untappedPotential.ts';
import { formatShare, USD_UNITS, unitFor } from '../../core/format.ts';
import { chapterName, publishers, sectorName } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { headingName } from '../../reference/hs.ts';
import { amount, millions, pct, pick, select, usd, usdRange, worldOf } from '../facts.ts';
import { netOf } from '../narrative.ts';
import type { Column, Writer } from '../writer.ts';
import { writeChart } from './chart.ts';

/**
 * Export potential computed from the partner's imports from the world by HS chapter: the finding, the
 * chart of the largest untapped potentials, their table, and published demand estimates beside the
 * computed sector values, for the chapters `chapterPotentials` gives. False when there are none (the
 * inputs hold no such imports), so the caller says what it can.
 */
export function writePotentialFromData(
  w: Writer,
  set: IndicatorSet,
  charts: RenderedChart[],
  chapters: ChapterPotential[],
): boolean {
  const first = chapters[0];
  if (!first) return false;
  const { reporterName, partnerName, reporter } = set.meta;
  const period = first.untapped.period;
  const overall = pick(set, 'specialisation.worldShare', period, { reporter });
  const world = worldOf(set, period);
  const demand = select(set, 'matrix.demand').filter((i) => i.dims?.chapter && i.period === period);
  const totalDemand = demand.reduce((sum, i) => sum + (i.value ?? 0), 0);
  const positive = withPotentialLeft(chapters);
  const above = chapters.filter((c) => (c.untapped.value ?? 0) < 0).length;
  const top = largestUntapped(chapters);
  const sum = (list: ChapterPotential[]) => list.reduce((s, c) => s + Math.max(0, c.untapped.value ?? 0), 0);
  const under = select(set, 'matrix.shareGap').filter((i) => i.period === period && (i.value ?? 0) > 0);
  const largestPart =
    positive.length > TOP_CHAPTERS ? `, ${usd(sum(top))} of it in the ${TOP_CHAPTERS} largest` : '';
  w.paragraph(
    `${partnerName} imported ${usd(totalDemand)} from the world in ${period} across ${demand.length} HS chapter${demand.length === 1 ? '' : 's'}. ` +
      `${reporterName} holds ${pct(overall?.value ?? undefined)} of ${world}; in ${under.length} of ${chapters.length} chapters its share of ${partnerName}'s imports is below its world share in the chapter. ` +
      (positive.length === 0
        ? `Selling ${partnerName} at that world share, chapter by chapter, it would sell no more than it does: no chapter has potential left untapped.`
        : `Selling ${partnerName} at that world share, chapter by chapter, it would sell ${usd(sum(positive))} more than it does in the ${positive.length} chapter${positive.length > 1 ? 's' : ''} where it sells below that share${largestPart}` +
          (above > 0
            ? ` (${netOf(
                chapters.reduce((s, c) => s + (c.untapped.value ?? 0), 0),
                above,
              )})`
            : '') +
          '. ' +
          `The largest untapped potential is in HS ${first.chapter} (${chapterName(set, first.chapter).toLowerCase()}): ${usd(first.potential?.value ?? undefined)} against exports of ${usd(first.exports?.value ?? undefined)}.`),
  );
  w.paragraph(
    `Method: demand × supply “lite” potential, by HS chapter, from the data: ${partnerName}'s imports from the world in a chapter times ${reporterName}'s share of “world” exports of it; untapped = potential − ${reporterName}'s exports to ${partnerName}. ` +
      `Set beside it, ${reporterName}'s share of ${partnerName}'s imports against its world share shows where it under-sells (the market-share gap, in tables/potential.csv). ` +
      `“World” is ${world}, not every exporter. A yardstick, not a forecast: one year, no tariffs, distance or ease of trade.`,
  );
  // With no potential left, the paragraph says so: no chart or table of zeros.
  if (top.length > 0) writeLargestChapters(w, set, charts, top, chapters.length);
  writeHeadings(w, set);
  writeSecondOpinion(w, set, period);
  return true;
}

/** The chart of the largest untapped potentials by chapter, and their table. */
function writeLargestChapters(
  w: Writer,
  set: IndicatorSet,
  charts: RenderedChart[],
  top: ChapterPotential[],
  chapters: number,
): void {
  const { partnerName, reporter, partner } = set.meta;
  const period = top[0]?.untapped.period ?? '';
  writeChart(w, charts, 'untapped-potential');
  // The unit suits what the table compares, potential against exports; the partner's demand from the
  // world is far larger and reads as whole thousands or millions in it, where the reverse would print
  // a small pair's potentials as "<0.1".
  const unit = unitFor(top.flatMap((c) => [c.potential, c.exports, c.untapped].map((i) => i?.value ?? 0)));
  const m = (i: Indicator | undefined) => amount(i?.value ?? undefined, unit);
  w.table({
    caption: `${USD_UNITS[unit].long}, ${period}; ${largestOf(top.length, `${chapters} chapters`)} (all in tables/potential.csv)`,
    columns: potentialColumns('HS chapter', partnerName),
    rows: top.map((c) => {
      const at = { chapter: c.chapter };
      const market = pick(set, 'fit.marketShare', period, { exporter: reporter, importer: partner, ...at });
      const worldShare = pick(set, 'specialisation.chapterWorldShare', period, { reporter, ...at });
      return [
        `${c.chapter} ${shortChapterLabel(chapterName(set, c.chapter), 34)}`,
        m(c.demand),
        share(market),
        share(worldShare),
        m(c.potential),
        m(c.exports),
        m(c.untapped),
      ];
    }),
  });
}

/** Headings the table lists: the largest untapped potentials. */
const TABLE_HEADINGS = 8;

/**
 * The same potential by HS4 heading, where the inputs hold the partner's imports from the world and
 * world exports by heading: the finding, then the largest untapped headings.
 */
function writeHeadings(w: Writer, set: IndicatorSet): void {
  const total = select(set, 'heading.untappedTotal')[0];
  if (total?.value == null) return;
  const { reporterName, partnerName, reporter, partner } = set.meta;
  const { period } = total;
  const at = (id: string, heading: string) => pick(set, id, period, { heading });
  const ranked = select(set, 'heading.untapped')
    .filter((i) => i.period === period && i.dims?.rank && (i.value ?? 0) > 0)
    .sort((a, b) => Number(a.dims?.rank) - Number(b.dims?.rank));
  const top = ranked.slice(0, TABLE_HEADINGS);
  const headings = Number(total.dims?.headings ?? 0);
  const positive = Number(total.dims?.positive ?? 0);
  const over = headings === 1 ? 'the one heading' : `the ${headings} headings`;
  const named = (code: string) => `${code} ${headingLabel(code, 40).toLowerCase()}`;
  const lead = top.slice(0, 3).map((u) => `${named(u.dims?.heading ?? '')} (${usd(u.value ?? undefined)})`);
  w.paragraph(
    top.length === 0
      ? `By HS4 heading, over ${over} ${partnerName} imports and ${reporterName} exports, no heading has potential left untapped in ${period}.`
      : `By HS4 heading, the largest untapped ${lead.length === 1 ? 'potential is' : 'potentials are'} ${listOf(lead)}. Over ${over} ${partnerName} imports and ${reporterName} exports in ${period}, ${positive === 1 ? 'one has' : `${positive} have`} some left, ${usd(total.value)} in all. ` +
          `“World” is the exports of the ${total.dims?.exporters ?? ''} exporters in the inputs, not every exporter.`,
  );
  if (top.length === 0) return;
  // As in the chapter table: the unit of potential and exports, not of the partner's demand.
  const amounts = ['heading.potential', 'heading.exports'].flatMap((id) =>
    top.map((u) => at(id, u.dims?.heading ?? '')?.value ?? 0),
  );
  const unit = unitFor([...amounts, ...top.map((u) => u.value ?? 0)]);
  const m = (i: Indicator | undefined) => amount(i?.value ?? undefined, unit);
  w.table({
    caption: `${USD_UNITS[unit].long}, ${period}; ${largestOf(top.length, `${headings} HS4 headings`)} (all in tables/potential_headings.csv)`,
    columns: potentialColumns('HS4 heading', partnerName),
    rows: top.map((u) => {
      const heading = u.dims?.heading ?? '';
      const market = pick(set, 'heading.marketShare', period, {
        heading,
        exporter: reporter,
        importer: partner,
      });
      return [
        `${heading} ${headingLabel(heading, 34)}`,
        m(at('heading.demand', heading)),
        share(market),
        share(at('heading.worldShare', heading)),
        m(at('heading.potential', heading)),
        m(at('heading.exports', heading)),
        m(u),
      ];
    }),
  });
}

/** A heading's name to its first clause ("Medicaments", not the exclusions after it), cut to `limit`. */
function headingLabel(code: string, limit: number): string {
  const name = headingName(code) ?? '';
  return shortChapterLabel(name.split(';')[0] ?? name, limit);
}

/** "a, b and c". */
function listOf(items: string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Published demand estimates of the config's sectors beside the values computed from the data. */
function writeSecondOpinion(w: Writer, set: IndicatorSet, period: string): void {
  const { partnerName } = set.meta;
  const published = select(set, 'opportunity.demand').filter((i) => i.value !== null);
  if (published.length === 0) return;
  w.table({
    caption: `USD million; published estimates of ${partnerName}'s import demand beside the values computed from the data, a second opinion (their scope and year are not always stated)`,
    columns: [
      { header: 'Sector', width: 0.18 },
      { header: `Imports from the world, ${period}`, width: 0.14, align: 'right' },
      { header: 'Potential from the data', width: 0.13, align: 'right' },
      { header: 'Published demand', width: 0.14, align: 'right' },
      { header: 'Potential at published demand', width: 0.14, align: 'right' },
      { header: 'Source and confidence', width: 0.27 },
    ],
    rows: published.map((d) => {
      const sector = d.dims?.sector ?? '';
      const computed = pick(set, 'matrix.demand', period, { sector });
      const potential = pick(set, 'matrix.potential', period, { sector });
      const atPublished = select(set, 'potential.exports', { sector }).find((i) => i.value !== null);
      return [
        sectorName(set, sector),
        `${computed?.status === 'partial' ? 'at least ' : ''}${millions(computed?.value ?? undefined)}`,
        millions(potential?.value ?? undefined),
        usdRange(d.value ?? undefined, d.high, 'm')
          .replace(/^USD /, '')
          .replace(/ m$/, ''),
        millions(atPublished?.value ?? undefined),
        `${publishers(set, d.sources).join('; ')}, ${d.period}; ${d.dims?.confidence ?? ''} confidence`,
      ];
    }),
  });
}

/** "the 8 largest untapped potentials of 96 chapters", "the largest untapped potential of 2 chapters". */
function largestOf(count: number, of: string): string {
  return count === 1
    ? `the largest untapped potential of ${of}`
    : `the ${count} largest untapped potentials of ${of}`;
}

/** The columns of both potential tables, by chapter and by heading: what is ranked, then the same figures. */
function potentialColumns(ranked: string, partnerName: string): Column[] {
  return [
    { header: ranked, width: 0.25 },
    { header: `${partnerName}'s imports from the world`, width: 0.13, align: 'right' },
    { header: `Share of ${partnerName}'s imports`, width: 0.11, align: 'right' },
    { header: 'World share', width: 0.1, align: 'right' },
    { header: 'Potential', width: 0.13, align: 'right' },
    { header: `Exports to ${partnerName}`, width: 0.14, align: 'right' },
    { header: 'Untapped', width: 0.14, align: 'right' },
  ];
}

/** A share in a potential table, "n/a" where there is none. */
function share(i: Indicator | undefined): string {
  return i?.value == null ? 'n/a' : formatShare(i.value);
}
