import { openFace } from './fontFaces.ts';
import { FALLBACK_FONTS, FONT_FILES, type FontStyle } from './fonts.ts';

/** A stretch of text printed in one font: Noto Sans ("main") or a fallback font's id. */
export interface FontRun {
  text: string;
  font: string;
  /** Written right to left (Arabic, Hebrew, Thaana): shaped and placed as one piece. */
  rtl: boolean;
}

export const MAIN_FONT = 'main';

const fileOf = (font: string, style: FontStyle): string =>
  font === MAIN_FONT
    ? FONT_FILES[style]
    : (FALLBACK_FONTS.find((f) => f.id === font)?.files[style] ?? FONT_FILES[style]);

const has = (font: string, style: FontStyle, code: number): boolean =>
  openFace(fileOf(font, style)).hasGlyphForCodePoint(code);

/** The font that prints `char`: Noto Sans where it can, else the first fallback that has it. */
function fontFor(code: number, style: FontStyle): string | undefined {
  if (has(MAIN_FONT, style, code)) return MAIN_FONT;
  return FALLBACK_FONTS.find((f) => has(f.id, style, code))?.id;
}

/** Spaces, combining marks and joiners go with the text around them, never on their own. */
const ATTACHED = /^[\s\p{M}\p{Cf}]$/u;
const RTL_LETTER = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thaana}\p{Script=Syriac}]$/u;

/**
 * Splits text into runs by the font that can print them, since pdfkit has no per-glyph fallback.
 * Digits and punctuation stay in Noto Sans, so a run of right-to-left script holds only its own
 * words (its trailing space goes to the next run), which pdfkit then shapes and places whole.
 * Characters no font has stay in the current run: they print as an empty box, and `unprintable`
 * names them.
 */
export function fontRuns(text: string, style: FontStyle): FontRun[] {
  const runs: FontRun[] = [];
  let current: FontRun | undefined;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const font =
      current && ATTACHED.test(char) ? current.font : (fontFor(code, style) ?? current?.font ?? MAIN_FONT);
    if (current && font === current.font) {
      current.text += char;
      current.rtl ||= RTL_LETTER.test(char);
      continue;
    }
    const trailing = current?.rtl ? (/\s+$/.exec(current.text)?.[0] ?? '') : '';
    if (current && trailing) current.text = current.text.slice(0, -trailing.length);
    current = { text: trailing + char, font, rtl: RTL_LETTER.test(char) };
    runs.push(current);
  }
  return runs.filter((r) => r.text !== '');
}

/** Noto Sans's ascent as a share of the size: where its baseline sits below the top of a line. */
export function mainAscent(style: FontStyle): number {
  const font = openFace(FONT_FILES[style]);
  return font.ascent / font.unitsPerEm;
}

/** The characters of `text` that no embedded font can print (control characters aside). */
export function unprintable(text: string, style: FontStyle = 'regular'): string[] {
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 32 || ATTACHED.test(char)) continue;
    if (!fontFor(code, style)) missing.add(char);
  }
  return [...missing];
}
