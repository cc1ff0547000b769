import { WORLD } from '../core/countries.ts';
import { formatPercent, formatUsd } from '../core/format.ts';
import { NOT_PRODUCTS } from '../core/hs.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { isWorldSum } from '../core/relevance.ts';
import { compareText } from '../core/text.ts';
import type { DataNote, SectorInfo } from '../normalise/table.ts';
import { share } from './bilateral.ts';
import { type IndicatorContext, latestPairPeriod, nameOf, notAvailable, provenance } from './context.ts';
import { sortPeriods } from './query.ts';
import { isComplete, productSum, productsOnly, type Report, reportsOf, rowsOf } from './reports.ts';
import type { Indicator } from './types.ts';

/** Balassa's RCA: (x_ij / X_i) / (x_wj / X_w); undefined where the world doesn't export the product. */
export function rca(x: number, total: number, worldX: number, worldTotal: number): number | null {
  return total > 0 && worldX > 0 && worldTotal > 0 ? x / total / (worldX / worldTotal) : null;
}

/** The world of one year: every reporter present with exports to the world by chapter, summed. */
export interface World {
  reporters: number;
  chapters: Map<string, number>;
  total: number;
  /** False when a reporter leaves part of its exports unitemised: chapter sums then fall short. */
  complete: boolean;
}

export function worldExports(reports: Report[]): World {
  const chapters = new Map<string, number>();
  for (const report of reports) {
    for (const [code, row] of report.chapters) chapters.set(code, (chapters.get(code) ?? 0) + row.valueUsd);
  }
  return {
    reporters: reports.length,
    chapters,
    total: reports.reduce((sum, r) => sum + productSum(r), 0),
    complete: reports.every(isComplete),
  };
}

/** The world as a file sums it over its exporters (reporter `WLD`, as BACI's extract hands it on). */
function summedWorld(report: Report): World {
  return {
    reporters: Math.max(0, ...[...report.chapters.values()].map((r) => r.exporters ?? 0)),
    chapters: new Map([...report.chapters].map(([code, row]) => [code, row.valueUsd])),
    total: productSum(report),
    complete: isComplete(report),
  };
}

/**
 * A year's world, in products and with every chapter: as a file sums it over its exporters (BACI's, where
 * no other file gives exports to the world that year), the reports beside it being part of it; else the
 * sum of the reporters' reports.
 */
function worldOfYear(given: Report[]): { products: World; all: World } {
  const summed = given.find((r) => rowsOf(r).some(isWorldSum));
  if (summed) return { products: summedWorld(productsOnly(summed)), all: summedWorld(summed) };
  const reports = given.map(productsOnly).filter((r) => r.chapters.size > 0);
  return { products: worldExports(reports), all: worldExports(given) };
}

/** Each country of the pair's exports in non-product chapters, as a share of its exports; undefined if none. */
function nonProductShares(ctx: IndicatorContext, reports: Report[]): string[] | undefined {
  const { reporter, partner } = ctx.n.config;
  const leftOut = (r: Report) =>
    [...r.chapters].reduce((sum, [code, row]) => sum + (NOT_PRODUCTS.has(code) ? row.valueUsd : 0), 0);
  if (!reports.some((r) => leftOut(r) > 0)) return undefined;
  return reports
    .filter((r) => r.reporter === reporter || r.reporter === partner)
    .map((r) => `${formatPercent(share(leftOut(r), productSum(r)) ?? 0)} of ${nameOf(ctx, r.reporter)}'s`);
}

/** A chapter's exports in a report; zero when a complete report doesn't list it, unknown otherwise. */
function chapterValue(report: Report, chapter: string): number | undefined {
  return report.chapters.get(chapter)?.valueUsd ?? (isComplete(report) ? 0 : undefined);
}

/**
 * RCA and world market shares of both countries of the pair, by chapter and by sector, for every year
 * the inputs hold exports to the world by chapter. The world is the reporters present, said in a note.
 */
