import { fontRuns, MAIN_FONT, mainAscent, unprintable } from '../core/fontRuns.ts';
import { FALLBACK_FONTS, type FontStyle } from '../core/fonts.ts';
import { FONTS } from './style.ts';

/** Text a document was asked to print with characters no embedded font has, and those characters. */
const missing = new WeakMap<PDFKit.PDFDocument, Map<string, string[]>>();

const faceName = (font: string, style: FontStyle): string =>
  font === MAIN_FONT ? FONTS[style] : `${FONTS[style]}-${font}`;

/** Registers every fallback face; pdfkit embeds a font (a subset of it) only once text uses it. */
export function registerFallbackFonts(doc: PDFKit.PDFDocument): void {
  missing.set(doc, new Map());
  for (const font of FALLBACK_FONTS) {
    for (const style of Object.keys(FONTS) as FontStyle[])
      doc.registerFont(faceName(font.id, style), font.files[style]);
  }
}

/** Features that make pdfkit shape a run whole, so right-to-left words come out in reading order. */
const WHOLE_RUN = ['kern'] as PDFKit.Mixins.OpenTypeFeatures[];

/**
 * Prints `text` like doc.text, each run of it in a font that has its glyphs (Noto Sans, or the
 * fallback for its script), chained with `continued` so wrapping and alignment work as for one string,
 * every run on Noto Sans's baseline (pdfkit would place each font by its own ascent). Leaves the
 * document in the main face, at `size`.
 */
export function printText(
  doc: PDFKit.PDFDocument,
  style: FontStyle,
  size: number,
  text: string,
  x?: number,
  y?: number,
  options: PDFKit.Mixins.TextOptions = {},
): PDFKit.PDFDocument {
  const lacking = unprintable(text, style);
  if (lacking.length > 0) missing.get(doc)?.set(text, lacking);
  const runs = fontRuns(text, style);
  const only = runs[0];
  if (runs.length <= 1 && (!only || (only.font === MAIN_FONT && !only.rtl))) {
    return doc.font(FONTS[style]).fontSize(size).text(text, x, y, options);
  }
  const baseline = -mainAscent(style) * size;
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const runOptions = {
      ...options,
      continued: last ? (options.continued ?? false) : true,
      baseline,
      ...(run.rtl ? { features: WHOLE_RUN } : {}),
    };
    doc.font(faceName(run.font, style)).fontSize(size);
    if (i === 0) doc.text(run.text, x, y, runOptions);
    else doc.text(run.text, runOptions);
  });
  return doc.font(FONTS[style]).fontSize(size);
}

/** Each text printed with characters no font could print, and those characters. */
export function unprintedText(doc: PDFKit.PDFDocument): { text: string; characters: string[] }[] {
  return [...(missing.get(doc) ?? [])].map(([text, characters]) => ({ text, characters }));
}
