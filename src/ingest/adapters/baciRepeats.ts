import type { BaciRow } from './baciRow.ts';

export type RepeatOutcome =
  | { new: true }
  | { repeatOf: number }
  | { duplicateOf: { line: number; value: number } }
  /** The pair's rows started again after other pairs, the first time in the file: see below. */
  | { ungrouped: { endedAt: number } };

/** HS6 products are six digits at most. */
const PRODUCTS = 1_000_000;

/**
 * Finds rows that repeat the key (year, exporter, importer, product) of an earlier row, with memory that
 * does not grow with the file: BACI lists each exporter–importer pair's rows together (sorted by t, i, j,
 * k), so only the current pair's products are remembered (in arrays indexed by product, in any order),
 * and of earlier pairs only that they are done. A pair whose rows start again after other pairs could
 * hide a repeat that cannot be seen without remembering every row: that is reported, once per file,
 * and the check goes on within each block.
 */
export function createRepeatCheck(): (row: BaciRow) => RepeatOutcome {
  // Slot of each product: the block it was last seen in, with that row's line and value.
  const blockOf = new Int32Array(PRODUCTS);
  const lineOf = new Float64Array(PRODUCTS);
  const valueOf = new Float64Array(PRODUCTS);
  /** Pairs done: key → the last line of their block. */
  const done = new Map<number, number>();
  let block = 0;
  let pair = -1;
  let lastLine = 0;
  let reported = false;

  return (row) => {
    // Years 1900–2100 and codes below 10,000 give distinct keys well within exact integers.
    const key = (row.year * 10_000 + row.exporter) * 10_000 + row.importer;
    let outcome: RepeatOutcome = { new: true };
    if (key !== pair) {
      if (pair >= 0) done.set(pair, lastLine);
      const endedAt = done.get(key);
      if (endedAt !== undefined && !reported) {
        reported = true;
        outcome = { ungrouped: { endedAt } };
      }
      pair = key;
      block += 1;
    }
    lastLine = row.line;
    const slot = row.product;
    if (blockOf[slot] === block) {
      const earlier = { line: lineOf[slot] as number, value: valueOf[slot] as number };
      return earlier.value === row.value ? { repeatOf: earlier.line } : { duplicateOf: earlier };
    }
    blockOf[slot] = block;
    lineOf[slot] = row.line;
    valueOf[slot] = row.value;
    return outcome;
  };
}