export function specialisationIndicators(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const all = reportsOf(ctx.n, { partner: WORLD, flow: 'export' }).filter((r) => r.chapters.size > 0);
  const out: Indicator[] = [];
  const worlds: WorldOfYear[] = [];
  for (const period of sortPeriods(all.map((r) => r.period))) {
    const given = all.filter((r) => r.period === period);
    const countries = given
      .filter((r) => r.reporter === reporter || r.reporter === partner)
      .map(productsOnly)
      .filter((r) => r.chapters.size > 0);
    const { products: world, all: withEveryChapter } = worldOfYear(given);
    if (countries.length === 0 || world.reporters < 2) continue;
    const origin = provenance(given.flatMap(rowsOf));
    const leftOut = nonProductShares(ctx, given);
    worlds.push({
      period,
      reporters: world.reporters,
      total: world.total,
      countries: countries.map((r) => nameOf(ctx, r.reporter)),
      leftOut,
      sources: origin.sources,
    });
    const base = { period, ...origin, note: t.worldNote(world.reporters, world.complete) };
    out.push({
      ...base,
      id: 'specialisation.worldExports',
      label: t.worldExportsLabel(world.reporters),
      value: world.total,
      unit: 'USD',
      formula: 'worldExports',
      status: world.complete ? 'ok' : 'partial',
      dims: { reporters: String(world.reporters) },
    });
    for (const report of countries) out.push(...countryIndicators(ctx, report, world, base));
    if (leftOut) out.push(...allCommodityShares(ctx, given, withEveryChapter, base));
  }
  const note = worldNote(worlds);
  if (note) ctx.notes.push(note);
  for (const country of [reporter, partner]) {
    if (out.some((i) => i.dims?.reporter === country)) continue;
    const name = nameOf(ctx, country);
    const label = t.rcaLabel(name);
    // What is absent: the country's own exports to the world, or the other reporters that make a world.
    const held = [...new Set(all.filter((r) => r.reporter === country).map((r) => r.period))];
    const needs = held.length
      ? t.needsOtherReporters(name, held.join(', '))
      : t.needsWorldExportsByChapter(name);
    out.push(
      notAvailable(
        {
          id: 'specialisation.rca',
          label,
          period: latestPairPeriod(ctx),
          unit: 'index',
          formula: 'rca',
          dims: { reporter: country },
        },
        needs,
      ),
    );
  }
  return out;
}

/** What "the world" of one year's RCA and world shares is, for the data notes. */
interface WorldOfYear {
  period: string;
  reporters: number;
  total: number;
  countries: string[];
  leftOut: string[] | undefined;
  sources: string[];
}

/**
 * One data note for every year's world: a multi-year folder says once which reporters make the world,
 * with the range of their number and exports where these vary by year.
 */
function worldNote(worlds: WorldOfYear[]): DataNote | undefined {
  const first = worlds[0];
  const last = worlds[worlds.length - 1];
  if (!first || !last) return undefined;
  const span = (values: string[]) => {
    const distinct = [...new Set(values)];
    return distinct.length === 1 ? (distinct[0] ?? '') : `${distinct[0]} to ${distinct[distinct.length - 1]}`;
  };
  const counts = worlds.map((w) => w.reporters).sort((a, b) => a - b);
  const totals = worlds.map((w) => w.total).sort((a, b) => a - b);
  const countries = [...new Set(worlds.flatMap((w) => w.countries))];
  const world =
    worlds.length === 1
      ? t.worldIsReporters(first.period, first.reporters, formatUsd(first.total), countries)
      : t.worldIsReportersYears(
          first.period,
          last.period,
          span(counts.map(String)),
          span(totals.map((v) => formatUsd(v))),
          countries,
        );
  const leftOut = worlds
    .filter((w) => w.leftOut)
    .flatMap((w) =>
      worlds.length === 1 ? (w.leftOut ?? []) : (w.leftOut ?? []).map((x) => `${x} (${w.period})`),
    );
  return {
    kind: 'coverage',
    text: [world, leftOut.length ? t.nonProductsLeftOut(leftOut) : ''].filter(Boolean).join(' '),
    sources: [...new Set(worlds.flatMap((w) => w.sources))].sort(),
  };
}

/**
 * Each country of the pair's share of the world's exports with non-product chapters counted: what a
 * market share whose reports cannot be cleared of them is set against, so that one ratio has one basis.
 */
