import { groupBy } from '../core/group.ts';
import { headingOf } from '../core/hs.ts';
import { productText as t } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import type { ProductRow, TradeRow } from '../normalise/table.ts';
import { headingName } from '../reference/hs.ts';
import { share } from './bilateral.ts';
import { type IndicatorContext, provenance } from './context.ts';
import { yoy } from './growth.ts';
import type { Indicator } from './types.ts';

/** A product's value and quantity, as any of its rows gives them. */
export interface ProductValue {
  product: string;
  valueUsd: number;
  quantity: number | null;
  quantityUnit: string | null;
}

/** A unit value, in USD per `unit`, over the part of the value whose lines have quantities in that unit. */
export interface UnitValue {
  value: number;
  unit: string;
  /** Share of the value behind it: lines without a quantity, or in another unit, are left out. */
  covered: number;
}

/** The Bennet split of the change in value over the lines with quantities in one unit in both years. */
export interface PriceVolume {
  volume: number;
  price: number;
  /** The lines' value in the earlier and later year. */
  before: number;
  after: number;
  lines: number;
}

/**
 * The most detailed codes present: a code with a longer one under it (3004 beside 300490) stands for
 * lines listed on their own, so only those lines are used.
 */
export function leafLines<T extends { product: string }>(rows: T[]): T[] {
  const codes = new Set(rows.map((r) => r.product));
  const parents = new Set<string>();
  for (const code of codes) if (code.length === 6) parents.add(headingOf(code));
  return rows.filter((r) => r.product.length === 6 || !parents.has(r.product));
}

/**
 * HS4 headings: a heading's own row where the inputs give one, else the sum of its HS6 lines. Each
 * heading comes with the rows its value sums.
 */
export function headingsOf<T extends ProductValue>(
  rows: T[],
): { code: string; valueUsd: number; parts: T[] }[] {
  const byHeading = groupBy(rows, (r) => headingOf(r.product));
  return [...byHeading].map(([code, list]) => {
    const own = list.filter((r) => r.product === code);
    const parts = own.length > 0 ? own : list;
    return { code, valueUsd: parts.reduce((s, r) => s + r.valueUsd, 0), parts };
  });
}

/**
 * Σ v / Σ q over the lines with a quantity above zero in one unit: the unit holding the most value when
 * lines differ (never across units). Undefined when no line has a quantity.
 */
export function unitValueOf(lines: ProductValue[]): UnitValue | undefined {
  const byUnit = new Map<string, { value: number; quantity: number }>();
  for (const line of lines) {
    if (line.quantity === null || line.quantityUnit === null || !(line.quantity > 0)) continue;
    const sums = byUnit.get(line.quantityUnit) ?? { value: 0, quantity: 0 };
    sums.value += line.valueUsd;
    sums.quantity += line.quantity;
    byUnit.set(line.quantityUnit, sums);
  }
  const [unit, sums] =
    [...byUnit].sort(([ua, a], [ub, b]) => b.value - a.value || compareText(ua, ub))[0] ?? [];
  if (unit === undefined || sums === undefined) return undefined;
  const total = lines.reduce((s, l) => s + l.valueUsd, 0);
  return { value: sums.value / sums.quantity, unit, covered: total > 0 ? sums.value / total : 1 };
}

/**
 * The change in value between two years split into a volume and a price effect (Bennet, Marshall–
 * Edgeworth weights), line by line: volume (q1 − q0)(p0 + p1)/2, price (p1 − p0)(q0 + q1)/2, which add
 * up to v1 − v0. Only lines with a quantity above zero in the same unit in both years take part.
 */
export function priceVolumeSplit(before: ProductValue[], after: ProductValue[]): PriceVolume {
  const earlier = new Map(before.map((l) => [l.product, l]));
  const split: PriceVolume = { volume: 0, price: 0, before: 0, after: 0, lines: 0 };
  for (const line of after) {
    const old = earlier.get(line.product);
    if (!old || !isMeasured(old) || !isMeasured(line) || old.quantityUnit !== line.quantityUnit) continue;
    const q0 = old.quantity as number;
    const q1 = line.quantity as number;
    const p0 = old.valueUsd / q0;
    const p1 = line.valueUsd / q1;
    split.volume += ((q1 - q0) * (p0 + p1)) / 2;
    split.price += ((p1 - p0) * (q0 + q1)) / 2;
    split.before += old.valueUsd;
    split.after += line.valueUsd;
    split.lines += 1;
  }
  return split;
}

const isMeasured = (l: ProductValue): boolean =>
  l.quantity !== null && l.quantityUnit !== null && l.quantity > 0;

type Flow = 'export' | 'import';

