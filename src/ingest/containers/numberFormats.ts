/**
 * What a spreadsheet number format does to the number it shows. A comma after the last digit
 * placeholder shows the number divided by 1,000 ("#,##0," shows 1234567 as 1,235; "0.0,," in millions)
 * and a percent sign multiplies it by 100; the cell still stores the number itself, which is what a
 * workbook reader reads. Literal text ("K"), escapes (\,), brackets ([Red], [$-409]) and the spacing
 * codes (_x, *x) are not part of the number.
 */

/** Built-in formats (ECMA-376 §18.8.30) that show a number other than as stored: 0% and 0.00%. */
const BUILT_IN_SCALED: Readonly<Record<number, string>> = { 9: '0%', 10: '0.00%' };

/** A built-in format id's code when the format shows a number scaled; undefined otherwise. */
export function builtInScaledFormat(id: number): string | undefined {
  return BUILT_IN_SCALED[id];
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

/** Whether `code` shows some numbers other than as stored. */
export function scalesShownNumbers(code: string): boolean {
  return splitSections(code).some((section) => sectionScale(section) !== 1);
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
