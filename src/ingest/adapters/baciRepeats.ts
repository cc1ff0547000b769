import type { BaciRow } from './baciRow.ts';

export type RepeatOutcome =
  | { new: true }
  | { repeatOf: number }
  | { duplicateOf: { line: number; value: number } }
  /** The pair's rows started again after other pairs, the first time in the file: see below. */
  | { ungrouped: { endedAt: number } };

const NEW: RepeatOutcome = { new: true };
/** HS6 products are six digits at most. */
const PRODUCTS = 1_000_000;

/** Products with the line and value of the row that brought each. */
interface Seen {
  product: Float64Array;
  line: Float64Array;
  value: Float64Array;
}

const seenOf = (size: number): Seen => ({
  product: new Float64Array(size),
  line: new Float64Array(size),
  value: new Float64Array(size),
});

/**
 * Finds rows that repeat the key (year, exporter, importer, product) of an earlier row, with memory that
 * does not grow with the file. BACI lists each exporter–importer pair's rows together (sorted by t, i, j,
 * k), so only the current pair's rows are remembered, and of earlier pairs only that they are done.
 * While a pair's products ascend, a repeat can only be of the row just before; should they turn back,
 * the rest of the pair is checked by product, in arrays indexed by product.
 * A pair whose rows start again after other pairs could hide a repeat that cannot be found without
 * remembering every row: that is reported, once per file, and the check goes on within each block.
 * `order` tells whether the pairs came in ascending order, as in BACI's own files: parts of such a
 * file can be checked apart and no repeat escapes between them.
 */
export function createRepeatCheck() {
  /** Pairs done: key → the last line of their block. */
  const done = new Map<number, number>();
  let pair = -1;
  let firstPair = -1;
  let pairsAscend = true;
  let lastLine = 0;
  let reported = false;
  let block = 0;
  // The block's rows in the order met, while its products ascend.
  let listed = seenOf(4096);
  let count = 0;
  let ascending = true;
  // Otherwise by product: the block each product was last met in (`product` holds the block number).
  let byProduct: Seen | undefined;

  const remember = (product: number, line: number, value: number, slots: Seen) => {
    slots.product[product] = block;
    slots.line[product] = line;
    slots.value[product] = value;
  };

  const check = (row: BaciRow): RepeatOutcome => {
    // Years 1900–2100 and codes below 10,000 give distinct keys well within exact integers.
    const key = (row.year * 10_000 + row.exporter) * 10_000 + row.importer;
    let outcome = NEW;
    if (key !== pair) {
      if (key < pair) pairsAscend = false;
      if (firstPair < 0) firstPair = key;
      if (pair >= 0) done.set(pair, lastLine);
      const endedAt = done.get(key);
      if (endedAt !== undefined && !reported) {
        reported = true;
        outcome = { ungrouped: { endedAt } };
      }
      pair = key;
      block += 1;
      count = 0;
      ascending = true;
    }
    lastLine = row.line;
    if (ascending) {
      const previous = count - 1;
      const lastProduct = count > 0 ? (listed.product[previous] as number) : -1;
      if (row.product === lastProduct)
        return outcomeFor(listed.line[previous] as number, listed.value[previous] as number, row);
      if (row.product > lastProduct) {
        if (count === listed.product.length) listed = grown(listed, count);
        listed.product[count] = row.product;
        listed.line[count] = row.line;
        listed.value[count] = row.value;
        count += 1;
        return outcome;
      }
      ascending = false;
      byProduct ??= seenOf(PRODUCTS);
      for (let n = 0; n < count; n++)
        remember(listed.product[n] as number, listed.line[n] as number, listed.value[n] as number, byProduct);
    }
    const slots = byProduct as Seen;
    if (slots.product[row.product] === block)
      return outcomeFor(slots.line[row.product] as number, slots.value[row.product] as number, row);
    remember(row.product, row.line, row.value, slots);
    return outcome;
  };
  return { check, order: (): PairOrder => ({ first: firstPair, last: pair, ascending: pairsAscend }) };
}

/** The keys of the first and last pairs met (-1: none), and whether each pair's key was above the last. */
export interface PairOrder {
  first: number;
  last: number;
  ascending: boolean;
}

function grown(seen: Seen, count: number): Seen {
  const larger = seenOf(count * 2);
  larger.product.set(seen.product);
  larger.line.set(seen.line);
  larger.value.set(seen.value);
  return larger;
}

function outcomeFor(line: number, value: number, row: BaciRow): RepeatOutcome {
  return value === row.value ? { repeatOf: line } : { duplicateOf: { line, value } };
}
