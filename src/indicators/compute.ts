import type { Config } from '../config/schema.ts';
import { countryName } from '../core/countries.ts';
import { describeScope } from '../normalise/scope.ts';
import type { Normalised, NormalisedTable } from '../normalise/table.ts';
import { complementarityIndicators } from './complementarity.ts';
import { compositionIndicators } from './composition.ts';
import { concentrationIndicators } from './concentration.ts';
import type { IndicatorContext, IndicatorGroup } from './context.ts';
import { figureIndicators } from './figures.ts';
import { FORMULAS } from './formulas.ts';
import { headingPotentialIndicators } from './headingPotential.ts';
import { intensityIndicators } from './intensity.ts';
import { intraIndustryIndicators } from './intraIndustry.ts';
import { marketShareIndicators } from './marketShare.ts';
import { matrixPotentialIndicators } from './matrixPotential.ts';
import { mirrorIndicators } from './mirror.ts';
import { opportunityIndicators } from './opportunity.ts';
import { pairSeries } from './pairSeries.ts';
import { potentialIndicators } from './potential.ts';
import { productIndicators } from './products.ts';
import { scenarioIndicators } from './scenarios.ts';
import { specialisationIndicators } from './specialisation.ts';
import { targetIndicators } from './targets.ts';
import { tradeIndicators } from './trade.ts';
import type { IndicatorSet } from './types.ts';

/** In order: a group may read what the groups before it computed. */
const GROUPS: IndicatorGroup[] = [
  tradeIndicators,
  compositionIndicators,
  productIndicators,
  figureIndicators,
  opportunityIndicators,
  targetIndicators,
  concentrationIndicators,
  specialisationIndicators,
  marketShareIndicators,
  intensityIndicators,
  complementarityIndicators,
  intraIndustryIndicators,
  mirrorIndicators,
  matrixPotentialIndicators,
  headingPotentialIndicators,
  potentialIndicators,
  scenarioIndicators,
];

/** Every indicator of the briefing, from the normalised table only: no I/O, no clock. */
export function computeIndicators(table: NormalisedTable, config: Config): IndicatorSet {
  const n: Normalised = { ...table, config };
  const names = (iso3: string) => config.names[iso3];
  const reporterName = names(config.reporter)?.en ?? countryName(config.reporter);
  const partnerName = names(config.partner)?.en ?? countryName(config.partner);
  const notes = [
    ...n.notes,
    ...config.notes.map((note) => ({ kind: 'analyst' as const, text: note.text, sources: note.sources })),
  ];
  const series = pairSeries(n, notes);
  const ctx: IndicatorContext = { n, series, reporterName, partnerName, notes, computed: [] };
  for (const group of GROUPS) ctx.computed.push(...group(ctx));
  const latest = series.years[series.years.length - 1];
  const partialScope = describeScope(n.scope, (code) => n.chapters.find((c) => c.code === code)?.name);
  const provisional = latest
    ? [latest.exports, latest.imports].some((r) => r?.status === 'provisional')
    : false;
  return {
    schema: 'tradebrief/indicators@1',
    meta: {
      reporter: config.reporter,
      partner: config.partner,
      reporterName,
      partnerName,
      ...(names(config.reporter)?.native ? { reporterNative: names(config.reporter)?.native } : {}),
      ...(names(config.partner)?.native ? { partnerNative: names(config.partner)?.native } : {}),
      title: config.title ?? `${reporterName}–${partnerName} trade briefing`,
      subtitle: config.subtitle ?? '',
      organisation: config.organisation,
      ...(partialScope ? { partialScope: { products: n.scope.products, ...partialScope } } : {}),
      vintage: { period: latest?.period ?? '', basis: series.basis, provisional },
    },
    indicators: ctx.computed,
    chapters: n.chapters.map(({ code, name, sector }) => ({ code, name, sector })),
    sectors: n.sectors.map(({ id, name, chapters, basis }) => ({
      id,
      name,
      chapters,
      ...(basis ? { basis } : {}),
    })),
    formulas: FORMULAS,
    notes,
    sources: n.sources.map(({ id, title, publisher, url, note }) => ({ id, title, publisher, url, note })),
    coverage: { files: n.files.map(({ sha256: _, ...rest }) => rest), rejects: n.rejects },
    ...(ctx.headingRanking ? { headingPotential: ctx.headingRanking } : {}),
  };
}