/** One direction's product rows by year, from one side's report, and the flow's totals. */
interface Direction {
  flow: Flow;
  mirror: boolean;
  years: { period: string; year: number; rows: ProductRow[]; total?: TradeRow }[];
}

/**
 * Top products each way by HS4 heading (value, share of the flow, change since the previous and the
 * first year), unit values by heading and HS6 line, and the price/volume split of each flow's change
 * from the previous year to the latest, where the inputs have HS4/HS6 detail.
 */
export function productIndicators(ctx: IndicatorContext): Indicator[] {
  const directions = (['export', 'import'] as const)
    .map((flow) => directionOf(ctx, flow))
    .filter((d) => d !== undefined);
  if (directions.length === 0) {
    // One line in the data notes; the section is left out.
    ctx.notes.push({ kind: 'coverage', text: t.notAvailable(), sources: [] });
    return [];
  }
  return directions.flatMap((d) => directionIndicators(ctx, d));
}

function directionOf(ctx: IndicatorContext, flow: Flow): Direction | undefined {
  const { reporter, partner } = ctx.n.config;
  const opposite: Flow = flow === 'export' ? 'import' : 'export';
  const own = ctx.n.products.filter(
    (r) => r.reporter === reporter && r.partner === partner && r.flow === flow,
  );
  const mirrored = ctx.n.products.filter(
    (r) => r.reporter === partner && r.partner === reporter && r.flow === opposite,
  );
  const rows = own.length > 0 ? own : mirrored;
  if (rows.length === 0) return undefined;
  const side = rows[0] as ProductRow;
  // One basis of years (BACI and Comtrade are calendar): the one with the most rows.
  const count = (basis: string) => rows.filter((r) => r.basis === basis).length;
  const basis = count('calendar') >= count('fiscal') ? 'calendar' : 'fiscal';
  const byPeriod = new Map<string, ProductRow[]>();
  for (const row of rows) {
    if (row.basis !== basis) continue;
    const list = byPeriod.get(row.period);
    if (list) list.push(row);
    else byPeriod.set(row.period, [row]);
  }
  const years = [...byPeriod]
    .map(([period, list]) => {
      const total = ctx.n.trade.find(
        (r) =>
          r.product === 'TOTAL' &&
          r.period === period &&
          r.reporter === side.reporter &&
          r.partner === side.partner &&
          r.flow === side.flow,
      );
      return { period, year: (list[0] as ProductRow).year, rows: list, ...(total ? { total } : {}) };
    })
    .sort((a, b) => a.year - b.year);
  return { flow, mirror: own.length === 0, years };
}

function directionIndicators(ctx: IndicatorContext, d: Direction): Indicator[] {
  const { flow } = d;
  const partner = ctx.partnerName;
  const out: Indicator[] = [];
  const note = d.mirror ? { note: t.mirror(partner) } : {};
  const headingsByYear = d.years.map((y) => ({ ...y, headings: headingsOf(y.rows) }));
  const latest = headingsByYear[headingsByYear.length - 1];
  const previous = headingsByYear[headingsByYear.length - 2];
  const first = headingsByYear[0];
  if (!latest) return out;
  const nameOf = (code: string) => t.headingLabel(code, headingName(code) ?? '').trim();

  for (const y of headingsByYear) {
    for (const h of y.headings) {
      const dims = { flow, heading: h.code };
      out.push({
        id: 'products.heading.value',
        label: nameOf(h.code),
        period: y.period,
        value: h.valueUsd,
        unit: 'USD',
        formula: 'reported',
        status: 'ok',
        dims,
        ...provenance(h.parts),
        ...note,
      });
      const uv = unitValueOf(h.parts);
      if (uv) out.push(unitValueIndicator(uv, y.period, { ...dims, quantityUnit: uv.unit }, h.code, h.parts));
    }
  }

  // The latest year: shares of the flow and changes since the previous and the first year.
  const flowTotal = latest.total?.valueUsd ?? latest.headings.reduce((s, h) => s + h.valueUsd, 0);
  const earlierValue = (y: typeof previous, code: string) => y?.headings.find((h) => h.code === code);
  for (const h of latest.headings) {
    const dims = { flow, heading: h.code };
    const value = share(h.valueUsd, flowTotal);
    if (value !== null) {
      out.push({
        id: 'products.heading.share',
        label: t.shareLabel(h.code, flow, partner),
        period: latest.period,
        value,
        unit: 'ratio',
        formula: 'share',
        status: 'ok',
        dims,
        ...provenance([...h.parts, latest.total]),
      });
    }
    for (const [id, y] of [
      ['products.heading.change', previous],
      ['products.heading.changeFirst', first !== previous ? first : undefined],
    ] as const) {
      const before = y && y !== latest ? earlierValue(y, h.code) : undefined;
      const change = before ? yoy(h.valueUsd, before.valueUsd) : null;
      if (!y || !before || change === null) continue;
      out.push({
        id,
        label: `${nameOf(h.code)}: change since ${y.period}`,
        period: latest.period,
        value: change,
        unit: 'ratio',
        formula: y.year === latest.year - 1 ? 'yoy' : 'changeSince',
        status: 'ok',
        dims: { ...dims, from: y.period },
        ...provenance([...h.parts, ...before.parts]),
      });
    }
  }
  for (const line of latest.rows.filter((r) => r.product.length === 6)) {
    const uv = unitValueOf([line]);
    if (!uv) continue;
    const dims = { flow, product: line.product, quantityUnit: uv.unit };
    out.push({
      ...unitValueIndicator(uv, latest.period, dims, line.product, [line]),
      id: 'products.line.unitValue',
    });
  }
  if (previous) out.push(...splitIndicators(ctx, d, previous, latest));
  return out;
}

