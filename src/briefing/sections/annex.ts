import { shortChapterLabel } from '../../charts/labels.ts';
import { rcaText } from '../../charts/specs/specialisation.ts';
import { formatShare, USD_UNITS, type UsdUnit, unitFor } from '../../core/format.ts';
import { compactChapters } from '../../core/hs.ts';
import { chapterName, sortPeriods } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { amount, indexText, select } from '../facts.ts';
import { joinList } from '../narrative.ts';
import { COLOURS, TYPE } from '../style.ts';
import type { Column, Writer } from '../writer.ts';

/** Years the chapter × year table shows for each flow; tables/composition.csv holds them all. */
const MOST_YEARS = 4;
/** Characters a chapter's name keeps in an annex table, so each row is one line. */
const NAME_LENGTH = 34;

/** A measure of the annex's table by chapter: the latest period it has, one column. */
interface Measure {
  header: string;
  indicators: Indicator[];
  text: (i: Indicator) => string;
  /** What a chapter without a value shows: no trade, not itemised by the source, or not available. */
  absent: string;
  /** One direction of the pair's trade, as opposed to an index or a share. */
  flow?: boolean;
}

/** How the annex writes a chapter with no value, and what the caption says each mark means. */
const ABSENT = {
  none: { mark: '–', meaning: '– no trade' },
  unlisted: { mark: 'n.i.', meaning: 'n.i. not itemised by the source (in "Other chapters")' },
  unavailable: { mark: 'n/a', meaning: 'n/a not available' },
} as const;

/**
 * The full tables behind the sections, at the end of the briefing: every HS chapter of the pair's trade
 * with its measures in the latest year, and, where more than one year is itemised, both flows by chapter
 * and year. The sections show the few chapters that matter; the tables/*.csv files hold the same rows.
 */
export function writeAnnex(w: Writer, set: IndicatorSet): void {
  const flows = (['import', 'export'] as const).flatMap((flow) =>
    latest(select(set, 'composition.chapter.value', { flow })),
  );
  const unit = unitFor(flows.map((i) => i.value ?? 0));
  const measures = chapterMeasures(set, unit);
  const all = chaptersOf(measures);
  if (all.length === 0) return;
  const idle = withoutTrade(measures, all);
  const chapters = all.filter((c) => !idle.includes(c));
  w.section('Annex: tables by HS chapter', { keepWith: 160 });
  w.paragraph(
    'Every HS chapter of the pair’s trade, largest first; the same figures, and every year, are in tables/composition.csv and tables/structure.csv.',
    { size: TYPE.body - 0.5, colour: COLOURS.muted },
  );
  w.table({
    heading: 'A1. Trade and its structure by HS chapter',
    dense: true,
    caption: [
      `Imports and exports in ${USD_UNITS[unit].long}; each measure in the period its column names; Grubel–Lloyd from 0 (trade one way) to 1 (fully two-way); RCA above 1 = specialised`,
      ...Object.values(ABSENT)
        .filter((a) => measures.some((m) => m.absent === a.mark))
        .map((a) => a.meaning),
    ].join('; '),
    columns: [
      { header: 'HS', width: 0.06 },
      { header: 'Chapter', width: 0.3 },
      ...measures.map((m): Column => ({ header: m.header, width: 0.64 / measures.length, align: 'right' })),
    ],
    rows: chapters.map((chapter) => [
      chapter === 'OTHER' ? '' : chapter,
      shortChapterLabel(chapterName(set, chapter), NAME_LENGTH),
      ...measures.map((m) => {
        const found = m.indicators.find((i) => i.dims?.chapter === chapter);
        // The source's unlisted rest has flows only: no index or share of its own.
        return found ? m.text(found) : chapter === 'OTHER' ? '' : m.absent;
      }),
    ]),
  });
  if (idle.length > 0) {
    const periods = [...new Set(measures.filter((m) => m.flow).map((m) => m.indicators[0]?.period ?? ''))];
    const one = idle.length === 1;
    w.paragraph(
      `${idle.length} chapter${one ? '' : 's'} with no trade between ${set.meta.reporterName} and ${set.meta.partnerName} either way in ${joinList(periods)} ${one ? 'is' : 'are'} not listed: ${compactChapters(idle)}; ${one ? 'its' : 'their'} market shares and RCA are in tables/structure.csv.`,
      { size: TYPE.body - 0.5, colour: COLOURS.muted },
    );
  }
  writeByYear(w, set);
}

/**
 * Chapters the pair is known not to trade in, in the period shown: both flows itemise every chapter (no
 * "Other chapters" rest) and neither has a value above zero for them. A top-N source says nothing of this.
 */
function withoutTrade(measures: Measure[], chapters: string[]): string[] {
  const flows = measures.filter((m) => m.flow);
  if (flows.length < 2 || flows.some((m) => m.absent !== ABSENT.none.mark)) return [];
  const traded = (chapter: string) =>
    flows.some((m) => m.indicators.some((i) => i.dims?.chapter === chapter && (i.value ?? 0) > 0));
  return chapters.filter((c) => c !== 'OTHER' && !traded(c));
}

/** A by-chapter measure's values in its latest period with any. */
function latest(list: Indicator[]): Indicator[] {
  const withValue = list.filter((i) => i.value !== null && i.dims?.chapter);
  const period = sortPeriods(withValue.map((i) => i.period)).pop();
  return withValue.filter((i) => i.period === period);
}

/**
 * The latest period of each by-chapter measure the inputs allow, in the order a reader compares them;
 * flows in `unit`.
 */
