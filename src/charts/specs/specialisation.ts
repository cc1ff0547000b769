import { formatNumber } from '../../core/format.ts';
import { NOT_PRODUCTS } from '../../core/hs.ts';
import { rcaNeeds } from '../../indicators/needs.ts';
import { chapterName, latestPeriod, select } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { shortChapterLabel } from '../labels.ts';
import { PALETTE } from '../theme.ts';

/** Each country's most specialised chapters shown, and the chapters the pair trades most each way. */
const STRONGEST = 5;
const TRADED = 5;

export interface RcaComparison {
  period: string;
  /** Chapters in chart order: the reporter's edge over the partner first, the partner's last. */
  chapters: string[];
  reporter: Map<string, Indicator>;
  partner: Map<string, Indicator>;
  /** Every chapter's RCA of each country, for counts in the text. */
  all: { reporter: Indicator[]; partner: Indicator[] };
}

/**
 * RCA of both countries by chapter in the latest year both have, with the chapters worth showing:
 * where either is most specialised, and where the pair's own trade is largest.
 */
export function rcaComparison(set: IndicatorSet): RcaComparison | undefined {
  const { reporter, partner } = set.meta;
  const ok = (i: Indicator) => i.value !== null && !NOT_PRODUCTS.has(i.dims?.chapter ?? '');
  const reporterAll = select(set, 'specialisation.rca', { reporter }).filter(ok);
  const period = [...reporterAll]
    .reverse()
    .map((i) => i.period)
    .find((p) => select(set, 'specialisation.rca', { reporter: partner }).some((i) => i.period === p));
  if (!period) return undefined;
  const inPeriod = (list: Indicator[]) => list.filter((i) => i.period === period && i.dims?.chapter);
  const all = {
    reporter: inPeriod(reporterAll),
    partner: inPeriod(select(set, 'specialisation.rca', { reporter: partner }).filter(ok)),
  };
  const byChapter = (list: Indicator[]) => new Map(list.map((i) => [i.dims?.chapter ?? '', i]));
  const r = byChapter(all.reporter);
  const p = byChapter(all.partner);
  const strongest = (list: Indicator[]) =>
    [...list]
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      .slice(0, STRONGEST)
      .map((i) => i.dims?.chapter ?? '');
  const chosen = new Set([
    ...strongest(all.reporter),
    ...strongest(all.partner),
    ...tradedChapters(set, 'export'),
    ...tradedChapters(set, 'import'),
  ]);
  // A log scale has no room for zero: a chapter one country does not export at all is left out.
  const both = [...chosen].filter((c) => (r.get(c)?.value ?? 0) > 0 && (p.get(c)?.value ?? 0) > 0);
  const edge = (c: string) => (r.get(c)?.value ?? 0) / (p.get(c)?.value ?? 1);
  const chapters = both.sort((a, b) => edge(b) - edge(a));
  return { period, chapters, reporter: r, partner: p, all };
}

/** The pair's largest chapters in one direction, in the latest year with chapter detail. */
function tradedChapters(set: IndicatorSet, flow: 'export' | 'import'): string[] {
  const period = latestPeriod(set, 'composition.chapter.value', { flow });
  return select(set, 'composition.chapter.value', { flow })
    .filter((i) => i.period === period && i.value !== null && !NOT_PRODUCTS.has(i.dims?.chapter ?? ''))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, TRADED)
    .map((i) => i.dims?.chapter ?? '')
    .filter((c) => c !== 'OTHER');
}

/**
 * The one way an RCA is printed, in charts, text and the annex: it runs from near zero to the tens, so
 * three decimals below 0.1 and two above; a value too small for three decimals is "<0.001", never "0.000".
 */
export const rcaText = (value: number): string => {
  if (value === 0) return '0';
  if (value > 0 && value < 0.0005) return '<0.001';
  return formatNumber(value, value < 0.1 ? 3 : 2);
};

