import { groupBy } from '../core/group.ts';
import { compactChapters } from '../core/hs.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import type { TradeRow } from '../normalise/table.ts';
import { share } from './bilateral.ts';
import { findIndicator, type IndicatorContext, provenance } from './context.ts';
import type { Indicator } from './types.ts';
import { chapterCount, unlistedCap, unlistedFill } from './unlisted.ts';

/** Chapter and sector composition of each flow, for every period that has chapter detail. */
export function compositionIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const rows = ctx.n.trade.filter(
    (r) => r.reporter === reporter && r.partner === partner && ctx.series.basis === r.basis,
  );
  const out: Indicator[] = [];
  const groups = groupBy(
    rows.filter((row) => row.flow === 'export' || row.flow === 'import'),
    (row) => `${row.period}|${row.flow}`,
  );
  for (const group of groups.values()) {
    const total = group.find((r) => r.product === 'TOTAL');
    const items = group.filter((r) => r.product !== 'TOTAL');
    if (!total || items.length === 0) continue;
    const dims = { flow: total.flow };
    for (const item of items) {
      const base = { period: item.period, dims: { ...dims, chapter: item.product }, status: 'ok' as const };
      const chapterName = item.product === 'OTHER' ? 'Other chapters' : `HS ${item.product}`;
      out.push({
        ...base,
        id: 'composition.chapter.value',
        label: chapterName,
        value: item.valueUsd,
        unit: 'USD',
        formula: 'reported',
        ...provenance([item]),
      });
      const value = share(item.valueUsd, total.valueUsd);
      if (value !== null) {
        out.push({
          ...base,
          id: 'composition.chapter.share',
          label: `${chapterName}: share of ${total.flow}s`,
          value,
          unit: 'ratio',
          formula: item.product === 'OTHER' ? 'shareOther' : 'share',
          ...provenance([item, total]),
        });
      }
    }
    out.push(...sectorShares(ctx, items, total));
  }
  return out;
}

/**
 * Sector sums of the itemised chapters. Where part of the flow is not itemised and a sector has chapters
 * outside the list, its value is a range, marked partial: the chapters itemised at least, and at most
 * what its missing chapters can hold of the rest (none above the smallest chapter the source lists).
 * A sector with no chapter itemised is kept, from zero, so that the briefing can say so.
 */
function sectorShares(ctx: IndicatorContext, items: TradeRow[], total: TradeRow): Indicator[] {
  const listed = items.filter((r) => r.product !== 'OTHER');
  const itemised = new Set(listed.map((r) => r.product));
  const rest = items.find((r) => r.product === 'OTHER')?.valueUsd ?? 0;
  const products = chapterCount(
    ctx.n.chapters.map((c) => c.code),
    [...itemised],
  );
  const cap = unlistedCap(
    listed.map((r) => r.valueUsd),
    rest,
    products - itemised.size,
  );
  return ctx.n.sectors.flatMap((sector) => {
    const rows = listed.filter((r) => sector.chapterList.includes(r.product));
    const missing = rest > 0 ? sector.chapterList.filter((c) => !itemised.has(c)) : [];
    const complete = missing.length === 0;
    const value = rows.reduce((s, r) => s + r.valueUsd, 0);
    const high = value + unlistedFill(rest, missing.length, cap);
    const partial = complete
      ? {}
      : {
          high,
          note:
            rows.length === 0
              ? t.sectorNotItemised(compactChapters(missing), missing.length)
              : t.partialSector(compactChapters(missing), missing.length),
        };
    const base = {
      period: total.period,
      dims: { flow: total.flow, sector: sector.id },
      status: complete ? ('ok' as const) : ('partial' as const),
    };
    const shareValue = share(value, total.valueUsd);
    const shareHigh = share(high, total.valueUsd);
    return [
      {
        ...base,
        ...partial,
        id: 'composition.sector.value',
        label: sector.name,
        value,
        unit: 'USD',
        formula: 'reported' as const,
        ...provenance(rows.length ? rows : [total]),
      },
      ...(shareValue === null
        ? []
        : [
            {
              ...base,
              ...partial,
              ...(complete || shareHigh === null ? {} : { high: shareHigh }),
              id: 'composition.sector.share',
              label: `${sector.name}: share of ${total.flow}s`,
              value: shareValue,
              unit: 'ratio',
              formula: 'share' as const,
              ...provenance([...rows, total]),
            },
          ]),
    ];
  });
}

/** The reporter's exports to the partner in a sector, in the latest period with chapter detail. */
export function latestSectorExports(computed: Indicator[], sector: string): Indicator | undefined {
  const latest = computed
    .filter((i) => i.id === 'composition.sector.value' && i.dims?.flow === 'export')
    .map((i) => i.period)
    .sort()
    .pop();
  return latest
    ? findIndicator(computed, 'composition.sector.value', { flow: 'export', sector }, latest)
    : undefined;
}
