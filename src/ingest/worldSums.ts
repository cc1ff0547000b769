import { WORLD } from '../core/countries.ts';
import { chapterOf, NOT_PRODUCTS } from '../core/hs.ts';
import { apartFromWorldSum } from '../core/relevance.ts';
import type { Focus } from './adapter.ts';
import { EXACT_LIMIT, thousandthsOf, valueOfThousandths } from './adapters/baciExtract.ts';
import type { FileReport, TradeRecord } from './records.ts';

/**
 * A BACI file's exports to the world by chapter, some 220 exporters' a year, as the world's sum (reporter
 * and partner `WLD`, with how many exporters) beside the focus countries' own and Taiwan's: what a
 * briefing measures specialisation against, without the 21,000 records every later stage would carry.
 * A year is summed only where the sum gives the figures the exporters' records give: no other file gives
 * exports to the world that year (the choice between sources is made country by country), the file codes
 * no exporter as the world, and every value is whole thousandths (as CEPII publishes them), which add up
 * exactly in any order. The file's count of records follows.
 */
export function sumWorldExports(
  trade: TradeRecord[],
  files: FileReport[],
  focus: Focus | undefined,
): TradeRecord[] {
  if (!focus) return trade;
  const countries = new Set([focus.reporter, ...focus.partners]);
  const bulk = new Set(files.filter((f) => f.format === 'baci').map((f) => f.file));
  const yearOf = (r: TradeRecord) => `${r.file}\n${r.period}`;
  const givers = new Map<string, Set<string>>();
  const total = new Map<string, number>();
  const unsummable = new Set<string>();
  for (const r of trade) {
    // A file's own row of the world's exports (an exporter coded as the world) leaves its year as read.
    if (r.reporter === WORLD) unsummable.add(yearOf(r));
    if (r.partner !== WORLD || r.flow !== 'export') continue;
    givers.set(r.period, (givers.get(r.period) ?? new Set<string>()).add(r.file));
    const thousandths = thousandthsOf(r.value);
    const sum = (total.get(yearOf(r)) ?? 0) + thousandths;
    if (thousandths < 0 || sum >= EXACT_LIMIT) unsummable.add(yearOf(r));
    total.set(yearOf(r), sum);
  }
  const summable = (r: TradeRecord) =>
    r.partner === WORLD &&
    r.flow === 'export' &&
    bulk.has(r.file) &&
    givers.get(r.period)?.size === 1 &&
    !unsummable.has(yearOf(r));
  const cells = new Map<string, TradeRecord>();
  // Each year's exporters, and those of them with exports in products (not chapters 77, 98 or 99).
  const exporters = new Map<string, { all: Set<string>; ofProducts: Set<string> }>();
  const firstOfFile = new Map<string, TradeRecord>();
  for (const r of trade) {
    if (!summable(r)) continue;
    if (!firstOfFile.has(r.file)) firstOfFile.set(r.file, r);
    const counted = exporters.get(yearOf(r)) ?? { all: new Set<string>(), ofProducts: new Set<string>() };
    counted.all.add(r.reporter);
    if (!NOT_PRODUCTS.has(chapterOf(r.product))) counted.ofProducts.add(r.reporter);
    exporters.set(yearOf(r), counted);
    const key = `${yearOf(r)}\n${r.product}`;
    const cell = cells.get(key);
    // Thousandths while summing; the value they make once all are added.
    if (!cell) cells.set(key, { ...r, reporter: WORLD, value: thousandthsOf(r.value) });
    else {
      cell.line = Math.min(cell.line, r.line);
      cell.value += thousandthsOf(r.value);
    }
  }
  if (cells.size === 0) return trade;
  const sums = new Map<string, TradeRecord[]>();
  for (const sum of cells.values()) {
    sum.value = valueOfThousandths(sum.value);
    const counted = exporters.get(yearOf(sum));
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
