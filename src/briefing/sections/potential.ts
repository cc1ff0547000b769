import type { RenderedChart } from '../../charts/build.ts';
import { type SectorPotential, sectorPotentials } from '../../charts/specs/potential.ts';
import { chapterPotentials } from '../../charts/specs/untappedPotential.ts';
import { USD_UNITS, unitFor } from '../../core/format.ts';
import { compactChapters, expandChapterRange } from '../../core/hs.ts';
import { potentialNeeds } from '../../indicators/needs.ts';
import { sectorName } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { amount, bound, pct, pick, select, usd, usdRange, worldOf } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';
import { writePotentialFromData } from './potentialFromData.ts';

/** Export potential "lite": what the partner's demand and the reporter's world share predict, and the gap. */
export function writePotential(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName, reporter } = set.meta;
  // Written from the data wherever chapters have a computed potential, with its chart when one has some left.
  const chapters = chapterPotentials(set);
  w.section('Export potential', {
    keepWith: 130 + chartHeight(charts, chapters.length > 0 ? 'untapped-potential' : 'export-potential'),
  });
  if (writePotentialFromData(w, set, charts, chapters)) return;
  const sectors = sectorPotentials(set);
  const missing = ['matrix.demand', 'matrix.potential', 'matrix.untapped']
    .flatMap((id) => select(set, id))
    .find((i) => i.status === 'not_available');
  if (sectors.length === 0) {
    w.paragraph(`Not available: export potential ${potentialNeeds(set)}.`);
    return;
  }
  const sharesPeriod = sectorShare(set, sectors[0]?.sector ?? '')?.period;
  const overall = pick(set, 'specialisation.worldShare', sharesPeriod, { reporter });
  const world = worldOf(set, sharesPeriod);
  w.paragraph(
    `Export potential “lite” asks what ${reporterName} would sell ${partnerName} in a sector if it won the same share of ${partnerName}'s imports as it holds of “world” exports in that sector: ${partnerName}'s published import demand times ${reporterName}'s share of ${world} in the sector (${overall?.period ?? 'the latest year with world data'}). ` +
      `The demand part applies ${reporterName}'s share of ${world} of all goods${overall?.value == null ? '' : ` (${pct(overall.value)})`}; the supply part is what its specialisation in the sector adds or takes away. ` +
      `Where those reporters miss part of world exports, the shares, and so the potentials, are overstated. ` +
      `It is a yardstick, not a forecast: one year, no tariffs, distance or ease of trade.` +
      (missing?.needs
        ? ` Computing demand from the data, by HS chapter, ${missing.needs}; the inputs do not hold them, so the demand here is as published.`
        : ''),
  );
  for (const s of sectors) {
    const text = sectorFinding(set, s);
    if (text) w.paragraph(text);
  }
  writeChart(w, charts, 'export-potential');
  const demandOf = (s: SectorPotential) => pick(set, 'opportunity.demand', undefined, { sector: s.sector });
  const unit = unitFor(
    sectors.flatMap((s) =>
      [demandOf(s)?.value, demandOf(s)?.high, s.potential.value, s.exports?.value].map((v) => v ?? 0),
    ),
  );
  const money = (value: number | null | undefined) => amount(value ?? undefined, unit);
  w.table({
    caption: `${USD_UNITS[unit].long}, except ${reporterName}'s share of ${worldOf(set, sharesPeriod)} in the sector (${sharesPeriod ?? ''})`,
    columns: [
      { header: 'Sector', width: 0.19 },
      { header: `${partnerName}'s import demand`, width: 0.14, align: 'right' },
      { header: 'World share', width: 0.09, align: 'right' },
      { header: 'Demand part', width: 0.1, align: 'right' },
      { header: 'Supply part', width: 0.1, align: 'right' },
      { header: 'Potential', width: 0.1, align: 'right' },
      { header: `Exports, ${sectors[0]?.exports?.period ?? ''}`, width: 0.14, align: 'right' },
      { header: 'Untapped', width: 0.14, align: 'right' },
    ],
    rows: sectors.map((s) => {
      const demand = demandOf(s);
      const share = sectorShare(set, s.sector);
      return [
        sectorName(set, s.sector),
        demand?.high ? `${money(demand.value)}–${money(demand.high)}` : money(demand?.value),
        `${bound(share)}${pct(share?.value ?? undefined)}`,
        money(s.demandPart?.value),
        money(s.supplyPart?.value),
        money(s.potential.value),
        `${bound(s.exports)}${money(s.exports?.value)}`,
        `${bound(s.untapped)}${money(s.untapped?.value)}`,
      ];
    }),
  });
}

/** One sentence per sector: how much is untapped, or plainly that exports already exceed the potential. */
function sectorFinding(set: IndicatorSet, s: SectorPotential): string | undefined {
  const { reporterName, partnerName } = set.meta;
  const name = sectorName(set, s.sector);
  const gap = s.untapped?.value;
  if (gap == null || s.exports?.value == null) return undefined;
  const atLeast = bound(s.exports);
  const exportsText = `${atLeast}${usd(s.exports.value)} (${s.exports.period})`;
  if (gap >= 0) {
    return `${name}: a potential of ${usd(s.potential.value ?? undefined)} against exports of ${exportsText} leaves ${bound(s.untapped)}${usd(gap)} untapped.`;
  }
  const said = `${name}: ${reporterName} already sells more than its world share predicts: exports of ${exportsText} against a potential of ${usd(s.potential.value ?? undefined)}.`;
  const shareOfDemand = pick(set, 'opportunity.shareOfDemand', undefined, { sector: s.sector });
  const worldShare = sectorShare(set, s.sector);
  const demand = pick(set, 'opportunity.demand', undefined, { sector: s.sector });
  const narrow = pick(set, 'opportunity.demandScope', undefined, { sector: s.sector, narrow: 'yes' });
  if (shareOfDemand?.value == null || worldShare?.value == null || !demand || !narrow) return said;
  const chapters = compactChapters(
    (set.sectors.find((x) => x.id === s.sector)?.chapters ?? []).flatMap(expandChapterRange),
  );
  const published = usdRange(demand.value ?? undefined, demand.high);
  return `${said} Those exports are already ${bound(shareOfDemand)}${pct(shareOfDemand.value)} of ${partnerName}'s published demand of ${published}, while ${reporterName} holds ${pct(worldShare.value)} of ${worldOf(set, worldShare.period)} in the sector: the published demand figure looks narrower than the HS chapters that define the sector here (${chapters}).`;
}

/** The reporter's share of world exports of a sector, in the latest year with world data. */
function sectorShare(set: IndicatorSet, sector: string): Indicator | undefined {
  return select(set, 'specialisation.sectorWorldShare', { reporter: set.meta.reporter, sector }).pop();
}
