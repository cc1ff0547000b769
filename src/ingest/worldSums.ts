import { WORLD } from '../core/countries.ts';
import { chapterOf, NOT_PRODUCTS } from '../core/hs.ts';
import { apartFromWorldSum } from '../core/relevance.ts';
import type { Focus } from './adapter.ts';
import { EXACT_LIMIT, thousandthsOf, valueOfThousandths } from './adapters/baciExtract.ts';
import type { FileReport, TradeRecord } from './records.ts';

/** A sum of the world's exports of one chapter and year, as it is made. */
interface Cell {
  sum: TradeRecord;
  thousandths: number;
  value: number;
}

/**
 * A BACI file's exports to the world by chapter, some 220 exporters' a year, as the world's sum (reporter
 * and partner `WLD`, with how many exporters) beside the focus countries' own and Taiwan's: what a
 * briefing measures specialisation against, without the 21,000 records every later stage would carry.
 * Only where no other file gives exports to the world that year: the choice between two sources is then
 * made country by country, as each exporter's own report allows. The file's count of records follows.
 */
export function sumWorldExports(
  trade: TradeRecord[],
  files: FileReport[],
  focus: Focus | undefined,
): TradeRecord[] {
  if (!focus) return trade;
  const countries = new Set([focus.reporter, ...focus.partners]);
  const bulk = new Set(files.filter((f) => f.format === 'baci').map((f) => f.file));
  const givers = new Map<string, Set<string>>();
  for (const r of trade) {
    if (r.partner !== WORLD || r.flow !== 'export') continue;
    givers.set(r.period, (givers.get(r.period) ?? new Set<string>()).add(r.file));
  }
  // A file's own row of the world's exports (an exporter coded as the world) leaves its year as read.
  const ownWorld = new Set(trade.filter((r) => r.reporter === WORLD).map((r) => `${r.file}\n${r.period}`));
  const summable = (r: TradeRecord) =>
    r.partner === WORLD &&
    r.flow === 'export' &&
    bulk.has(r.file) &&
    givers.get(r.period)?.size === 1 &&
    !ownWorld.has(`${r.file}\n${r.period}`);
  const cells = new Map<string, Cell>();
  // Each year's exporters, and those of them with exports in products (not chapters 77, 98 or 99).
  const exporters = new Map<string, { all: Set<string>; ofProducts: Set<string> }>();
  const firstOfFile = new Map<string, TradeRecord>();
  for (const r of trade) {
    if (!summable(r)) continue;
    if (!firstOfFile.has(r.file)) firstOfFile.set(r.file, r);
    const year = `${r.file}\n${r.period}`;
    const counted = exporters.get(year) ?? { all: new Set<string>(), ofProducts: new Set<string>() };
    counted.all.add(r.reporter);
    if (!NOT_PRODUCTS.has(chapterOf(r.product))) counted.ofProducts.add(r.reporter);
    exporters.set(year, counted);
    add(cells, `${year}\n${r.product}`, r);
  }
  if (cells.size === 0) return trade;
  const sums = new Map<string, TradeRecord[]>();
  for (const { sum, thousandths, value } of cells.values()) {
    // Whole thousandths add up exactly whatever the order; past the exact range, as added in file order.
    sum.value = thousandths >= 0 && thousandths < EXACT_LIMIT ? valueOfThousandths(thousandths) : value;
    const counted = exporters.get(`${sum.file}\n${sum.period}`);
    sum.exporters =
      (NOT_PRODUCTS.has(chapterOf(sum.product)) ? counted?.all : counted?.ofProducts)?.size ?? 0;
    sums.set(sum.file, [...(sums.get(sum.file) ?? []), sum]);
  }
  const out: TradeRecord[] = [];
  const records = new Map(files.map((f) => [f.file, f]));
  for (const r of trade) {
    // A file's sums take the place of its first record summed.
    const made = firstOfFile.get(r.file) === r ? (sums.get(r.file) ?? []) : [];
    out.push(...made);
    const report = records.get(r.file);
    if (report) report.records += made.length;
    if (!summable(r) || apartFromWorldSum(r.reporter, countries)) out.push(r);
    else if (report) report.records -= 1;
  }
  return out;
}

function add(cells: Map<string, Cell>, key: string, r: TradeRecord): void {
  const cell = cells.get(key);
  const thousandths = thousandthsOf(r.value);
  if (!cell) {
    cells.set(key, { sum: { ...r, reporter: WORLD }, thousandths, value: r.value });
    return;
  }
  cell.sum.line = Math.min(cell.sum.line, r.line);
  cell.thousandths = cell.thousandths < 0 || thousandths < 0 ? -1 : cell.thousandths + thousandths;
  cell.value += r.value;
}
