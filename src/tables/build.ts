import { chapterName, select, sortPeriods } from '../indicators/query.ts';
import { rankedHeadings } from '../indicators/topProducts.ts';
import type { IndicatorSet } from '../indicators/types.ts';
import { headingName } from '../reference/hs.ts';
import { toCsv } from './csv.ts';

export interface CsvTable {
  file: string;
  csv: string;
}

/** Measures of the trade's structure by HS chapter: one row per chapter and year, for the annex file. */
const BY_CHAPTER = ['fit.marketShare', 'intraIndustry.chapter', 'specialisation.rca'];

export function buildTables(set: IndicatorSet, options: { bom?: boolean } = {}): CsvTable[] {
  const bom = options.bom ?? false;
  const periods = sortPeriods(
    select(set, 'trade.exports')
      .concat(select(set, 'trade.imports'))
      .map((i) => i.period),
  );
  const value = (id: string, period: string) =>
    select(set, id).find((i) => i.period === period)?.value ?? null;
  return [
    {
      file: 'tables/trade.csv',
      csv: toCsv(
        [
          'period',
          'exports_usd',
          'imports_usd',
          'total_usd',
          'balance_usd',
          'coverage_ratio',
          'total_yoy_ratio',
          'provisional',
        ],
        periods.map((p) => [
          p,
          value('trade.exports', p),
          value('trade.imports', p),
          value('trade.total', p),
          value('trade.balance', p),
          value('trade.coverage', p),
          value('growth.total.yoy', p),
          select(set, 'trade.total').find((i) => i.period === p)?.provisional ? 'yes' : 'no',
        ]),
        bom,
      ),
    },
    {
      file: 'tables/composition.csv',
      csv: toCsv(
        ['period', 'flow', 'chapter', 'value_usd', 'share_ratio'],
        select(set, 'composition.chapter.value').map((i) => [
          i.period,
          i.dims?.flow ?? '',
          i.dims?.chapter ?? '',
          i.value,
          select(set, 'composition.chapter.share', {
            flow: i.dims?.flow ?? '',
            chapter: i.dims?.chapter ?? '',
          }).find((s) => s.period === i.period)?.value ?? null,
        ]),
        bom,
      ),
    },
    {
      file: 'tables/indicators.csv',
      csv: toCsv(
        [
          'id',
          'label',
          'period',
          'value',
          'high',
          'unit',
          'status',
          'formula',
          'dims',
          'sources',
          'needs',
          'note',
        ],
        set.indicators.map((i) => [
          i.id,
          i.label,
          i.period,
          i.value,
          i.high ?? null,
          i.unit,
          i.status,
          i.formula,
          Object.entries(i.dims ?? {})
            .map(([k, v]) => `${k}=${v}`)
            .join('; '),
          i.sources.join('; '),
          i.needs ?? '',
          i.note ?? '',
        ]),
        bom,
      ),
    },
    {
      file: 'tables/structure.csv',
      csv: toCsv(
        ['id', 'period', 'chapter', 'exporter', 'importer', 'value', 'high', 'status', 'formula'],
        set.indicators
          .filter((i) => BY_CHAPTER.includes(i.id) && i.dims?.chapter && i.value !== null)
          .map((i) => [
            i.id,
            i.period,
            i.dims?.chapter ?? '',
            i.dims?.exporter ?? i.dims?.reporter ?? '',
            i.dims?.importer ?? '',
            i.value,
            i.high ?? null,
            i.status,
            i.formula,
          ]),
        bom,
      ),
    },
    productsTable(set, bom),
    productLinesTable(set, bom),
    potentialTable(set, bom),
    headingPotentialTable(set, bom),
    {
      file: 'tables/sources.csv',
      csv: toCsv(
        ['id', 'publisher', 'title', 'url', 'note'],
        set.sources.map((s) => [s.id, s.publisher, s.title, s.url, s.note]),
        bom,
      ),
    },
  ];
}

