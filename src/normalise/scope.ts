import { chapterOf } from '../core/hs.ts';
import type { FileReport, TradeRecord } from '../ingest/records.ts';
import { headingName } from '../reference/hs.ts';

/** Formats whose files hold every product by construction, so their sum is the whole trade. */
const ALL_PRODUCTS = ['baci'];

/** What the pair's trade in the inputs covers: all products, or only the products listed. */
export interface TradeScope {
  complete: boolean;
  /** Where not complete: the HS codes held, at the level used (a chapter's most aggregated codes). */
  products: string[];
}

/**
 * The scope of the pair's trade: complete when every flow has a TOTAL row or comes from a dataset of
 * every product (BACI); otherwise the products the inputs hold, so that a file of one heading (HS 8542)
 * is never presented as the countries' whole trade.
 */
export function tradeScope(
  pairRows: TradeRecord[],
  files: Pick<FileReport, 'file' | 'format'>[],
): TradeScope {
  const allProducts = new Set(files.filter((f) => ALL_PRODUCTS.includes(f.format)).map((f) => f.file));
  const flows = new Set(pairRows.map((r) => r.flow));
  const complete = [...flows].every((flow) =>
    pairRows.some((r) => r.flow === flow && (r.product === 'TOTAL' || allProducts.has(r.file))),
  );
  if (complete) return { complete, products: [] };
  const byChapter = new Map<string, Set<string>>();
  for (const { product } of pairRows) {
    if (product === 'TOTAL') continue;
    const chapter = chapterOf(product);
    byChapter.set(chapter, (byChapter.get(chapter) ?? new Set()).add(product));
  }
  const products = [...byChapter.values()].flatMap((codes) => {
    const level = Math.min(...[...codes].map((c) => c.length));
    return [...codes].filter((c) => c.length === level);
  });
  return { complete, products: products.sort() };
}

/** Products named one by one in the scope; more are counted. */
const NAMED = 3;

/**
 * The scope in words, once for every place that states it: `label` for sentences ("electronic
 * integrated circuits (HS 8542)"), `short` for tight spots such as a KPI label ("HS 8542").
 */
export function describeScope(
  scope: TradeScope,
  chapterName: (code: string) => string | undefined,
): { label: string; short: string } | undefined {
  if (scope.complete || scope.products.length === 0) return undefined;
  const { products } = scope;
  if (products.length > NAMED) {
    const chapters = [...new Set(products.map(chapterOf))];
    const list = chapters.length > NAMED ? `${chapters.length} HS chapters` : `HS ${chapters.join(', ')}`;
    return { label: `${products.length} products in ${list}`, short: `${products.length} products` };
  }
  const name = (code: string) => {
    const text = code.length === 2 ? chapterName(code) : headingName(code.slice(0, 4));
    if (!text) return `HS ${code}`;
    const words = (text.split(/[;,]/)[0] ?? text).trim();
    return code.length > 4 ? `HS ${code}, part of ${lower(words)}` : `${lower(words)} (HS ${code})`;
  };
  return {
    label: products.map(name).join('; '),
    short: `HS ${products.join(', ')}`,
  };
}

function lower(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
