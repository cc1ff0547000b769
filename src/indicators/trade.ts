import { WORLD } from '../core/countries.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import type { TradeRow } from '../normalise/table.ts';
import { balance, coverageRatio, share } from './bilateral.ts';
import { type IndicatorContext, notAvailable, provenance } from './context.ts';
import { cagrEndpoint, cagrTrend, levelShifts, yoy } from './growth.ts';
import type { Indicator } from './types.ts';

type Measure = 'exports' | 'imports' | 'total';

/** Exports, imports, total, balance, coverage and their growth, for every year of the pair's series. */
export function tradeIndicators(ctx: IndicatorContext): Indicator[] {
  const { series, partnerName } = ctx;
  const out: Indicator[] = [];
  const values = new Map<Measure, { period: string; year: number; value: number; rows: TradeRow[] }[]>([
    ['exports', []],
    ['imports', []],
    ['total', []],
  ]);
  const labels: Record<Measure, string> = {
    exports: `Exports to ${partnerName}`,
    imports: `Imports from ${partnerName}`,
    total: 'Total trade',
  };
  for (const y of series.years) {
    const x = y.exports?.valueUsd;
    const m = y.imports?.valueUsd;
    const both = provenance([y.exports, y.imports]);
    if (x !== undefined && y.exports) {
      out.push({
        id: 'trade.exports',
        label: labels.exports,
        period: y.period,
        value: x,
        unit: 'USD',
        formula: 'reported',
        status: 'ok',
        ...provenance([y.exports]),
      });
      values.get('exports')?.push({ period: y.period, year: y.year, value: x, rows: [y.exports] });
    }
    if (m !== undefined && y.imports) {
      out.push({
        id: 'trade.imports',
        label: labels.imports,
        period: y.period,
        value: m,
        unit: 'USD',
        formula: 'reported',
        status: 'ok',
        ...provenance([y.imports]),
      });
      values.get('imports')?.push({ period: y.period, year: y.year, value: m, rows: [y.imports] });
    }
    if (x === undefined || m === undefined || !y.exports || !y.imports) {
      const needs = t.needsPairFlow(x === undefined ? 'export' : 'import');
      for (const [id, label, formula] of [
        ['trade.total', labels.total, 'total'],
        ['trade.balance', 'Trade balance', 'balance'],
        ['trade.coverage', 'Coverage ratio (exports / imports)', 'coverage'],
      ] as const) {
        out.push(
          notAvailable(
            { id, label, period: y.period, unit: id === 'trade.coverage' ? 'ratio' : 'USD', formula },
            needs,
          ),
        );
      }
      continue;
    }
    values.get('total')?.push({ period: y.period, year: y.year, value: x + m, rows: [y.exports, y.imports] });
    out.push({
      id: 'trade.total',
      label: labels.total,
      period: y.period,
      value: x + m,
      unit: 'USD',
      formula: 'total',
      status: 'ok',
      ...both,
    });
    out.push({
      id: 'trade.balance',
      label: 'Trade balance',
      period: y.period,
      value: balance(x, m),
      unit: 'USD',
      formula: 'balance',
      status: 'ok',
      ...both,
    });
    const coverage = coverageRatio(x, m);
    out.push(
      coverage === null
        ? notAvailable(
            {
              id: 'trade.coverage',
              label: 'Coverage ratio (exports / imports)',
              period: y.period,
              unit: 'ratio',
              formula: 'coverage',
            },
            t.needsImportsAboveZero(),
          )
        : {
            id: 'trade.coverage',
            label: 'Coverage ratio (exports / imports)',
            period: y.period,
            value: coverage,
            unit: 'ratio',
            formula: 'coverage',
            status: 'ok',
            ...both,
          },
    );
  }
  for (const [measure, list] of values) {
    out.push(...growthIndicators(measure, labels[measure], list));
  }
  out.push(...shareOfReporterTrade(ctx));
  return out;
}