/** A dot for each country's RCA per chapter, on a log scale around 1 (the world's average). */
export const buildSpecialisation: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'specialisation-rca';
  const title = `Where ${reporterName} and ${partnerName} are specialised`;
  const comparison = rcaComparison(set);
  if (!comparison) {
    return unavailable(id, title, rcaNeeds(set));
  }
  if (comparison.chapters.length === 0) {
    return unavailable(id, title, 'needs at least one HS chapter that both countries export');
  }
  const { period, chapters, reporter, partner } = comparison;
  const label = (c: string) => `${c}  ${shortChapterLabel(chapterName(set, c), 44)}`;
  const names = [reporterName, partnerName];
  const rows = chapters.flatMap((c) =>
    [reporter.get(c), partner.get(c)].flatMap((i, k) =>
      i?.value != null ? [{ label: label(c), country: names[k], rca: i.value, text: rcaText(i.value) }] : [],
    ),
  );
  const labels = chapters.map(label);
  const spans = chapters.map((c) => ({
    label: label(c),
    low: Math.min(reporter.get(c)?.value ?? 0, partner.get(c)?.value ?? 0),
    high: Math.max(reporter.get(c)?.value ?? 0, partner.get(c)?.value ?? 0),
  }));
  const values = rows.map((r) => r.rca);
  const domain = [
    10 ** Math.floor(Math.log10(Math.min(...values))),
    10 ** Math.ceil(Math.log10(Math.max(...values))),
  ];
  const height = chapters.length * 13;
  const column = labelColumn(theme, labels, 'label', height);
  const used = chapters.flatMap((c) => [reporter.get(c), partner.get(c)]).filter((i) => i !== undefined);
  const above = (list: Indicator[]) => list.filter((i) => (i.value ?? 0) > 1).length;
  const first = chapters[0] ?? '';
  const last = chapters[chapters.length - 1] ?? '';
  const alt =
    `Dot chart of revealed comparative advantage (Balassa) of ${reporterName} and ${partnerName} in ${period} for ${chapters.length} HS chapters, on a logarithmic scale where 1 is the world average (the world being the reporters in the inputs). ` +
    `${reporterName} has an RCA above 1 in ${above(comparison.all.reporter)} chapters, ${partnerName} in ${above(comparison.all.partner)}. ` +
    `${reporterName}'s edge is largest in chapter ${first} (${chapterName(set, first)}: ${rcaText(reporter.get(first)?.value ?? 0)} against ${rcaText(partner.get(first)?.value ?? 0)}); ` +
    `${partnerName}'s in chapter ${last} (${chapterName(set, last)}: ${rcaText(partner.get(last)?.value ?? 0)} against ${rcaText(reporter.get(last)?.value ?? 0)}).`;
  const worldNote = used.find((i) => i.note)?.note;
  const spec = framed(theme, {
    title,
    subtitle: `Revealed comparative advantage by HS chapter, ${period}; log scale, above 1 = specialised`,
    source: sourceLine(
      set,
      used,
      worldNote ? `RCA against ${worldNote.replace(/^world = /, '')}` : undefined,
    ),
    body: {
      hconcat: [
        { ...column.view, data: { values: spans } },
        {
          width: theme.width - column.width - 22,
          height,
          data: { values: rows },
          encoding: {
            y: { field: 'label', type: 'nominal', sort: labels, axis: null },
          },
          layer: [
            {
              data: { values: spans },
              mark: { type: 'rule', color: PALETTE.rule, strokeWidth: 1.5 },
              encoding: {
                x: { field: 'low', type: 'quantitative', scale: { type: 'log', domain } },
                x2: { field: 'high' },
              },
            },
            {
              data: { values: [{ one: 1 }] },
              mark: { type: 'rule', color: PALETTE.muted, strokeDash: [3, 2] },
              encoding: { x: { field: 'one', type: 'quantitative' }, y: null },
            },
            {
              mark: { type: 'point', filled: true, size: 42, opacity: 1 },
              encoding: {
                x: {
                  field: 'rca',
                  type: 'quantitative',
                  title: 'RCA (log scale)',
                  scale: { type: 'log', domain },
                  axis: { values: ticks(domain), format: '~g', grid: true },
                },
                color: {
                  field: 'country',
                  type: 'nominal',
                  scale: { domain: names, range: [theme.accent, PALETTE.orange] },
                },
                shape: {
                  field: 'country',
                  type: 'nominal',
                  scale: { domain: names, range: ['circle', 'diamond'] },
                },
              },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};

/** 0.01, 0.1, 1, 10 …: one tick a decade, so the log scale reads as "times the world average". */
function ticks([low = 1, high = 1]: number[]): number[] {
  const out: number[] = [];
  for (let v = low; v <= high * 1.0001; v *= 10) out.push(Number(v.toPrecision(1)));
  return out;
}
