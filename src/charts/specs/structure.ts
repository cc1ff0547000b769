import { formatNumber } from '../../core/format.ts';
import { select, sortPeriods } from '../../indicators/query.ts';
import type { Indicator } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

/** Years the chart marks; the annex and tables/structure.csv keep every one. */
const MOST_YEARS = 4;
/** Colours of the years before the latest, oldest first. */
const EARLIER = ['#d9d9d9', '#b3b3b3', '#8c8c8c'];

/**
 * The pair's structure at a glance, on the one 0-to-1 scale the three indices share: how concentrated
 * each flow is on few HS chapters, and how much of the trade is two-way. Each year a dot, the latest
 * in the accent colour; a bar from the low to the high end where chapters not itemised leave a range.
 */
export const buildStructure: ChartBuilder = (set, theme) => {
  const { partnerName } = set.meta;
  const id = 'trade-structure';
  const title = 'Concentration and two-way trade';
  const measures = [
    {
      name: `Exports to ${partnerName}: concentration`,
      list: select(set, 'concentration.hhiNormalised', { flow: 'export' }),
      digits: 2,
    },
    {
      name: `Imports from ${partnerName}: concentration`,
      list: select(set, 'concentration.hhiNormalised', { flow: 'import' }),
      digits: 2,
    },
    { name: 'Two-way trade (Grubel–Lloyd)', list: select(set, 'intraIndustry.aggregate'), digits: 3 },
  ].map((m) => ({ ...m, list: m.list.filter((i) => i.value !== null) }));
  const used = measures.flatMap((m) => m.list);
  if (used.length === 0) return unavailable(id, title, 'needs exports or imports by HS chapter');
  const periods = sortPeriods(used.map((i) => i.period)).slice(-MOST_YEARS);
  const latest = periods[periods.length - 1] ?? '';
  const shown = measures.filter((m) => m.list.some((i) => periods.includes(i.period)));
  const text = (i: Indicator, digits: number) =>
    i.high === undefined || formatNumber(i.high, digits) === formatNumber(i.value ?? 0, digits)
      ? formatNumber(i.value ?? 0, digits)
      : `${formatNumber(i.value ?? 0, digits)}–${formatNumber(i.high, digits)}`;
  const points = shown.flatMap((m) => {
    const list = m.list.filter((i) => periods.includes(i.period));
    // The latest value is written right of every year's mark, so no dot covers it.
    const end = Math.max(...list.map((i) => i.high ?? i.value ?? 0));
    return list.map((i) => ({
      measure: m.name,
      period: i.period,
      low: i.value ?? 0,
      high: i.high ?? i.value ?? 0,
      end,
      text: i.period === latest ? text(i, m.digits) : '',
    }));
  });
  const names = shown.map((m) => m.name);
  const height = names.length * 24;
  const labels = labelColumn(theme, names, 'measure', height);
  // Earlier years in greys, lighter the older, the latest in the accent: the movement reads in greyscale too.
  const colours = [...EARLIER.slice(-(periods.length - 1)), theme.accent].slice(-periods.length);
  const alt =
    `Dot chart of three indices from 0 to 1 for the trade of ${set.meta.reporterName} with ${partnerName}, ${periods.join(', ')}: ` +
    shown
      .map((m) => {
        const last = m.list.filter((i) => periods.includes(i.period)).pop();
        return last ? `${m.name} ${text(last, m.digits)} in ${last.period}` : '';
      })
      .filter(Boolean)
      .join('; ') +
    '. Concentration is the normalised Herfindahl–Hirschman index over HS chapters (0 = spread evenly, 1 = one chapter); Grubel–Lloyd is 0 for trade one way only and 1 for fully two-way trade.';
  const spec = framed(theme, {
    title,
    subtitle: `Index from 0 to 1, ${periods.length > 1 ? `${periods[0]} to ${latest}, the latest year in colour` : latest}; a bar where chapters not itemised leave a range`,
    source: sourceLine(set, used),
    body: {
      data: { values: points },
      hconcat: [
        // One label a measure, not one a year: the labels' own rows.
        { ...labels.view, data: { values: names.map((measure) => ({ measure })) } },
        {
          width: labels.plotWidth,
          height,
          encoding: {
            y: { field: 'measure', type: 'nominal', sort: names, axis: null },
            x: {
              field: 'low',
              type: 'quantitative',
              title: 'Index, 0 to 1',
              scale: { domain: [0, 1.12], nice: false },
              axis: { values: [0, 0.2, 0.4, 0.6, 0.8, 1] },
            },
            color: {
              field: 'period',
              type: 'ordinal',
              sort: periods,
              scale: { domain: periods, range: colours },
              legend: periods.length > 1 ? { orient: 'top', title: null } : null,
            },
          },
          layer: [
            { mark: { type: 'rule', strokeWidth: 6, opacity: 0.45 }, encoding: { x2: { field: 'high' } } },
            { mark: { type: 'point', filled: true, size: 60, opacity: 1 } },
            {
              mark: {
                type: 'text',
                align: 'left',
                dx: 7,
                fontSize: theme.fontSize - 0.5,
                color: PALETTE.ink,
              },
              encoding: {
                x: { field: 'end', type: 'quantitative' },
                text: { field: 'text' },
                color: { value: PALETTE.ink },
              },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};