function growthIndicators(
  measure: Measure,
  label: string,
  list: { period: string; year: number; value: number; rows: TradeRow[] }[],
): Indicator[] {
  const out: Indicator[] = [];
  for (let i = 1; i < list.length; i++) {
    const [previous, current] = [list[i - 1], list[i]];
    if (!previous || !current || current.year - previous.year !== 1) continue;
    const value = yoy(current.value, previous.value);
    if (value === null) {
      const base = {
        id: `growth.${measure}.yoy`,
        label: `${label}: change on the year`,
        period: current.period,
        unit: 'ratio',
        formula: 'yoy' as const,
        dims: { measure, from: previous.period },
      };
      out.push(notAvailable(base, t.needsNonZeroBase(previous.period)));
      continue;
    }
    out.push({
      id: `growth.${measure}.yoy`,
      label: `${label}: change on the year`,
      period: current.period,
      value,
      unit: 'ratio',
      formula: 'yoy',
      status: 'ok',
      dims: { measure, from: previous.period },
      ...provenance([...previous.rows, ...current.rows]),
    });
  }
  const first = list[0];
  const last = list[list.length - 1];
  if (!first || !last || last.year === first.year) return out;
  const span = `${first.period}–${last.period}`;
  const all = provenance(list.flatMap((p) => p.rows));
  const endpoint = cagrEndpoint(first.value, last.value, last.year - first.year);
  const trend = cagrTrend(list.map((p) => ({ t: p.year, value: p.value })));
  if (endpoint !== null) {
    out.push({
      id: `growth.${measure}.cagr`,
      label: `${label}: CAGR (endpoint)`,
      period: span,
      value: endpoint,
      unit: 'ratio',
      formula: 'cagr',
      status: 'ok',
      dims: { measure, from: first.period, to: last.period },
      ...all,
    });
  }
  out.push(...shiftIndicators(measure, label, list));
  if (trend !== null) {
    out.push({
      id: `growth.${measure}.trend`,
      label: `${label}: CAGR (log-linear trend)`,
      period: span,
      value: trend,
      unit: 'ratio',
      formula: 'cagrTrend',
      status: 'ok',
      dims: { measure, from: first.period, to: last.period },
      ...all,
    });
  }
  return out;
}

/**
 * The latest level shift of a series, and the endpoint growth before it (from the shift before, or the
 * start) and after it (from the shift year to the end): the rates a reader can compare with a target.
 */
function shiftIndicators(
  measure: Measure,
  label: string,
  list: { period: string; year: number; value: number; rows: TradeRow[] }[],
): Indicator[] {
  const shifts = levelShifts(list.map((p) => ({ t: p.year, value: p.value })));
  const at = shifts[shifts.length - 1];
  if (at === undefined) return [];
  const start = shifts[shifts.length - 2] ?? 0;
  const [before, shift] = [list[at - 1], list[at]];
  if (!before || !shift) return [];
  const out: Indicator[] = [
    {
      id: `growth.${measure}.levelShift`,
      label: `${label}: level shift`,
      period: shift.period,
      value: shift.value / before.value - 1,
      unit: 'ratio',
      formula: 'levelShift',
      status: 'ok',
      dims: { measure, from: before.period },
      ...provenance([...before.rows, ...shift.rows]),
    },
  ];
  const segments: [string, typeof list][] = [
    ['before', list.slice(start, at)],
    ['after', list.slice(at)],
  ];
  for (const [segment, points] of segments) {
    const [first, last] = [points[0], points[points.length - 1]];
    if (!first || !last || last.year === first.year) continue;
    const value = cagrEndpoint(first.value, last.value, last.year - first.year);
    if (value === null) continue;
    out.push({
      id: `growth.${measure}.segment`,
      label: `${label}: CAGR (endpoint) ${segment} the ${shift.period} level shift`,
      period: `${first.period}–${last.period}`,
      value,
      unit: 'ratio',
      formula: 'cagr',
      status: 'ok',
      dims: { measure, segment, from: first.period, to: last.period, shift: shift.period },
      ...provenance(points.flatMap((p) => p.rows)),
    });
  }
  return out;
}

/** The partner's share in the reporter's trade with the world, for periods where both come from one source. */
function shareOfReporterTrade(ctx: IndicatorContext): Indicator[] {
  const { reporter, partner } = ctx.n.config;
  const totals = ctx.n.trade.filter(
    (r) => r.reporter === reporter && r.product === 'TOTAL' && (r.flow === 'export' || r.flow === 'import'),
  );
  const out: Indicator[] = [];
  const periods = [...new Set(totals.filter((r) => r.partner === WORLD).map((r) => r.period))];
  for (const period of periods) {
    const find = (to: string, flow: string) =>
      totals.find((r) => r.period === period && r.partner === to && r.flow === flow);
    const rows = [
      find(partner, 'export'),
      find(partner, 'import'),
      find(WORLD, 'export'),
      find(WORLD, 'import'),
    ];
    const [x, m, xw, mw] = rows;
    if (!x || !m || !xw || !mw) continue;
    const value = share(x.valueUsd + m.valueUsd, xw.valueUsd + mw.valueUsd);
    if (value === null) continue;
    out.push({
      id: 'trade.partnerShareOfReporterTrade',
      label: `${ctx.partnerName}'s share of ${ctx.reporterName}'s trade with the world`,
      period,
      value,
      unit: 'ratio',
      formula: 'share',
      status: 'ok',
      ...provenance(rows),
    });
  }
  return out;
}
