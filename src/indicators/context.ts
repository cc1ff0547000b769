import { countryName } from '../core/countries.ts';
import type { DataNote, Normalised, TradeRow } from '../normalise/table.ts';
import { withDims } from './byId.ts';
import type { PairSeries } from './pairSeries.ts';
import type { HeadingRanking, Indicator } from './types.ts';

/** What every indicator group reads: the normalised table, the pair's series and the names to label with. */
export interface IndicatorContext {
  n: Normalised;
  series: PairSeries;
  reporterName: string;
  partnerName: string;
  notes: DataNote[];
  /** Indicators computed by the groups before this one: later groups build on them, never recompute. */
  computed: Indicator[];
  /** The whole ranking of export potential by heading, beside the indicators of its top headings. */
  headingRanking?: HeadingRanking;
}

export type IndicatorGroup = (ctx: IndicatorContext) => Indicator[];

/** The name the briefing uses for one of the pair, or the standard short name of any other country. */
export function nameOf(ctx: IndicatorContext, code: string): string {
  if (code === ctx.n.config.reporter) return ctx.reporterName;
  if (code === ctx.n.config.partner) return ctx.partnerName;
  return countryName(code);
}

/** The latest period of the pair's series: where an indicator with no period of its own is filed. */
export function latestPairPeriod(ctx: IndicatorContext): string {
  return ctx.series.years[ctx.series.years.length - 1]?.period ?? '';
}

type Sourced = Pick<TradeRow, 'sources' | 'status'>;

/** Sources and provisional flag of the rows behind a value. */
export function provenance(rows: (Sourced | undefined)[]): { sources: string[]; provisional?: true } {
  const sources = new Set<string>();
  let provisional = false;
  for (const row of rows) {
    if (!row) continue;
    for (const source of row.sources) sources.add(source);
    if (row.status === 'provisional') provisional = true;
  }
  const sorted = [...sources].sort();
  return provisional ? { sources: sorted, provisional: true } : { sources: sorted };
}

/** Sources and provisional flag of the computed indicators a value is built from. */
export function inherit(from: Indicator[]): { sources: string[]; provisional?: true } {
  const sources = [...new Set(from.flatMap((i) => i.sources))].sort();
  return from.some((i) => i.provisional) ? { sources, provisional: true } : { sources };
}

export function notAvailable(
  base: Omit<Indicator, 'value' | 'status' | 'sources'>,
  needs: string,
): Indicator {
  return { ...base, value: null, status: 'not_available', sources: [], needs };
}

/** The first computed indicator with this id whose dims include all of `dims`. */
export function findIndicator(
  list: Indicator[],
  id: string,
  dims: Record<string, string> = {},
  period?: string,
): Indicator | undefined {
  return withDims(list, id, dims).find((i) => period === undefined || i.period === period);
}

/** Both directions of the pair, each with the countries' names: reporter → partner, then partner → reporter. */
export function directions(
  ctx: IndicatorContext,
): { exporter: string; importer: string; exporterName: string; importerName: string }[] {
  const { reporter, partner } = ctx.n.config;
  return [
    [reporter, partner],
    [partner, reporter],
  ].map(([exporter = '', importer = '']) => ({
    exporter,
    importer,
    exporterName: nameOf(ctx, exporter),
    importerName: nameOf(ctx, importer),
  }));
}
