import { WORLD } from '../core/countries.ts';
import { groupBy } from '../core/group.ts';
import { NOT_PRODUCTS } from '../core/hs.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import type { ProductRow, TradeRow } from '../normalise/table.ts';
import { share } from './bilateral.ts';
import { findIndicator, type IndicatorContext, inherit, notAvailable, provenance } from './context.ts';
import { marketShareGap } from './matrixPotential.ts';
import { exportPotential, untappedPotential } from './potential.ts';
import { headingsOf } from './products.ts';
import { isComplete, reportsOf, rowsOf } from './reports.ts';
import type { HeadingPotential, HeadingRanking, Indicator } from './types.ts';

/** Headings whose indicators go into indicators.json; the whole ranking is a table (`HeadingRanking`). */
export const TOP_HEADINGS = 10;

/** What the ranking leaves out: the rows behind a heading's values, and whether its exports are listed. */
interface Found {
  from: Sourced[][];
  listed: boolean;
}

/** What a value's provenance is read from: trade rows or product rows. */
type Sourced = Pick<TradeRow, 'sources' | 'status'>;

/** A heading's value and the rows behind it. */
type Heading = { valueUsd: number; parts: ProductRow[] };

/**
 * Export potential by HS4 heading from the partner's imports from the world by heading (D_h), the
 * reporter's share of world exports of it (w_h = X_rw,h / X_ww,h, the world being every exporter in the
 * inputs) and its exports to the partner (A_h): the same formulas as by chapter (P_h = D_h × w_h,
 * U_h = P_h − A_h, G_h = (w_h − m_h) × D_h), for the latest year the inputs hold all three at HS4 or
 * HS6. Indicators for the largest untapped headings; the whole ranking as a table for tables/*.csv.
 */
export function headingPotentialIndicators(ctx: IndicatorContext): Indicator[] {
  const { indicators, ranking } = headingPotential(ctx);
  if (ranking) ctx.headingRanking = ranking;
  return indicators;
}

function headingPotential(ctx: IndicatorContext): { indicators: Indicator[]; ranking?: HeadingRanking } {
  const { reporter, partner } = ctx.n.config;
  const rows = ctx.n.products.filter((r) => !NOT_PRODUCTS.has(r.product.slice(0, 2)));
  const of = (who: string, whom: string, flow: string, period: string) =>
    rows.filter((r) => r.reporter === who && r.partner === whom && r.flow === flow && r.period === period);
  const demandPeriods = [...new Set(rows.filter((r) => isDemand(r, partner)).map((r) => r.period))];
  if (demandPeriods.length === 0) return { indicators: [] };
  // A world of the reporter alone would give it every market: other exporters are needed, as by chapter.
  const supplied = (period: string) =>
    of(reporter, WORLD, 'export', period).length > 0 && (worldOf(rows, period)?.exporters ?? 0) > 1;
  const latest = (list: string[]) => list.reduce((a, b) => (yearOf(rows, b) > yearOf(rows, a) ? b : a));
  const withSupply = demandPeriods.filter(supplied);
  if (withSupply.length === 0) {
    const period = latest(demandPeriods);
    const base = {
      id: 'heading.potential',
      label: t.headingPotentialLabel(ctx.reporterName, ctx.partnerName),
    };
    return {
      indicators: [
        notAvailable(
          { ...base, period, unit: 'USD', formula: 'potential' },
          t.needsWorldExportsByHeading(ctx.reporterName, period),
        ),
      ],
    };
  }
  const period = latest(withSupply);
  const overall = findIndicator(ctx.computed, 'specialisation.worldShare', { reporter }, period);
  if (overall?.value == null) return { indicators: [] };
  const world = worldOf(rows, period) as { headings: Map<string, Heading>; exporters: number };
  const demand = byHeading(of(partner, WORLD, 'import', period));
  const supply = byHeading(of(reporter, WORLD, 'export', period));
  const ownExports = of(reporter, partner, 'export', period);
  // As the products section: the partner's report of its imports where the reporter gives none.
  const exports = byHeading(ownExports.length ? ownExports : of(partner, reporter, 'import', period));
  const partnerImports = of(partner, reporter, 'import', period);
  const imports = partnerImports.length ? byHeading(partnerImports) : exports;
  const unlisted = unlistedIsZero(ctx, period, exports);

  const found: (HeadingPotential & Found)[] = [];
  for (const [heading, d] of demand) {
    const x = supply.get(heading);
    const w = world.headings.get(heading);
    const worldShare = x && w ? share(x.valueUsd, w.valueUsd) : null;
    if (!x || !w || worldShare === null) continue;
    const { potential } = exportPotential(d.valueUsd, worldShare, overall.value);
    const a = exports.get(heading);
    const none = a ? undefined : unlisted(heading);
    const actual = a ? a.valueUsd : none ? 0 : null;
    const bought = imports.get(heading)?.valueUsd ?? (actual === 0 ? 0 : null);
    const marketShare = bought === null ? null : share(bought, d.valueUsd);
    found.push({
      rank: null,
      heading,
      demand: d.valueUsd,
      marketShare,
      worldShare,
      potential,
      exports: actual,
      listed: a !== undefined,
      untapped: actual === null ? null : untappedPotential(potential, actual),
      shareGap: marketShare === null ? null : marketShareGap(d.valueUsd, worldShare, marketShare),
      from: [d.parts, x.parts, w.parts, a?.parts ?? none ?? [], imports.get(heading)?.parts ?? []],
    });
  }
  found.sort(
    (a, b) =>
      Number(a.untapped === null) - Number(b.untapped === null) ||
      (b.untapped ?? b.potential) - (a.untapped ?? a.potential) ||
      compareText(a.heading, b.heading),
  );
  let rank = 0;
  for (const h of found) if (h.untapped !== null) h.rank = ++rank;
  const indicators = [
    ...summaryIndicators(ctx, period, world.exporters, found, overall),
    ...found
      .slice(0, TOP_HEADINGS)
      .flatMap((h) => headingIndicators(ctx, period, world.exporters, h, overall)),
  ];
  const headings = found.map(({ from: _, listed: __, ...h }) => h);
  return { indicators, ranking: { period, exporters: world.exporters, headings } };
}

