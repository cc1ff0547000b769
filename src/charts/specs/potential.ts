import { amountIn, formatBarLabel, formatUsd, USD_UNITS, unitFor } from '../../core/format.ts';
import { potentialNeeds } from '../../indicators/needs.ts';
import { pick, sectorName, select } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

export interface SectorPotential {
  sector: string;
  potential: Indicator;
  demandPart?: Indicator;
  supplyPart?: Indicator;
  untapped?: Indicator;
  /** The reporter's exports to the partner in the sector, the A_s of the untapped potential. */
  exports?: Indicator;
}

/** Every sector with a computed export potential, in the engine's rank order of untapped potential. */
export function sectorPotentials(set: IndicatorSet): SectorPotential[] {
  const rank = (sector: string) =>
    Number(select(set, 'potential.untapped', { sector }).find((i) => i.value !== null)?.dims?.rank ?? 1e9);
  return select(set, 'potential.exports')
    .filter((p) => p.value !== null)
    .map((potential) => {
      const sector = potential.dims?.sector ?? '';
      const untapped = pick(set, 'potential.untapped', undefined, { sector });
      return {
        sector,
        potential,
        demandPart: pick(set, 'potential.demandPart', undefined, { sector }),
        supplyPart: pick(set, 'potential.supplyPart', undefined, { sector }),
        untapped,
        exports: untapped
          ? pick(set, 'composition.sector.value', untapped.period, { flow: 'export', sector })
          : undefined,
      };
    })
    .sort((a, b) => rank(a.sector) - rank(b.sector));
}

/**
 * Export potential "lite" per sector, split into its demand and supply parts, against what the reporter
 * already sells the partner: one small panel per sector on a common scale, every bar labelled.
 */
export const buildPotential: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName } = set.meta;
  const id = 'export-potential';
  const title = `Export potential “lite”: ${reporterName} in ${partnerName}'s market`;
  const sectors = sectorPotentials(set);
  if (sectors.length === 0) {
    return unavailable(id, title, potentialNeeds(set));
  }
  const used = sectors.flatMap((s) =>
    [s.potential, s.demandPart, s.supplyPart, s.untapped, s.exports].filter((i) => i !== undefined),
  );
  const exportsPeriod = sectors.find((s) => s.exports)?.exports?.period;
  const unit = unitFor(
    used.filter((i) => i.unit === 'USD').map((i) => i.value ?? 0),
    'bn',
  );
  const scaled = (v: number) => amountIn(v, unit);
  const rowsOf = (s: SectorPotential) =>
    [
      { part: 'Demand part', indicator: s.demandPart, colour: PALETTE.grey },
      { part: 'Supply part', indicator: s.supplyPart, colour: PALETTE.grey },
      { part: 'Potential', indicator: s.potential, colour: PALETTE.orange },
      {
        part: `Exports to ${partnerName}, ${exportsPeriod ?? ''}`,
        indicator: s.exports,
        colour: theme.accent,
      },
    ].flatMap(({ part, indicator, colour }) =>
      indicator?.value == null
        ? []
        : [
            {
              part,
              colour,
              value: scaled(indicator.value),
              text: `${indicator.status === 'partial' && indicator.id === 'composition.sector.value' ? 'at least ' : ''}${formatBarLabel(indicator.value, unit)}`,
            },
          ],
    );
  const all = sectors.flatMap(rowsOf);
  const low = Math.min(0, ...all.map((r) => r.value));
  const high = Math.max(...all.map((r) => r.value));
  // Room for the value labels beside the bars, on both sides of zero when a part is negative.
  const span = high - low;
  const domain = [low < 0 ? low - span * 0.1 : 0, high + span * 0.22];
  const parts = [...new Set(all.map((r) => r.part))];
  const labelWidth = labelColumn(theme, parts, 'part', 10).width;
  const panel = (s: SectorPotential, last: boolean) => {
    const rows = rowsOf(s);
    const height = rows.length * 15;
    const labels = labelColumn(
      theme,
      rows.map((r) => r.part),
      'part',
      height,
    );
    const text = (positive: boolean) => ({
      transform: [{ filter: positive ? 'datum.value >= 0' : 'datum.value < 0' }],
      mark: {
        type: 'text',
        align: positive ? 'left' : 'right',
        dx: positive ? 3 : -3,
        fontSize: theme.fontSize - 0.5,
      },
      encoding: { text: { field: 'text' } },
    });
    return {
      title: { text: sectorName(set, s.sector), fontSize: theme.fontSize + 1, fontWeight: 'bold', offset: 4 },
      data: { values: rows },
      hconcat: [
        { ...labels.view, width: labelWidth },
        {
          width: theme.width - labelWidth - 24,
          height,
          encoding: {
            y: { field: 'part', type: 'nominal', sort: rows.map((r) => r.part), axis: null },
            x: {
              field: 'value',
              type: 'quantitative',
              title: last ? USD_UNITS[unit].short : null,
              scale: { domain, nice: false },
              axis: last ? { tickCount: 6 } : { labels: false, ticks: false, title: null, domain: false },
            },
          },
          layer: [
            {
              mark: { type: 'bar', height: 10 },
              encoding: { color: { field: 'colour', type: 'nominal', scale: null, legend: null } },
            },
            {
              data: { values: [{}] },
              mark: { type: 'rule', color: PALETTE.muted },
              encoding: { x: { datum: 0 }, y: null },
            },
            text(true),
            text(false),
          ],
        },
      ],
    };
  };
  const alt =
    `Bar chart of ${reporterName}'s export potential ("lite") in ${partnerName} by sector, in ${USD_UNITS[unit].long}: the potential (${partnerName}'s published import demand times ${reporterName}'s share of the exports of the reporters in the inputs, in the sector), its demand and supply parts, and ${reporterName}'s actual exports to ${partnerName}. ` +
    sectors
      .map((s) => {
        const gap = s.untapped?.value;
        const tail =
          gap == null
            ? ''
            : gap < 0
              ? `; exports exceed it by ${formatUsd(-gap)}`
              : `; ${formatUsd(gap)} is untapped`;
        return `${sectorName(set, s.sector)}: potential ${formatUsd(s.potential.value ?? 0)} (demand part ${formatUsd(s.demandPart?.value ?? 0)}, supply part ${formatUsd(s.supplyPart?.value ?? 0)}), exports ${formatUsd(s.exports?.value ?? 0)}${tail}.`;
      })
      .join(' ');
  const spec = framed(theme, {
    title,
    subtitle: `${USD_UNITS[unit].short}; potential = demand part + supply part; demand as published, world shares of ${periodOfShares(set)}`,
    source: sourceLine(set, used, 'World shares of the reporters in the inputs'),
    body: {
      vconcat: sectors.map((s, i) => panel(s, i === sectors.length - 1)),
      spacing: 10,
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};

/** The year of the world shares behind the potential. */
function periodOfShares(set: IndicatorSet): string {
  return select(set, 'specialisation.worldShare', { reporter: set.meta.reporter }).pop()?.period ?? '';
}
