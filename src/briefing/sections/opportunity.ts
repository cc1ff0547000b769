import type { RenderedChart } from '../../charts/build.ts';
import { USD_UNITS, unitFor } from '../../core/format.ts';
import { sectorName } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { amount, pct, pick, select } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** Sectors where the partner's published import demand is large next to the reporter's sales. */
export function writeOpportunity(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName } = set.meta;
  w.section('Opportunities', { keepWith: 70 + chartHeight(charts, 'sector-opportunity') });
  const demand = select(set, 'opportunity.demand');
  if (demand.length === 0) {
    const computed = select(set, 'matrix.demand').some((i) => i.value !== null);
    w.paragraph(
      `Not available: the inputs have no published figures of ${partnerName}'s import demand by sector.${computed ? ` Its demand computed from the data, its imports from the world by HS chapter, is set against ${reporterName}'s exports under export potential.` : ''}`,
    );
    return;
  }
  w.paragraph(
    `Published estimates put ${partnerName}'s annual import demand in ${demand.length} sector${demand.length > 1 ? 's' : ''} named for rebalancing against what ${reporterName} already sells there. ` +
      `The demand figures are as published (their scope and year are not always stated) and are compared with the latest chapter detail of the trade data; where a sector's chapters are not all itemised, ${reporterName}'s exports are a lower bound and the gap an upper bound.`,
  );
  writeChart(w, charts, 'sector-opportunity');
  const lines = demand.map((d) => {
    const sector = d.dims?.sector ?? '';
    const gap = pick(set, 'opportunity.gap', undefined, { sector });
    const share = pick(set, 'opportunity.shareOfDemand', undefined, { sector });
    const supply = gap
      ? pick(set, 'composition.sector.value', gap.period, { flow: 'export', sector })
      : undefined;
    return { d, sector, gap, share, supply };
  });
  const unit = unitFor(
    lines.flatMap(({ d, gap, supply }) => [d.value, d.high, gap?.value, supply?.value].map((v) => v ?? 0)),
  );
  const money = (value: number | null | undefined) => amount(value ?? undefined, unit);
  const usdHeader = (name: string) => `${name}, ${USD_UNITS[unit].short}`;
  w.table({
    columns: [
      { header: 'Sector', width: 0.19 },
      { header: usdHeader(`${partnerName}'s import demand`), width: 0.18, align: 'right' },
      { header: usdHeader(`${reporterName}'s exports`), width: 0.17, align: 'right' },
      { header: usdHeader('Gap'), width: 0.14, align: 'right' },
      { header: 'Share of demand', width: 0.13, align: 'right' },
      { header: 'Confidence of demand figure', width: 0.19 },
    ],
    rows: lines.map(({ d, sector, gap, share, supply }) => {
      const lower = supply?.status === 'partial';
      return [
        sectorName(set, sector),
        d.high ? `${money(d.value)}–${money(d.high)}` : money(d.value),
        supply ? `${lower ? 'at least ' : ''}${money(supply.value)}` : 'n/a',
        gap ? `${lower ? 'at most ' : ''}${money(gap.value)}` : 'n/a',
        share ? `${lower ? 'at least ' : ''}${pct(share.value ?? undefined)}` : 'n/a',
        `${d.dims?.confidence ?? ''}; ${d.period}`,
      ];
    }),
  });
}
