/**
 * What a spreadsheet number format does to the number it shows. A comma after the last digit
 * placeholder shows the number divided by 1,000 ("#,##0," shows 1234567 as 1,235; "0.0,," in millions),
 * a percent sign multiplies it by 100, and a date or time format shows it as the day that many days
 * after 1900 began (43466 as 2019-01-01); the cell still stores the number itself, which is what a
 * workbook reader reads. Literal text ("K"), escapes (\,), brackets ([Red], [$-409]) and the spacing
 * codes (_x, *x) are not part of the number.
 */

/**
 * Built-in formats (ECMA-376 §18.8.30) that show a number other than as stored: 0% and 0.00%, and the
 * dates and times. Ids 27–36 and 50–58 are dates whose code depends on the workbook's East Asian locale.
 */
const BUILT_IN_SHOWN_OTHERWISE: ReadonlyMap<number, string> = new Map([
  [9, '0%'],
  [10, '0.00%'],
  [14, 'mm-dd-yy'],
  [15, 'd-mmm-yy'],
  [16, 'd-mmm'],
  [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [22, 'm/d/yy h:mm'],
  ...[27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58].map(
    (id) => [id, `[$-411]yyyy/m/d (built-in ${id})`] as const,
  ),
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
]);

/** A built-in format id's code when the format shows a number other than as stored; undefined otherwise. */
export function builtInFormatShownOtherwise(id: number): string | undefined {
  return BUILT_IN_SHOWN_OTHERWISE.get(id);
}

/** Whether `code` shows a number as a date or a time: a y, m, d, h or s outside literals and brackets. */
export function showsDate(code: string): boolean {
  for (const token of tokens(code)) if (/^[ymdhs]$/i.test(token)) return true;
  return false;
}

/** What `code` multiplies `value` by as it shows it: 1 when it shows the number as stored (and for 0). */
export function shownScale(code: string, value: number): number {
  if (value === 0) return 1;
  const sections = splitSections(code);
  // With conditions ("[>=1000]…") which section applies is not worth working out: any that scales.
  if (/\[\s*[<>=]/.test(code)) return sections.map(sectionScale).find((scale) => scale !== 1) ?? 1;
  const section = value < 0 ? sections[1] : value === 0 ? sections[2] : sections[0];
  return sectionScale(section ?? sections[0] ?? '');
}

/** Whether `code` shows some numbers other than as stored: scaled, or as dates. */
export function showsNumbersOtherwise(code: string): boolean {
  return showsDate(code) || splitSections(code).some((section) => sectionScale(section) !== 1);
}

/** The sections of a format (positive; negative; zero; text), split at semicolons outside literals. */
function splitSections(code: string): string[] {
  const sections: string[] = [];
  let current = '';
  for (const token of tokens(code)) {
    if (token === ';') {
      sections.push(current);
      current = '';
    } else current += token;
  }
  sections.push(current);
  return sections;
}

/** The format's characters, with every literal, bracket and spacing code as one blank token. */
function* tokens(code: string): Generator<string> {
  for (let i = 0; i < code.length; i++) {
    const c = code[i] as string;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
      yield ' ';
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      i = end < 0 ? code.length : end;
      yield ' ';
    } else if (c === '\\' || c === '_' || c === '*') {
      i += 1;
      yield ' ';
    } else yield c;
  }
}

/** 100 per percent sign, 1/1000 per comma after the last digit placeholder of a section. */
function sectionScale(section: string): number {
  let scale = 1;
  for (const c of section) if (c === '%') scale *= 100;
  const lastPlaceholder = Math.max(
    section.lastIndexOf('0'),
    section.lastIndexOf('#'),
    section.lastIndexOf('?'),
  );
  if (lastPlaceholder < 0) return scale;
  const commas = /^,+/.exec(section.slice(lastPlaceholder + 1))?.[0].length ?? 0;
  return scale / 1000 ** commas;
}
