import {
  amountIn,
  formatBarLabel,
  formatPercent,
  formatShare,
  USD_UNITS,
  type UsdUnit,
  unitFor,
} from '../../core/format.ts';
import { compareText } from '../../core/text.ts';
import { chapterName, latestPeriod, select } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import {
  type ChartDefinition,
  framed,
  labelColumn,
  roomForLabels,
  sourceLine,
  unavailable,
} from '../chart.ts';
import { shortChapterLabel } from '../labels.ts';
import { PALETTE, type Theme } from '../theme.ts';

/** What one flow is made of, by HS chapter, in the latest year with chapter detail. */
function buildComposition(set: IndicatorSet, theme: Theme, flow: 'import' | 'export'): ChartDefinition {
  const { reporterName, partnerName } = set.meta;
  const id = `${flow}-composition`;
  const title =
    flow === 'import'
      ? `What ${reporterName} buys from ${partnerName}`
      : `What ${reporterName} sells to ${partnerName}`;
  const period = latestPeriod(set, 'composition.chapter.value', { flow });
  if (!period) return unavailable(id, title, `needs ${flow}s by HS chapter`);
  const values = select(set, 'composition.chapter.value', { flow }).filter(
    (i) => i.period === period && i.value !== null,
  );
  const shares = select(set, 'composition.chapter.share', { flow }).filter((i) => i.period === period);
  const unit = unitFor(
    values.map((v) => v.value ?? 0),
    'bn',
  );
  const all = values
    .map((v) => {
      const chapter = v.dims?.chapter ?? '';
      const share = shares.find((s) => s.dims?.chapter === chapter)?.value ?? null;
      const amount = v.value ?? 0;
      return {
        chapter,
        share,
        label:
          chapter === 'OTHER'
            ? 'Other chapters'
            : `${chapter}  ${shortChapterLabel(chapterName(set, chapter))}`,
        usd: amount,
        amount: amountIn(amount, unit),
        text: barText(amount, share, unit),
        other: chapter === 'OTHER',
      };
    })
    // By the value itself, not the amount as drawn: chapters that round alike keep their true order.
    .sort((a, b) => Number(a.other) - Number(b.other) || b.usd - a.usd || compareText(a.chapter, b.chapter));
  const rows = withFewBars(all, unit);
  const top = rows.find((r) => !r.other);
  const topShare = shares.find((s) => s.dims?.chapter === top?.chapter)?.value;
  const alt =
    `Bar chart of ${reporterName}'s ${flow}s ${flow === 'import' ? 'from' : 'to'} ${partnerName} in ${period} by HS chapter, ` +
    `${USD_UNITS[unit].long}. The largest is chapter ${top?.chapter} (${chapterName(set, top?.chapter ?? '')})` +
    `${topShare == null ? '' : `, ${formatPercent(topShare)} of the total`}.` +
    (rows.length < all.length
      ? ' The smaller chapters are grouped as one bar.'
      : rows.some((r) => r.other)
        ? ` Chapters outside the source's list are grouped as "Other chapters".`
        : '');
  const height = rows.length * 17;
  const labels = labelColumn(
    theme,
    rows.map((r) => r.label),
    'label',
    height,
  );
  const y = { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), axis: null };
  const spec = framed(theme, {
    title,
    subtitle: `${period}, ${USD_UNITS[unit].long} and share of ${flow}s, by HS chapter`,
    source: sourceLine(set, [...values, ...shares]),
    body: {
      data: { values: rows },
      hconcat: [
        labels.view,
        {
          width: labels.plotWidth,
          height,
          encoding: {
            y,
            x: {
              field: 'amount',
              type: 'quantitative',
              title: USD_UNITS[unit].short,
              axis: { tickCount: 5 },
              scale: {
                domainMax: roomForLabels(
                  rows.map((r) => ({ value: r.amount, text: r.text })),
                  labels.plotWidth,
                  theme.fontSize - 0.5,
                  1.3,
                ),
              },
            },
          },
          layer: [
            {
              mark: { type: 'bar', height: 11 },
              encoding: {
                color: {
                  field: 'other',
                  type: 'nominal',
                  scale: { domain: [false, true], range: [theme.accent, PALETTE.grey] },
                  legend: null,
                },
              },
            },
            {
              mark: { type: 'text', align: 'left', dx: 3, fontSize: theme.fontSize - 0.5 },
              encoding: { text: { field: 'text' } },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(values.flatMap((i) => i.sources))].sort() };
}

/** "47.8 bn · 86.4 %", "0.4 m · 2.6 %", "<0.1 thousand · <0.1 %": a small chapter never reads as none. */
function barText(usd: number, share: number | null, unit: UsdUnit): string {
  const amount = formatBarLabel(usd, unit);
  return `${amount}${share === null ? '' : ` · ${formatShare(share)}`}`;
}

/** Bars a page can hold with their labels: the rest of the chapters make one bar (the tables list them all). */
const MOST_BARS = 15;

interface Bar {
  chapter: string;
  share: number | null;
  label: string;
  /** The value in USD, and as the chart draws it (in the chart's unit). */
  usd: number;
  amount: number;
  text: string;
  other: boolean;
}

/** The largest chapters, then one grey bar for every other chapter (and the source's "other"), summed. */
function withFewBars(rows: Bar[], unit: UsdUnit): Bar[] {
  if (rows.length <= MOST_BARS) return rows;
  const kept = rows.slice(0, MOST_BARS - 1).filter((r) => !r.other);
  const rest = rows.filter((r) => !kept.includes(r));
  const usd = rest.reduce((sum, r) => sum + r.usd, 0);
  const share = rest.every((r) => r.share !== null) ? rest.reduce((sum, r) => sum + (r.share ?? 0), 0) : null;
  return [
    ...kept,
    {
      chapter: 'OTHER',
      share,
      label: rest.some((r) => r.other) ? 'Other chapters' : `${rest.length} other chapters`,
      usd,
      amount: amountIn(usd, unit),
      text: barText(usd, share, unit),
      other: true,
    },
  ];
}

export const buildImportComposition = (set: IndicatorSet, theme: Theme) =>
  buildComposition(set, theme, 'import');
export const buildExportComposition = (set: IndicatorSet, theme: Theme) =>
  buildComposition(set, theme, 'export');
