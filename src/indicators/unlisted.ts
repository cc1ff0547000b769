import { NOT_PRODUCTS } from '../core/hs.ts';

/**
 * What the chapters a source leaves out can hold. A source that itemises only part of a flow lists its
 * largest chapters (DGCI&S, TradeStat and Trade Map "top N" tables): no chapter it leaves out can exceed
 * the smallest one it lists. Where the rest is too large for that to hold, the list is not a top list
 * and only the rest itself bounds a chapter.
 */
export function unlistedCap(itemised: number[], rest: number, free: number): number {
  if (itemised.length === 0 || free <= 0) return rest;
  const smallest = Math.min(...itemised);
  return rest <= free * smallest ? Math.min(smallest, rest) : rest;
}

/** The most that `slots` unlisted chapters, each at most `cap`, can hold of `rest`. */
export function unlistedFill(rest: number, slots: number, cap: number): number {
  return Math.min(rest, Math.max(0, slots) * cap);
}

/**
 * The largest Σ y² of `rest` spread over `free` chapters of at most `cap` each: as many chapters at the
 * cap as it takes, the remainder in one more.
 */
export function unlistedMaxSquares(rest: number, free: number, cap: number): number {
  if (rest <= 0 || cap <= 0) return 0;
  const full = Math.min(Math.max(free, 1), Math.floor(rest / cap));
  const remainder = Math.min(rest - full * cap, cap);
  return full * cap ** 2 + (full < Math.max(free, 1) ? remainder ** 2 : 0);
}

/**
 * N: the product chapters of the nomenclature, plus any other chapter the source itemises (a
 * non-product 98 or 99 that holds part of the flow counts; the reserved 77 never does).
 */
export function chapterCount(nomenclature: string[], itemised: string[]): number {
  return new Set([...nomenclature.filter((c) => !NOT_PRODUCTS.has(c)), ...itemised]).size;
}
