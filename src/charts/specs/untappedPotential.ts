import { amountIn, formatBarLabel, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { chapterName, pick, select } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, roomForLabels, sourceLine, unavailable } from '../chart.ts';
import { shortChapterLabel } from '../labels.ts';
import { PALETTE } from '../theme.ts';

/** Chapters the chart and the briefing's table show: the largest untapped potentials. */
export const TOP_CHAPTERS = 8;

export interface ChapterPotential {
  chapter: string;
  rank: number;
  untapped: Indicator;
  potential?: Indicator;
  exports?: Indicator;
  demand?: Indicator;
}

/** Chapters with an untapped potential computed from the data, in the engine's rank order. */
export function chapterPotentials(set: IndicatorSet): ChapterPotential[] {
  return select(set, 'matrix.untapped')
    .filter((u) => u.value !== null && u.dims?.chapter !== undefined)
    .map((untapped) => {
      const chapter = untapped.dims?.chapter ?? '';
      const at = { chapter };
      return {
        chapter,
        rank: Number(untapped.dims?.rank ?? Number.POSITIVE_INFINITY),
        untapped,
        potential: pick(set, 'matrix.potential', untapped.period, at),
        exports: pick(set, 'matrix.exports', untapped.period, at),
        demand: pick(set, 'matrix.demand', untapped.period, at),
      };
    })
    .sort((a, b) => a.rank - b.rank);
}

/** The chapters with some potential left untapped, the largest first. */
export function withPotentialLeft(chapters: ChapterPotential[]): ChapterPotential[] {
  return chapters.filter((c) => (c.untapped.value ?? 0) > 0);
}

/** The chapters the chart and the briefing's table show: the largest untapped potentials. */
export function largestUntapped(chapters: ChapterPotential[]): ChapterPotential[] {
  return withPotentialLeft(chapters).slice(0, TOP_CHAPTERS);
}

/**
 * The chapters with the largest untapped potential, computed from the partner's imports from the world:
 * the potential beside what the reporter already sells, every bar labelled, the gap said at the end.
 */
export const buildUntappedPotential: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'untapped-potential';
  const title = `Untapped export potential by HS chapter: ${reporterName} in ${partnerName}'s market`;
  const all = chapterPotentials(set);
  if (all.length === 0) {
    const missing = [...select(set, 'matrix.demand'), ...select(set, 'matrix.potential')].find(
      (i) => i.status === 'not_available',
    );
    return unavailable(
      id,
      title,
      missing?.needs ?? `needs ${partnerName}'s imports from the world by HS chapter`,
    );
  }
  const top = largestUntapped(all);
  if (top.length === 0)
    return unavailable(
      id,
      title,
      `no HS chapter has potential left untapped: ${reporterName}'s exports to ${partnerName} meet the potential in ${all.length === 1 ? 'the one chapter' : `each of the ${all.length} chapters`} in tables/potential.csv`,
    );
  const period = top[0]?.untapped.period ?? '';
  const used = top.flatMap((c) => [c.untapped, c.potential, c.exports].filter((i) => i !== undefined));
  const unit = unitFor(
    used.map((i) => i.value ?? 0),
    'bn',
  );
  const scaled = (v: number) => amountIn(v, unit);
  const amount = (v: number) => formatBarLabel(v, unit);
  const potentialName = 'Potential (demand × “world” share)';
  const exportsName = `Exports to ${partnerName}, ${period}`;
  const series = [potentialName, exportsName];
  const rows = top.flatMap((c) => {
    const label = `${c.chapter}  ${shortChapterLabel(chapterName(set, c.chapter), 30)}`;
    const gap = c.untapped.value ?? 0;
    return [
      {
        label,
        series: potentialName,
        value: scaled(c.potential?.value ?? 0),
        text: `${amount(c.potential?.value ?? 0)} · untapped ${amount(gap)}`,
      },
      {
        label,
        series: exportsName,
        value: scaled(c.exports?.value ?? 0),
        text: amount(c.exports?.value ?? 0),
      },
    ];
  });
  const labelsInOrder = [...new Set(rows.map((r) => r.label))];
  const height = labelsInOrder.length * 30;
  const labels = labelColumn(theme, labelsInOrder, 'label', height);
  const world = pick(set, 'specialisation.worldExports', period)?.dims?.reporters;
  const alt =
    `Bar chart of the ${top.length} HS chapters with the largest untapped export potential of ${reporterName} in ${partnerName} in ${period}, in ${USD_UNITS[unit].long}: the potential (${partnerName}'s imports from the world in the chapter times ${reporterName}'s share of world exports of it) beside ${reporterName}'s exports to ${partnerName}. ` +
    top
      .map(
        (c) =>
          `HS ${c.chapter} (${chapterName(set, c.chapter)}): potential ${formatUsd(c.potential?.value ?? 0)}, exports ${formatUsd(c.exports?.value ?? 0)}, untapped ${formatUsd(c.untapped.value ?? 0)}.`,
      )
      .join(' ');
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].short}, ${period}; ranked by untapped potential = potential − exports; ${all.length} chapters in tables/potential.csv`,
    source: sourceLine(
      set,
      used,
      `World shares of the ${world ? `${world} ` : ''}reporters in the inputs, not of every exporter`,
    ),
    body: {
      data: { values: rows },
      hconcat: [
        labels.view,
        {
          width: labels.plotWidth,
          height,
          encoding: {
            y: { field: 'label', type: 'nominal', sort: labelsInOrder, axis: null },
            yOffset: { field: 'series', type: 'nominal', sort: series },
            x: {
              field: 'value',
              type: 'quantitative',
              title: USD_UNITS[unit].short,
              scale: {
                domain: [0, roomForLabels(rows, labels.plotWidth, theme.fontSize - 1, 1.2)],
                nice: false,
              },
              axis: { tickCount: 5 },
            },
          },
          layer: [
            {
              mark: { type: 'bar', height: 11 },
              encoding: {
                color: {
                  field: 'series',
                  type: 'nominal',
                  scale: { domain: series, range: [PALETTE.orange, theme.accent] },
                  legend: { orient: 'top', title: null },
                },
              },
            },
            {
              mark: { type: 'text', align: 'left', dx: 3, fontSize: theme.fontSize - 1 },
              encoding: { text: { field: 'text' } },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};
