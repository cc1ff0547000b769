import { groupBy } from '../core/group.ts';
import { chapterOf } from '../core/hs.ts';

export interface ProductValue {
  product: string;
  valueUsd: number;
  refs: string[];
}

/** A chapter's value and the product rows it sums. */
export interface ChapterValue<T extends ProductValue> extends ProductValue {
  parts: T[];
}

/**
 * Brings one report's product rows to HS-chapter level without double counting: each chapter sums the
 * most aggregated codes present, leaving out any code under another one present. A chapter row is
 * used as it is; else HS 2401 stands for 240110 and 240120, and where there is no 2401 these two are
 * summed. Rows of different products (2402 from one download, 240110 from another) add up.
 */
export function toChapters<T extends ProductValue>(rows: T[]): ChapterValue<T>[] {
  const total = rows.filter((r) => r.product === 'TOTAL').map((r) => ({ ...r, parts: [r] }));
  const byChapter = groupBy(
    rows.filter((r) => r.product !== 'TOTAL'),
    (r) => chapterOf(r.product),
  );
  const chapters = [...byChapter].map(([chapter, list]) => {
    // A chapter of one code (files at chapter level give only these) has nothing to leave out.
    const parts = list.length === 1 ? list : withoutCodesUnderOthers(list);
    return {
      product: chapter,
      valueUsd: parts.reduce((sum, r) => sum + r.valueUsd, 0),
      refs: parts.length === 1 ? [...(parts[0] as T).refs] : parts.flatMap((r) => r.refs),
      parts,
    };
  });
  return [...total, ...chapters];
}

/** The rows whose code no other row's code stands for. */
function withoutCodesUnderOthers<T extends ProductValue>(list: T[]): T[] {
  const codes = new Set(list.map((r) => r.product));
  return list.filter((r) => !underAnother(r.product, codes));
}

/**
 * Whether a shorter code among `codes` begins `code`, which that code then stands for. Its beginnings
 * are looked up, not every code of the chapter tried: a chapter of 1,500 national 8-digit lines would
 * take two million tests per report.
 */
function underAnother(code: string, codes: ReadonlySet<string>): boolean {
  for (let length = 0; length < code.length; length++) if (codes.has(code.slice(0, length))) return true;
  return false;
}