function chapterMeasures(set: IndicatorSet, unit: UsdUnit): Measure[] {
  const { reporter, partner, reporterName, partnerName } = set.meta;
  const measure = (
    header: string,
    list: Indicator[],
    text: (i: Indicator) => string,
    absent: string = ABSENT.unavailable.mark,
  ): Measure[] => {
    const kept = latest(list);
    return kept.length === 0
      ? []
      : [{ header: `${header}, ${kept[0]?.period}`, indicators: kept, text, absent }];
  };
  const usd = (i: Indicator) => amount(i.value ?? undefined, unit);
  const share = (i: Indicator) => (i.value === null ? 'n/a' : formatShare(i.value));
  const index = (i: Indicator) => indexText(i);
  // A flow whose source lists its largest chapters only (an "Other chapters" rest) says nothing of the others.
  const flow = (name: 'import' | 'export', header: string) => {
    const list = select(set, 'composition.chapter.value', { flow: name });
    const period = sortPeriods(list.filter((i) => i.value !== null).map((i) => i.period)).pop();
    const unlisted = list.some((i) => i.period === period && i.dims?.chapter === 'OTHER');
    return measure(header, list, usd, unlisted ? ABSENT.unlisted.mark : ABSENT.none.mark).map((m) => ({
      ...m,
      flow: true,
    }));
  };
  return [
    // The caption names the unit, as in the table by year: "Imports, USD thousand, 2023" breaks in a column.
    ...flow('import', 'Imports'),
    ...flow('export', 'Exports'),
    ...measure('Grubel–Lloyd', select(set, 'intraIndustry.chapter'), index),
    ...measure(
      `${reporterName}'s share of ${partnerName}'s imports`,
      select(set, 'fit.marketShare', { exporter: reporter, importer: partner }),
      share,
    ),
    ...measure(
      `${partnerName}'s share of ${reporterName}'s imports`,
      select(set, 'fit.marketShare', { exporter: partner, importer: reporter }),
      share,
    ),
    ...measure(`RCA, ${reporterName}`, select(set, 'specialisation.rca', { reporter }), rca),
    ...measure(`RCA, ${partnerName}`, select(set, 'specialisation.rca', { reporter: partner }), rca),
  ];
}

/** RCA as the charts and the text print it. */
function rca(i: Indicator): string {
  return rcaText(i.value ?? 0);
}

/**
 * The chapters of the pair's trade: those with a flow either way, or an index of the pair; world-side
 * measures (RCA) alone don't add a chapter. Largest trade first, the source's "Other chapters" last.
 */
function chaptersOf(measures: Measure[]): string[] {
  const trade = new Map<string, number>();
  for (const m of measures) {
    if (m.header.startsWith('RCA')) continue;
    for (const i of m.indicators) {
      const chapter = i.dims?.chapter ?? '';
      const amount = i.formula === 'reported' ? (i.value ?? 0) : 0;
      trade.set(chapter, (trade.get(chapter) ?? 0) + amount);
    }
  }
  return [...trade.entries()]
    .sort(([a, x], [b, y]) => Number(a === 'OTHER') - Number(b === 'OTHER') || y - x || a.localeCompare(b))
    .map(([chapter]) => chapter);
}

/**
 * Both flows by chapter and year, where more than one year is itemised by chapter: one table, imports
 * then exports, each over the same latest years, so a chapter's two directions sit on one line.
 */
function writeByYear(w: Writer, set: IndicatorSet): void {
  const values = select(set, 'composition.chapter.value').filter((i) => i.value !== null);
  const all = sortPeriods(values.map((i) => i.period));
  if (all.length < 2) return;
  const periods = all.slice(-MOST_YEARS);
  const latest = periods[periods.length - 1] ?? '';
  const at = (flow: string, chapter: string, period: string) =>
    values.find((i) => i.dims?.flow === flow && i.dims?.chapter === chapter && i.period === period);
  const size = (chapter: string) =>
    (at('import', chapter, latest)?.value ?? 0) + (at('export', chapter, latest)?.value ?? 0);
  const chapters = [...new Set(values.map((i) => i.dims?.chapter ?? ''))].sort(
    (a, b) => Number(a === 'OTHER') - Number(b === 'OTHER') || size(b) - size(a) || a.localeCompare(b),
  );
  const columns = (['import', 'export'] as const).flatMap((flow) =>
    periods.map((period) => ({ flow, period })),
  );
  const unit = unitFor(values.filter((i) => periods.includes(i.period)).map((i) => i.value ?? 0));
  const cell = (flow: string, chapter: string, period: string) => {
    const found = at(flow, chapter, period);
    if (found) return amount(found.value ?? undefined, unit);
    return at(flow, 'OTHER', period) ? ABSENT.unlisted.mark : ABSENT.none.mark;
  };
  w.table({
    heading: 'A2. Trade by HS chapter and year',
    dense: true,
    caption: [
      `${set.meta.reporterName}'s imports from and exports to ${set.meta.partnerName}, ${USD_UNITS[unit].long}`,
      all.length > periods.length
        ? `the last ${periods.length} of ${all.length} years (every year in tables/composition.csv)`
        : '',
      ABSENT.none.meaning,
      columns.some((c) => at(c.flow, 'OTHER', c.period)) ? ABSENT.unlisted.meaning : '',
    ]
      .filter(Boolean)
      .join('; '),
    columns: [
      { header: 'HS', width: 0.06 },
      { header: 'Chapter', width: 0.3 },
      ...columns.map(
        (c): Column => ({
          header: `${c.flow === 'import' ? 'Imports' : 'Exports'}, ${c.period}`,
          width: 0.64 / columns.length,
          align: 'right',
        }),
      ),
    ],
    rows: chapters.map((chapter) => [
      chapter === 'OTHER' ? '' : chapter,
      shortChapterLabel(chapterName(set, chapter), NAME_LENGTH),
      ...columns.map((c) => cell(c.flow, chapter, c.period)),
    ]),
  });
}
