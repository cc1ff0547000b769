import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { FONT_FILES } from '../../src/core/fonts.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { type Built, buildBriefing, defaultSet } from './build.ts';

const fonts = Object.values(FONT_FILES).map((file) => fontkit.openSync(file) as fontkit.Font);

/** pdfkit has no per-glyph fallback: a character the font lacks prints as an empty box. */
function missingGlyphs(texts: string[]): string[] {
  const missing = new Set<string>();
  for (const text of texts) {
    for (const char of text) {
      const code = char.codePointAt(0) ?? 0;
      if (code < 32) continue;
      for (const font of fonts)
        if (!font.hasGlyphForCodePoint(code))
          missing.add(`${char} (U+${code.toString(16).toUpperCase()}) in "${text.slice(0, 60)}"`);
    }
  }
  return [...missing];
}

let set: IndicatorSet;
let built: Built;
let printed: string[];

beforeAll(async () => {
  set = await defaultSet();
  // Every string the briefing hands to pdfkit, whichever section or table writes it.
  const spy = vi.spyOn(PDFDocument.prototype, 'text');
  built = await buildBriefing(set);
  printed = spy.mock.calls.map((call) => String(call[0]));
  spy.mockRestore();
});

describe('the embedded font', () => {
  it('covers Latin, Cyrillic, Devanagari, the rupee sign and the typographic signs the briefing uses', () => {
    expect(missingGlyphs(['India Россия भारत ₹ − – — · … × ’ “ ” é ü \u00a0'])).toEqual([]);
  });

  it('covers every character the default briefing prints, its charts included', () => {
    const svgText = built.charts.flatMap((c) =>
      [...(c.svg ?? '').matchAll(/>([^<]+)</g)].map((m) => m[1] ?? ''),
    );
    expect(printed.length).toBeGreaterThan(500);
    expect(printed.join('\n')).toContain(`${set.meta.reporterName} · ${set.meta.reporterNative}`);
    expect(missingGlyphs([...printed, ...svgText])).toEqual([]);
  });

  it('covers every formula, note and label in indicators.json, printed or not', () => {
    const texts = [
      ...set.indicators.flatMap((i) => [i.label, i.period, i.note ?? '', i.needs ?? '']),
      ...set.notes.map((n) => n.text),
      ...Object.values(set.formulas).flatMap((f) => [f.name, f.expression, f.citation, f.variant ?? '']),
    ];
    expect(missingGlyphs(texts)).toEqual([]);
  });

  it('shapes the native names on the cover glyph by glyph as written', () => {
    // भारत: bha, the vowel sign aa after it, ra, ta — no conjunct and no reordered vowel sign, so the
    // shaped run must be the characters' own glyphs in order; Россия likewise.
    const regular = fonts[0] as fontkit.Font;
    for (const word of [set.meta.reporterNative ?? '', set.meta.partnerNative ?? '']) {
      const shaped = regular.layout(word).glyphs.map((g) => g.id);
      const own = [...word].map((c) => regular.glyphForCodePoint(c.codePointAt(0) ?? 0).id);
      expect(shaped).toEqual(own);
      expect(shaped).not.toContain(0);
    }
    expect(regular.layout('भारत').glyphs.map((g) => g.name)).toEqual([
      'uni092D',
      'uni093E',
      'uni0930',
      'uni0924',
    ]);
  });
});