function isDemand(r: ProductRow, partner: string): boolean {
  return r.reporter === partner && r.partner === WORLD && r.flow === 'import';
}

function yearOf(rows: ProductRow[], period: string): number {
  return rows.find((r) => r.period === period)?.year ?? 0;
}

/** Headings of some rows: a heading's own row where given, else the sum of its HS6 lines. */
function byHeading(rows: ProductRow[]): Map<string, Heading> {
  return new Map(headingsOf(rows).map((h) => [h.code, { valueUsd: h.valueUsd, parts: h.parts }]));
}

/**
 * World exports by heading in a period: as a bulk file sums them over its exporters (reporter `WLD`),
 * else the sum of every reporter's exports to the world in the inputs; with how many exporters.
 */
function worldOf(
  rows: ProductRow[],
  period: string,
): { headings: Map<string, Heading>; exporters: number } | undefined {
  const own = rows.filter((r) => r.period === period && r.reporter === WORLD && r.partner === WORLD);
  if (own.length > 0)
    return { headings: byHeading(own), exporters: Math.max(...own.map((r) => r.exporters ?? 0)) };
  const byReporter = groupBy(
    rows.filter(
      (r) => r.period === period && r.partner === WORLD && r.flow === 'export' && r.reporter !== WORLD,
    ),
    (r) => r.reporter,
  );
  if (byReporter.size === 0) return undefined;
  const headings = new Map<string, Heading>();
  for (const list of byReporter.values()) {
    for (const [code, h] of byHeading(list)) {
      const sum = headings.get(code);
      headings.set(
        code,
        sum ? { valueUsd: sum.valueUsd + h.valueUsd, parts: [...sum.parts, ...h.parts] } : h,
      );
    }
  }
  return { headings, exporters: byReporter.size };
}

/**
 * The rows showing that a heading the pair's exports do not list had none: its chapter's row, when its
 * listed headings add up to the chapter's value; the whole report, when it is complete and lacks the
 * chapter. Undefined otherwise: the heading may hide in what is not itemised, and its exports are unknown.
 */
function unlistedIsZero(
  ctx: IndicatorContext,
  period: string,
  exports: Map<string, Heading>,
): (heading: string) => TradeRow[] | undefined {
  const { reporter, partner } = ctx.n.config;
  const report = reportsOf(ctx.n, { reporter, partner, flow: 'export' }).find((r) => r.period === period);
  const listed = new Map<string, number>();
  for (const [code, h] of exports)
    listed.set(code.slice(0, 2), (listed.get(code.slice(0, 2)) ?? 0) + h.valueUsd);
  return (heading) => {
    if (!report) return undefined;
    const chapter = report.chapters.get(heading.slice(0, 2));
    if (!chapter) return isComplete(report) ? rowsOf(report) : undefined;
    const sum = listed.get(heading.slice(0, 2)) ?? 0;
    return Math.abs(sum - chapter.valueUsd) <= 1e-9 * Math.max(1, chapter.valueUsd) ? [chapter] : undefined;
  };
}

