import { amountIn, formatBarLabel, formatPercent, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { latestPeriod, pick, sectorName, select } from '../../indicators/query.ts';
import type { Indicator } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

/** The partner's published import demand per sector next to what the reporter already sells it. */
export const buildOpportunity: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'sector-opportunity';
  const title = `Sector opportunity: ${partnerName}'s import demand and ${reporterName}'s exports`;
  const demand = select(set, 'opportunity.demand').filter((i) => i.value !== null);
  if (demand.length === 0)
    return unavailable(id, title, "needs published figures of the partner's import demand by sector");
  const exportPeriod = latestPeriod(set, 'composition.sector.value', { flow: 'export' });
  const demandName = `${partnerName}'s import demand (published estimate)`;
  const supplyName = exportPeriod ? `${reporterName}'s exports to ${partnerName}, ${exportPeriod}` : '';
  const supplies = exportPeriod ? select(set, 'composition.sector.value', { flow: 'export' }) : [];
  const unit = unitFor(
    [
      ...demand.map((d) => d.high ?? d.value ?? 0),
      ...supplies.filter((i) => i.period === exportPeriod).map((i) => i.value ?? 0),
    ],
    'bn',
  );
  const used: Indicator[] = [];
  const rows = demand.flatMap((d) => {
    const sector = d.dims?.sector ?? '';
    const name = sectorName(set, sector);
    const supply = exportPeriod
      ? pick(set, 'composition.sector.value', exportPeriod, { flow: 'export', sector })
      : undefined;
    used.push(d, ...(supply ? [supply] : []));
    const low = d.value ?? 0;
    const high = d.high ?? low;
    const range =
      high > low
        ? `${formatBarLabel(low, unit).replace(` ${USD_UNITS[unit].after}`, '')}–${formatBarLabel(high, unit)}`
        : formatBarLabel(low, unit);
    return [
      {
        sector: name,
        series: demandName,
        amount: amountIn((low + high) / 2, unit),
        low: amountIn(low, unit),
        high: amountIn(high, unit),
        textAt: amountIn(high, unit),
        text: range,
      },
      ...(supply?.value == null
        ? []
        : [
            {
              sector: name,
              series: supplyName,
              amount: amountIn(supply.value, unit),
              textAt: amountIn(supply.value, unit),
              text: `${supply.status === 'partial' ? 'at least ' : ''}${formatUsd(supply.value).replace('USD ', '')}`,
            },
          ]),
    ];
  });
  const sectors = [...new Set(rows.map((r) => r.sector))];
  const height = sectors.length * 44;
  const labels = labelColumn(theme, sectors, 'sector', height);
  const shares = select(set, 'opportunity.shareOfDemand');
  const alt =
    `Bar chart comparing ${partnerName}'s published import demand with ${reporterName}'s exports to ${partnerName}, by sector, in ${USD_UNITS[unit].long}. ` +
    shares
      .filter((s) => s.value !== null)
      .map(
        (s) =>
          `${sectorName(set, s.dims?.sector ?? '')}: ${reporterName} supplies ${s.status === 'partial' ? 'at least ' : ''}${formatPercent(s.value ?? 0)} of the estimated demand.`,
      )
      .join(' ');
  const seriesNames = [demandName, supplyName].filter(Boolean);
  const max = Math.max(...rows.map((r) => ('high' in r ? (r.high ?? 0) : r.amount)));
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].long}; demand as published (midpoint and range), exports from the trade data`,
    source: sourceLine(set, used, '"At least": not every chapter of the sector is itemised in the source'),
    body: {
      data: { values: rows },
      hconcat: [
        labels.view,
        {
          width: labels.plotWidth,
          height,
          encoding: {
            y: { field: 'sector', type: 'nominal', sort: sectors, axis: null },
            yOffset: { field: 'series', type: 'nominal', sort: seriesNames },
            x: {
              field: 'amount',
              type: 'quantitative',
              title: USD_UNITS[unit].short,
              scale: { domainMax: max * 1.25 },
            },
          },
          layer: [
            {
              mark: { type: 'bar', height: 13 },
              encoding: {
                color: {
                  field: 'series',
                  type: 'nominal',
                  scale: { domain: seriesNames, range: [PALETTE.grey, theme.accent] },
                },
              },
            },
            {
              mark: { type: 'rule', color: PALETTE.ink, strokeWidth: 1.2 },
              encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
            },
            {
              mark: { type: 'text', align: 'left', dx: 4, fontSize: theme.fontSize - 0.5 },
              encoding: { x: { field: 'textAt', type: 'quantitative' }, text: { field: 'text' } },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};