function unitValueIndicator(
  uv: UnitValue,
  period: string,
  dims: Record<string, string>,
  code: string,
  rows: ProductRow[],
): Indicator {
  return {
    id: 'products.heading.unitValue',
    label: t.unitValueLabel(code, uv.unit),
    period,
    value: uv.value,
    unit: `USD per ${uv.unit}`,
    formula: 'unitValue',
    status: uv.covered < 1 ? 'partial' : 'ok',
    dims,
    ...provenance(rows),
    ...(uv.covered < 1 ? { note: t.unitValueCovers(`${(uv.covered * 100).toFixed(1)} %`, uv.unit) } : {}),
  };
}

type Year = Direction['years'][number];

/**
 * The flow's change from `before` to `after`, and its Bennet split over the lines with quantities in
 * both years, for the flow and for each heading with such lines.
 */
function splitIndicators(ctx: IndicatorContext, d: Direction, before: Year, after: Year): Indicator[] {
  const { flow } = d;
  const partner = ctx.partnerName;
  const sum = (y: Year) => y.total?.valueUsd ?? y.rows.reduce((s, r) => s + r.valueUsd, 0);
  const lines0 = leafLines(before.rows);
  const lines1 = leafLines(after.rows);
  const dims = { flow, from: before.period };
  const rows = [...lines0, ...lines1, before.total, after.total];
  const split = priceVolumeSplit(lines0, lines1);
  const base = { period: after.period, status: 'ok' as const, dims, ...provenance(rows) };
  const out: Indicator[] = [
    {
      ...base,
      id: 'products.split.change',
      label: t.changeLabel(flow, partner),
      value: sum(after) - sum(before),
      unit: 'USD',
      formula: 'valueChange',
    },
  ];
  if (split.lines === 0) return out;
  const coverage = share(split.before + split.after, sum(before) + sum(after));
  out.push(
    {
      ...base,
      id: 'products.split.volume',
      label: t.volumeLabel(flow, partner),
      value: split.volume,
      unit: 'USD',
      formula: 'volumeEffect',
    },
    {
      ...base,
      id: 'products.split.price',
      label: t.priceLabel(flow, partner),
      value: split.price,
      unit: 'USD',
      formula: 'priceEffect',
    },
    ...(coverage === null
      ? []
      : [
          {
            ...base,
            id: 'products.split.coverage',
            label: t.coverageLabel(flow, partner),
            value: coverage,
            unit: 'ratio',
            formula: 'priceVolumeCoverage' as const,
          },
        ]),
  );
  // By heading, over its own lines.
  const earlier = groupBy(lines0, (r) => headingOf(r.product));
  const later = groupBy(lines1, (r) => headingOf(r.product));
  for (const code of [...later.keys()].sort()) {
    const under = (byHeading: Map<string, ProductRow[]>) => byHeading.get(code) ?? [];
    const one = priceVolumeSplit(under(earlier), under(later));
    if (one.lines === 0) continue;
    const headingDims = { ...dims, heading: code };
    const sources = provenance([...under(earlier), ...under(later)]);
    out.push(
      {
        ...base,
        ...sources,
        dims: headingDims,
        id: 'products.heading.volume',
        label: t.headingLabel(code, 'volume effect'),
        value: one.volume,
        unit: 'USD',
        formula: 'volumeEffect',
      },
      {
        ...base,
        ...sources,
        dims: headingDims,
        id: 'products.heading.price',
        label: t.headingLabel(code, 'price effect'),
        value: one.price,
        unit: 'USD',
        formula: 'priceEffect',
      },
    );
  }
  return out;
}