/** The total untapped over the ranked headings, with how many there are and how many have some left. */
function summaryIndicators(
  ctx: IndicatorContext,
  period: string,
  exporters: number,
  found: (HeadingPotential & Found)[],
  overall: Indicator,
): Indicator[] {
  const ranked = found.filter((h) => h.untapped !== null);
  const positive = ranked.filter((h) => (h.untapped ?? 0) > 0);
  return [
    {
      id: 'heading.untappedTotal',
      label: t.headingUntappedTotalLabel(ctx.reporterName, ctx.partnerName),
      period,
      value: positive.reduce((s, h) => s + (h.untapped ?? 0), 0),
      unit: 'USD',
      formula: 'untapped',
      status: 'ok',
      dims: {
        headings: String(found.length),
        ranked: String(ranked.length),
        positive: String(positive.length),
        exporters: String(exporters),
      },
      note: t.headingNote(exporters),
      ...mergeProvenance(
        positive.flatMap((h) => h.from.flat()),
        overall,
      ),
    },
  ];
}

function mergeProvenance(rows: Sourced[], overall: Indicator): { sources: string[]; provisional?: true } {
  const own = provenance(rows);
  const sources = [...new Set([...own.sources, ...overall.sources])].sort();
  return own.provisional || overall.provisional ? { sources, provisional: true } : { sources };
}

/** The indicators of one heading: demand, world share, potential, exports, untapped, market share and gap. */
function headingIndicators(
  ctx: IndicatorContext,
  period: string,
  exporters: number,
  h: HeadingPotential & Found,
  overall: Indicator,
): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const name = `HS ${h.heading}`;
  const [demandRows = [], supplyRows = [], worldRows = [], exportRows = [], importRows = []] = h.from;
  const dims = { heading: h.heading, ...(h.rank === null ? {} : { rank: String(h.rank) }) };
  const note = t.headingNote(exporters);
  const base = { period, status: 'ok' as const, dims };
  const demand: Indicator = {
    ...base,
    id: 'heading.demand',
    label: t.matrixDemandLabel(ctx.partnerName, name),
    value: h.demand,
    unit: 'USD',
    formula: 'importDemand',
    ...provenance(demandRows),
  };
  const worldShare: Indicator = {
    ...base,
    id: 'heading.worldShare',
    label: t.headingWorldShareLabel(ctx.reporterName, h.heading, exporters),
    value: h.worldShare,
    unit: 'ratio',
    formula: 'worldShare',
    note,
    ...provenance([...supplyRows, ...worldRows]),
  };
  const potential: Indicator = {
    ...base,
    id: 'heading.potential',
    label: t.potentialLabel(name),
    value: h.potential,
    unit: 'USD',
    formula: 'potential',
    note,
    ...inherit([demand, worldShare, overall]),
  };
  const out = [demand, worldShare, potential];
  if (h.exports !== null) {
    const exports: Indicator = {
      ...base,
      id: 'heading.exports',
      label: t.matrixExportsLabel(ctx.reporterName, ctx.partnerName, name),
      value: h.exports,
      unit: 'USD',
      formula: 'reported',
      ...provenance(exportRows),
      ...(h.listed ? {} : { note: t.headingNotListed() }),
    };
    out.push(exports, {
      ...base,
      id: 'heading.untapped',
      label: t.untappedLabel(name),
      value: h.untapped,
      unit: 'USD',
      formula: 'untapped',
      note: (h.untapped ?? 0) < 0 ? `${note}; ${t.aboveCapacity()}` : note,
      ...inherit([potential, exports]),
    });
  }
  if (h.marketShare !== null) {
    out.push(
      {
        ...base,
        id: 'heading.marketShare',
        label: `${t.marketShareLabel(ctx.reporterName, ctx.partnerName)}, ${name}`,
        value: h.marketShare,
        unit: 'ratio',
        formula: 'marketShare',
        dims: { ...dims, exporter: reporter, importer: partner },
        ...provenance([...demandRows, ...(importRows.length ? importRows : exportRows)]),
      },
      {
        ...base,
        id: 'heading.shareGap',
        label: t.shareGapLabel(name),
        value: h.shareGap,
        unit: 'USD',
        formula: 'marketShareGap',
        note,
        ...inherit([demand, worldShare]),
      },
    );
  }
  return out;
}