function allCommodityShares(
  ctx: IndicatorContext,
  given: Report[],
  world: World,
  base: { period: string; sources: string[]; provisional?: true; note: string },
): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const status = world.complete ? ('ok' as const) : ('partial' as const);
  return given
    .filter((r) => r.reporter === reporter || r.reporter === partner)
    .flatMap((r) => {
      const value = share(productSum(r), world.total);
      if (value === null) return [];
      return [
        {
          ...base,
          id: 'specialisation.worldShareAllCommodities',
          label: t.worldShareAllLabel(nameOf(ctx, r.reporter), world.reporters),
          value,
          unit: 'ratio',
          formula: 'worldShare' as const,
          status,
          dims: { reporter: r.reporter },
        },
      ];
    });
}

function countryIndicators(
  ctx: IndicatorContext,
  report: Report,
  world: World,
  base: { period: string; sources: string[]; provisional?: true; note: string },
): Indicator[] {
  const name = nameOf(ctx, report.reporter);
  const total = productSum(report);
  const status = world.complete && isComplete(report) ? ('ok' as const) : ('partial' as const);
  const out: Indicator[] = [];
  const worldShare = share(total, world.total);
  if (worldShare !== null) {
    out.push({
      ...base,
      id: 'specialisation.worldShare',
      label: t.worldShareLabel(name, world.reporters),
      value: worldShare,
      unit: 'ratio',
      formula: 'worldShare',
      status: world.complete ? 'ok' : 'partial',
      dims: { reporter: report.reporter },
    });
  }
  for (const [chapter, worldX] of [...world.chapters].sort(([a], [b]) => compareText(a, b))) {
    const x = chapterValue(report, chapter);
    if (x === undefined) continue;
    const chapterShare = share(x, worldX);
    if (chapterShare !== null) {
      out.push({
        ...base,
        id: 'specialisation.chapterWorldShare',
        label: t.chapterWorldShareLabel(name, chapter, world.reporters),
        value: chapterShare,
        unit: 'ratio',
        formula: 'worldShare',
        status,
        dims: { reporter: report.reporter, chapter },
      });
    }
    const value = rca(x, total, worldX, world.total);
    if (value === null) continue;
    out.push({
      ...base,
      id: 'specialisation.rca',
      label: t.rcaChapterLabel(name, chapter),
      value,
      unit: 'index',
      formula: 'rca',
      status,
      dims: { reporter: report.reporter, chapter },
    });
  }
  for (const sector of ctx.n.sectors) out.push(...sectorIndicators(report, sector, world, name, base));
  return out;
}

/** Sector sums of the chapters; where some of the country's chapters are unknown, a lower bound. */
function sectorIndicators(
  report: Report,
  sector: SectorInfo,
  world: World,
  name: string,
  base: { period: string; sources: string[]; provisional?: true; note: string },
): Indicator[] {
  const values = sector.chapterList.map((c) => chapterValue(report, c));
  const x = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const worldX = sector.chapterList.reduce((sum, c) => sum + (world.chapters.get(c) ?? 0), 0);
  const known = values.every((v) => v !== undefined);
  const status = known && world.complete ? ('ok' as const) : ('partial' as const);
  const note = known ? base.note : `${base.note}; ${t.atLeast()}`;
  const dims = { reporter: report.reporter, sector: sector.id };
  const sectorShare = share(x, worldX);
  const sectorRca = rca(x, productSum(report), worldX, world.total);
  return [
    ...(sectorShare === null
      ? []
      : [
          {
            ...base,
            id: 'specialisation.sectorWorldShare',
            label: t.sectorWorldShareLabel(name, sector.name, world.reporters),
            value: sectorShare,
            unit: 'ratio',
            formula: 'worldShare' as const,
            status,
            note,
            dims,
          },
        ]),
    ...(sectorRca === null
      ? []
      : [
          {
            ...base,
            id: 'specialisation.sectorRca',
            label: t.sectorRcaLabel(name, sector.name),
            value: sectorRca,
            unit: 'index',
            formula: 'rca' as const,
            status,
            note,
            dims,
          },
        ]),
  ];
}
