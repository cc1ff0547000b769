import { NOT_PRODUCTS } from '../core/hs.ts';
import type { Flow } from '../ingest/records.ts';
import type { Normalised, TradeRow } from '../normalise/table.ts';

/** One country's report of one flow with one partner for one period: total, chapters and unitemised rest. */
export interface Report {
  reporter: string;
  partner: string;
  period: string;
  flow: Flow;
  total?: TradeRow;
  chapters: Map<string, TradeRow>;
  other?: TradeRow;
}

/** Which reports to find: a partner and flow, and a reporter or all of them. */
export interface ReportMatch {
  reporter?: string;
  partner: string;
  flow: Flow;
}

/** The table's rows by partner and flow, and by reporter within those, each in table order. */
const rowIndex = new WeakMap<
  readonly TradeRow[],
  Map<string, { all: TradeRow[]; by: Map<string, TradeRow[]> }>
>();

function rowsMatching(trade: readonly TradeRow[], match: ReportMatch) {
  let index = rowIndex.get(trade);
  if (!index) {
    index = new Map();
    for (const row of trade) {
      const key = `${row.partner}|${row.flow}`;
      let rows = index.get(key);
      if (!rows) {
        rows = { all: [], by: new Map() };
        index.set(key, rows);
      }
      rows.all.push(row);
      const own = rows.by.get(row.reporter);
      if (own) own.push(row);
      else rows.by.set(row.reporter, [row]);
    }
    rowIndex.set(trade, index);
  }
  const rows = index.get(`${match.partner}|${match.flow}`);
  return (match.reporter === undefined ? rows?.all : rows?.by.get(match.reporter)) ?? [];
}

/** The reports made for each table and match: the indicators ask for the world's again and again. */
const madeReports = new WeakMap<readonly TradeRow[], Map<string, readonly Report[]>>();

/**
 * The reports in the table that match, in table order; `reporter` undefined means every reporter.
 * Found through an index of the table, made on the first call, and made once for each match. The
 * reports are shared between callers, who read them and never change them.
 */
export function reportsOf(n: Normalised, match: ReportMatch): Report[] {
  let made = madeReports.get(n.trade);
  if (!made) {
    made = new Map();
    madeReports.set(n.trade, made);
  }
  const key = `${match.partner}|${match.flow}|${match.reporter === undefined ? '' : `=${match.reporter}`}`;
  let list = made.get(key);
  if (!list) {
    list = makeReports(rowsMatching(n.trade, match));
    made.set(key, list);
  }
  return [...list];
}

function makeReports(rows: readonly TradeRow[]): Report[] {
  const reports = new Map<string, Report>();
  for (const row of rows) {
    const key = `${row.reporter}|${row.period}`;
    const report = reports.get(key) ?? {
      reporter: row.reporter,
      partner: row.partner,
      period: row.period,
      flow: row.flow,
      chapters: new Map<string, TradeRow>(),
    };
    if (row.product === 'TOTAL') report.total = row;
    else if (row.product === 'OTHER') report.other = row;
    else report.chapters.set(row.product, row);
    reports.set(key, report);
  }
  return [...reports.values()];
}

/** Itemised by chapter with nothing left over: a chapter it doesn't list was not traded. */
export function isComplete(report: Report): boolean {
  return report.chapters.size > 0 && report.other === undefined;
}

/** Sum of the report's product lines (chapters and the unitemised rest): the total its shares add up to. */
export function productSum(report: Report): number {
  let sum = report.other?.valueUsd ?? 0;
  for (const row of report.chapters.values()) sum += row.valueUsd;
  return sum;
}

/** The report without its non-product chapters. */
export function productsOnly(report: Report): Report {
  const chapters = new Map([...report.chapters].filter(([code]) => !NOT_PRODUCTS.has(code)));
  return { ...report, chapters };
}

/**
 * The report's total in products: where it is itemised in full, its total less its non-product
 * chapters (`productsOnly` true); else its total as given, which may hold non-product trade that
 * cannot be told apart. Undefined without a total.
 */
export function productTotal(report: Report): { value: number; productsOnly: boolean } | undefined {
  if (!report.total) return undefined;
  if (!isComplete(report)) return { value: report.total.valueUsd, productsOnly: false };
  let leftOut = 0;
  for (const [code, row] of report.chapters) if (NOT_PRODUCTS.has(code)) leftOut += row.valueUsd;
  return { value: report.total.valueUsd - leftOut, productsOnly: true };
}

export function rowsOf(report: Report): TradeRow[] {
  return [
    ...(report.total ? [report.total] : []),
    ...report.chapters.values(),
    ...(report.other ? [report.other] : []),
  ];
}
