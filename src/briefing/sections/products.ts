import type { RenderedChart } from '../../charts/build.ts';
import { shortChapterLabel } from '../../charts/labels.ts';
import { CHART_HEADINGS } from '../../charts/specs/products.ts';
import { formatNumber, formatShare, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { productText as t } from '../../core/messages.ts';
import { flowSplit, type HeadingFacts, rankedHeadings } from '../../indicators/topProducts.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { headingName } from '../../reference/hs.ts';
import { amount, change, pct } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** Headings the section itemises each way; tables/products.csv has them all. */
const TABLE_HEADINGS = CHART_HEADINGS;
/** Headings named in the lead sentence of each flow. */
const LEADING = 3;

/** The top products each way by HS4 heading, and what price and volume did to each flow's change. */
export function writeProducts(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { partnerName } = set.meta;
  const flows = (['export', 'import'] as const).map((flow) => ({ flow, ...rankedHeadings(set, flow) }));
  const present = flows.filter((f) => f.headings.length > 0);
  // Without HS4/HS6 detail the data notes say what it would take, as for every figure not available.
  if (present.length === 0) return;
  w.section(t.sectionTitle(), { keepWith: 70 + chartHeight(charts, 'top-products') });
  // The finding first: what leads each flow, then what price and volume did to it.
  for (const { flow, period, headings } of present) {
    const items = headings
      .slice(0, LEADING)
      .map((h) =>
        t.ledByItem(
          name(h.heading),
          formatUsd(h.value.value ?? 0),
          h.share?.value == null ? '' : formatShare(h.share.value),
        ),
      );
    w.paragraph(t.ledBy(flow, partnerName, period ?? '', items));
  }
  const splits = present.map(({ flow }) => ({ flow, split: flowSplit(set, flow) }));
  for (const { flow, split } of splits) {
    if (!split) continue;
    if (split.volume?.value == null || split.price?.value == null) {
      w.paragraph(t.noSplit(flow, partnerName));
      continue;
    }
    w.paragraph(
      t.split(
        flow,
        partnerName,
        split.change.dims?.from ?? '',
        split.change.period,
        signed(split.change.value ?? 0),
        signed(split.volume.value),
        signed(split.price.value),
        pct(split.coverage?.value ?? undefined),
      ),
    );
  }
  if (splits.some(({ split }) => split?.volume?.value != null)) w.paragraph(t.splitMeaning());
  writeChart(w, charts, 'top-products');
  for (const { flow, period, headings } of present) {
    const shown = headings.slice(0, TABLE_HEADINGS);
    // A heading without a change is new where the flow has an earlier year, else there is nothing to compare.
    const before = headings.some((h) => h.change) ? 'new' : 'n/a';
    const from = headings.find((h) => h.change)?.change?.dims?.from;
    const unit = unitFor(shown.map((h) => h.value.value ?? 0));
    w.table({
      heading: t.tableCaption(
        flow,
        partnerName,
        period ?? '',
        shown.length,
        headings.length,
        formatNumber(headings.length),
      ),
      columns: [
        { header: 'HS4', width: 0.08 },
        { header: 'Product', width: 0.42 },
        { header: USD_UNITS[unit].short, width: 0.11, align: 'right' },
        { header: 'Share', width: 0.1, align: 'right' },
        { header: from ? `Change on ${from}` : 'Change', width: 0.12, align: 'right' },
        { header: 'Unit value, USD', width: 0.17, align: 'right' },
      ],
      rows: shown.map((h) => [
        h.heading,
        shortChapterLabel(headingName(h.heading) ?? t.noName(), 60),
        amount(h.value.value ?? 0, unit),
        h.share?.value == null ? 'n/a' : formatShare(h.share.value),
        h.change ? change(h.change.value ?? undefined) : before,
        unitValue(h),
      ]),
    });
  }
  w.paragraph(t.fullLists());
}

const name = (code: string): string => `HS ${code} ${shortChapterLabel(headingName(code) ?? '')}`.trim();

const signed = (usd: number): string => `${usd < 0 ? '−' : '+'}${formatUsd(Math.abs(usd))}`;

/** "412 per t"; "n/a" without quantities. */
function unitValue(h: HeadingFacts): string {
  const uv = h.unitValue;
  if (uv?.value == null) return 'n/a';
  return `${formatNumber(uv.value, uv.value < 100 ? 2 : 0)} per ${uv.dims?.quantityUnit ?? ''}`;
}
