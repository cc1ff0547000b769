import { formatPercent } from '../../core/format.ts';
import { chapterName, select, sortPeriods } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartDefinition, framed, sourceLine, unavailable } from '../chart.ts';
import { shortChapterLabel } from '../labels.ts';
import { PALETTE, type Theme } from '../theme.ts';

/** Chapters drawn on their own: the largest of the latest year; the rest make one grey segment. */
const TOP_CHAPTERS = 5;
/** Years drawn, the latest last; tables/composition.csv holds every one. */
const MOST_YEARS = 8;
/**
 * Segments this wide or wider carry their chapter, and from SHOWN also their share, so the bars read
 * without the legend, in greyscale too.
 */
const NAMED = 0.05;
const SHOWN = 0.1;
const BAR = 16;

/** A flow's chapters over time, in shares that add up to the flow: what it is made of, and how that moved. */
export interface ChapterMix {
  periods: string[];
  /** The largest chapters of the latest year, largest first. */
  chapters: string[];
  /** The share of each chapter in each period (0 where the period has no such chapter). */
  share: (chapter: string, period: string) => number;
  indicators: Indicator[];
}

/** The latest years of a flow with chapter detail; undefined where fewer than two years have it. */
export function chapterMix(set: IndicatorSet, flow: 'import' | 'export'): ChapterMix | undefined {
  const shares = select(set, 'composition.chapter.share', { flow }).filter((i) => i.value !== null);
  const periods = sortPeriods(shares.map((i) => i.period)).slice(-MOST_YEARS);
  const latest = periods[periods.length - 1];
  if (periods.length < 2 || latest === undefined) return undefined;
  const share = (chapter: string, period: string) =>
    shares.find((i) => i.period === period && i.dims?.chapter === chapter)?.value ?? 0;
  const chapters = shares
    .filter((i) => i.period === latest && i.dims?.chapter !== 'OTHER')
    .sort(
      (a, b) =>
        (b.value ?? 0) - (a.value ?? 0) || (a.dims?.chapter ?? '').localeCompare(b.dims?.chapter ?? ''),
    )
    .slice(0, TOP_CHAPTERS)
    .map((i) => i.dims?.chapter ?? '');
  return { periods, chapters, share, indicators: shares.filter((i) => periods.includes(i.period)) };
}

/** Text on a fill: white on the dark and mid colours, ink on the light ones. */
function textOn(fill: string): string {
  const [r, g, b] = [1, 3, 5].map((k) => Number.parseInt(fill.slice(k, k + 2), 16) / 255);
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0) < 0.5 ? '#ffffff' : PALETTE.ink;
}

/** Stacked 100 % bars, one a year: the latest year's largest chapters and everything else. */
function buildCompositionOverTime(
  set: IndicatorSet,
  theme: Theme,
  flow: 'import' | 'export',
): ChartDefinition {
  const { reporterName, partnerName } = set.meta;
  const id = `${flow}-composition-time`;
  const title =
    flow === 'import'
      ? `What ${reporterName} buys from ${partnerName}, over time`
      : `What ${reporterName} sells to ${partnerName}, over time`;
  const mix = chapterMix(set, flow);
  if (!mix) return unavailable(id, title, `needs ${flow}s by HS chapter in two or more years`);
  const { periods, chapters, share } = mix;
  const label = (chapter: string) => `${chapter}  ${shortChapterLabel(chapterName(set, chapter), 28)}`;
  const other = 'Other chapters';
  const categories = [...chapters.map(label), other];
  // The rest in a pale grey no chapter's colour matches, in colour or in greyscale.
  const fills = [...theme.series.slice(0, chapters.length), PALETTE.rule];
  const segments = periods.flatMap((period) => {
    let start = 0;
    const parts = [...chapters.map((c) => ({ c, s: share(c, period) }))];
    const rest = Math.max(0, 1 - parts.reduce((sum, p) => sum + p.s, 0));
    return [...parts, { c: '', s: rest }].map(({ c, s }, k) => {
      const segment = {
        period,
        category: c ? label(c) : other,
        start,
        end: start + s,
        middle: start + s / 2,
        text: s >= SHOWN ? `${c ? `${c} · ` : ''}${formatPercent(s, 0)}` : s >= NAMED ? c : '',
        ink: textOn(fills[k] ?? PALETTE.rule),
      };
      start += s;
      return segment;
    });
  });
  const first = periods[0] ?? '';
  const last = periods[periods.length - 1] ?? '';
  const top = chapters[0];
  const alt =
    `Stacked bars of the shares of ${reporterName}'s ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName} by HS chapter, ${first} to ${last}: ` +
    `the ${chapters.length} largest chapters of ${last} and all others.` +
    (top
      ? ` Chapter ${top} (${chapterName(set, top)}) went from ${formatPercent(share(top, first))} to ${formatPercent(share(top, last))}.`
      : '');
  const y = {
    field: 'period',
    type: 'ordinal',
    sort: periods,
    title: null,
    axis: { ticks: false, domain: false },
  };
  const spec = framed(theme, {
    title,
    subtitle: `Share of ${flow}s by HS chapter, % (the ${chapters.length} largest of ${last}; the rest together)`,
    source: sourceLine(set, mix.indicators),
    height: periods.length * (BAR + 6),
    body: {
      data: { values: segments },
      encoding: { y },
      layer: [
        {
          mark: { type: 'bar', height: BAR, stroke: '#ffffff', strokeWidth: 0.75 },
          encoding: {
            x: {
              field: 'start',
              type: 'quantitative',
              title: `Share of ${flow}s, %`,
              scale: { domain: [0, 1] },
              axis: { format: '.0%', tickCount: 5 },
            },
            x2: { field: 'end' },
            color: {
              field: 'category',
              type: 'nominal',
              scale: { domain: categories, range: fills },
              legend: { columns: 3, labelLimit: 150, symbolType: 'square' },
            },
          },
        },
        {
          mark: { type: 'text', fontSize: theme.fontSize - 0.5 },
          encoding: {
            x: { field: 'middle', type: 'quantitative' },
            text: { field: 'text' },
            color: { condition: { test: "datum.ink === '#ffffff'", value: '#ffffff' }, value: PALETTE.ink },
          },
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(mix.indicators.flatMap((i) => i.sources))].sort() };
}

export const buildImportCompositionOverTime = (set: IndicatorSet, theme: Theme) =>
  buildCompositionOverTime(set, theme, 'import');
export const buildExportCompositionOverTime = (set: IndicatorSet, theme: Theme) =>
  buildCompositionOverTime(set, theme, 'export');