/** Every HS4 heading of each flow in the latest year with product detail, largest first. */
function productsTable(set: IndicatorSet, bom: boolean): CsvTable {
  const rows = (['export', 'import'] as const).flatMap((flow) =>
    rankedHeadings(set, flow).headings.map((h, i) => [
      flow,
      i + 1,
      h.heading,
      h.value.label,
      h.value.period,
      h.value.value,
      h.share?.value ?? null,
      h.change?.dims?.from ?? '',
      h.change?.value ?? null,
      h.changeFirst?.dims?.from ?? '',
      h.changeFirst?.value ?? null,
      h.unitValue?.value ?? null,
      h.unitValue?.dims?.quantityUnit ?? '',
      h.volume?.value ?? null,
      h.price?.value ?? null,
    ]),
  );
  return {
    file: 'tables/products.csv',
    csv: toCsv(
      [
        'flow',
        'rank',
        'hs4',
        'name',
        'period',
        'value_usd',
        'share_ratio',
        'change_from',
        'change_ratio',
        'change_first_from',
        'change_first_ratio',
        'unit_value_usd',
        'quantity_unit',
        'volume_effect_usd',
        'price_effect_usd',
      ],
      rows,
      bom,
    ),
  };
}

/** Unit values of the HS6 lines with a quantity, in the latest year with product detail. */
function productLinesTable(set: IndicatorSet, bom: boolean): CsvTable {
  return {
    file: 'tables/product_lines.csv',
    csv: toCsv(
      ['flow', 'hs6', 'period', 'unit_value_usd', 'quantity_unit'],
      select(set, 'products.line.unitValue').map((i) => [
        i.dims?.flow ?? '',
        i.dims?.product ?? '',
        i.period,
        i.value,
        i.dims?.quantityUnit ?? '',
      ]),
      bom,
    ),
  };
}

/** The ranking of export potential by HS chapter computed from the partner's imports from the world. */
function potentialTable(set: IndicatorSet, bom: boolean): CsvTable {
  return {
    file: 'tables/potential.csv',
    csv: toCsv(
      [
        'rank',
        'period',
        'chapter',
        'name',
        'demand_usd',
        'market_share_ratio',
        'world_share_ratio',
        'potential_usd',
        'exports_usd',
        'untapped_usd',
        'share_gap_usd',
      ],
      select(set, 'matrix.untapped')
        .filter((u) => u.value !== null)
        .map((u) => {
          const at = { chapter: u.dims?.chapter ?? '' };
          const found = (id: string, dims: Record<string, string> = {}) =>
            select(set, id, { ...at, ...dims }).find((i) => i.period === u.period)?.value ?? null;
          const { reporter, partner } = set.meta;
          return [
            Number(u.dims?.rank),
            u.period,
            at.chapter,
            chapterName(set, at.chapter),
            found('matrix.demand'),
            found('fit.marketShare', { exporter: reporter, importer: partner }),
            found('specialisation.chapterWorldShare', { reporter }),
            found('matrix.potential'),
            found('matrix.exports'),
            u.value,
            found('matrix.shareGap'),
          ];
        }),
      bom,
    ),
  };
}

/** The whole ranking of export potential by HS4 heading, largest untapped first. */
function headingPotentialTable(set: IndicatorSet, bom: boolean): CsvTable {
  const ranking = set.headingPotential;
  return {
    file: 'tables/potential_headings.csv',
    csv: toCsv(
      [
        'rank',
        'period',
        'hs4',
        'name',
        'demand_usd',
        'market_share_ratio',
        'world_share_ratio',
        'world_exporters',
        'potential_usd',
        'exports_usd',
        'untapped_usd',
        'share_gap_usd',
      ],
      (ranking?.headings ?? []).map((h) => [
        h.rank,
        ranking?.period ?? '',
        h.heading,
        headingName(h.heading) ?? '',
        h.demand,
        h.marketShare,
        h.worldShare,
        ranking?.exporters ?? null,
        h.potential,
        h.exports,
        h.untapped,
        h.shareGap,
      ]),
      bom,
    ),
  };
}
