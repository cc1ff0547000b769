/** HS codes are text: leading zeros matter ("0901" is coffee, chapter "09"). */
const HS = /^\d{1,6}$/;

/**
 * Zero-pads a code read as digits. Even-length codes are taken as they are; an odd length means the
 * leading zero was lost (BACI writes 10121 for 010121, spreadsheets write 9 for 09). HS has no
 * chapter 00: "0" is a mistake, not a chapter.
 */
export function normaliseHsCode(text: string): string | undefined {
  const code = text.trim();
  if (!HS.test(code)) return undefined;
  const padded = code.length % 2 === 1 ? `0${code}` : code;
  return chapterOf(padded) === '00' ? undefined : padded;
}

export function chapterOf(code: string): string {
  return code.slice(0, 2);
}

export function headingOf(code: string): string {
  return code.slice(0, 4);
}

/** Expands "01-24" into ["01", …, "24"]; a single chapter stays as it is. */
export function expandChapterRange(range: string): string[] {
  const [from, to = from] = range.split('-').map(Number);
  if (from === undefined || to === undefined) return [];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'));
}

/** ["72","73","74","78"] → "72–74, 78". */
export function compactChapters(chapters: string[]): string {
  const numbers = chapters.map(Number).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const start = numbers[i] ?? 0;
    let end = start;
    while (numbers[i + 1] === end + 1) end = numbers[++i] ?? end;
    const pad = (n: number) => String(n).padStart(2, '0');
    parts.push(end > start ? `${pad(start)}–${pad(end)}` : pad(start));
  }
  return parts.join(', ');
}

/**
 * Chapters that are not products: 77 (reserved), 98 (national special uses: project goods, postal),
 * 99 (commodities not specified by kind, often confidential trade). A specialisation measured over them
 * says nothing, so they are left out of both a country's total and the chapters compared.
 */
export const NOT_PRODUCTS: ReadonlySet<string> = new Set(['77', '98', '99']);
