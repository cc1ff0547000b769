import {
  amountIn,
  formatBarLabel,
  formatShare,
  USD_UNITS,
  type UsdUnit,
  unitFor,
} from '../../core/format.ts';
import { productText as t } from '../../core/messages.ts';
import { rankedHeadings } from '../../indicators/topProducts.ts';
import type { Indicator } from '../../indicators/types.ts';
import { headingName } from '../../reference/hs.ts';
import { type ChartBuilder, framed, labelColumn, roomForLabels, sourceLine, unavailable } from '../chart.ts';
import { shortChapterLabel } from '../labels.ts';
import { PALETTE, type Theme } from '../theme.ts';

/** Headings each way on the chart; the section's table and tables/products.csv list more. */
export const CHART_HEADINGS = 8;

/** The largest HS4 headings each way in the latest year with product detail, side by side by flow. */
export const buildTopProducts: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'top-products';
  const title = t.chartTitle(reporterName, partnerName);
  const flows = (['export', 'import'] as const).map((flow) => ({ flow, ...rankedHeadings(set, flow) }));
  if (flows.every((f) => f.headings.length === 0)) return unavailable(id, title, `needs ${t.needs()}`);
  const used: Indicator[] = [];
  const unit = unitFor(
    flows.flatMap((f) => f.headings.slice(0, CHART_HEADINGS).map((h) => h.value.value ?? 0)),
    'bn',
  );
  const panels = flows
    .filter((f) => f.headings.length > 0)
    .map(({ flow, period, headings }) => {
      const top = headings.slice(0, CHART_HEADINGS);
      const rows = top.map((h) => {
        used.push(h.value, ...(h.share ? [h.share] : []));
        const usd = h.value.value ?? 0;
        const share = h.share?.value;
        return {
          label: `${h.heading}  ${shortChapterLabel(headingName(h.heading) ?? '')}`.trim(),
          amount: amountIn(usd, unit),
          text: `${formatBarLabel(usd, unit)}${share == null ? '' : ` · ${formatShare(share)}`}`,
        };
      });
      return panel(theme, t.panelTitle(flow, reporterName, partnerName, period ?? ''), rows, flow, unit);
    });
  const alt = `${title}. ${flows
    .filter((f) => f.headings.length > 0)
    .map(({ flow, period, headings }) => {
      const first = headings[0];
      return t.chartFinding(
        flow,
        partnerName,
        period ?? '',
        first?.value.label ?? '',
        first?.share?.value == null ? '' : formatShare(first.share.value),
      );
    })
    .join(' ')}`;
  const spec = framed(theme, {
    title,
    subtitle: t.chartSubtitle(USD_UNITS[unit].long),
    source: sourceLine(set, used),
    body: { vconcat: panels },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};

function panel(
  theme: Theme,
  title: string,
  rows: { label: string; amount: number; text: string }[],
  flow: 'export' | 'import',
  unit: UsdUnit,
) {
  const height = rows.length * 17;
  const labels = labelColumn(
    theme,
    rows.map((r) => r.label),
    'label',
    height,
  );
  return {
    title: { text: title, anchor: 'start', fontSize: theme.fontSize, fontWeight: 'bold' },
    data: { values: rows },
    hconcat: [
      labels.view,
      {
        width: labels.plotWidth,
        height,
        encoding: {
          y: { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), axis: null },
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
                1.35,
              ),
            },
          },
        },
        layer: [
          { mark: { type: 'bar', height: 11, color: flow === 'export' ? theme.accent : PALETTE.orange } },
          {
            mark: { type: 'text', align: 'left', dx: 3, fontSize: theme.fontSize - 0.5 },
            encoding: { text: { field: 'text' } },
          },
        ],
      },
    ],
  };
}
