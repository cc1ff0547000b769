import { chapterOf } from '../core/hs.ts';

export interface ProductValue {
  product: string;
  valueUsd: number;
  refs: string[];
}

/**
 * Brings one report's product rows to HS-chapter level without double counting: a chapter row is used
 * as it is; without one, the codes of the chapter's most aggregated level present are summed (a file
 * holding both 4- and 6-digit rows would otherwise count each flow twice).
 */
export function toChapters(rows: ProductValue[]): ProductValue[] {
  const total = rows.filter((r) => r.product === 'TOTAL');
  const byChapter = new Map<string, ProductValue[]>();
  for (const row of rows) {
    if (row.product === 'TOTAL') continue;
    const chapter = chapterOf(row.product);
    byChapter.set(chapter, [...(byChapter.get(chapter) ?? []), row]);
  }
  const chapters = [...byChapter].map(([chapter, list]) => {
    const level = Math.min(...list.map((r) => r.product.length));
    const used = list.filter((r) => r.product.length === level);
    return {
      product: chapter,
      valueUsd: used.reduce((sum, r) => sum + r.valueUsd, 0),
      refs: used.flatMap((r) => r.refs),
    };
  });
  return [...total, ...chapters];
}
