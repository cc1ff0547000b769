import * as vega from 'vega';
import { openFace } from '../core/fontFaces.ts';
import { FONT_FILES, type FontStyle, fontStyleFor } from '../core/fonts.ts';

const widths = new Map<string, number>();

/** Advance width of `text` in points at `size`, shaped by fontkit on the TTF the PDF embeds. */
export function measureText(text: string, size: number, style: FontStyle = 'regular'): number {
  const key = `${style}|${size}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    const font = openFace(FONT_FILES[style]);
    width = (font.layout(text).advanceWidth / font.unitsPerEm) * size;
    widths.set(key, width);
  }
  return width;
}

interface VegaWithMetrics {
  textMetrics: { width: (item: TextItem, text: unknown) => number };
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
}

/**
 * Without node-canvas vega guesses widths as 0.8 × length × size, so labels get clipped or overlap.
 * Measuring with the embedded font makes the layout vega computes match what the PDF draws. Vega calls
 * this both for whole labels and, when truncating to a limit, for candidate prefixes: measure as given.
 */
export function useEmbeddedFontMetrics(): void {
  // vega's own types omit textMetrics, which vega exports for exactly this override.
  (vega as unknown as VegaWithMetrics).textMetrics.width = (item: TextItem, text: unknown) => {
    const style = fontStyleFor(item.fontWeight, item.fontStyle === 'italic');
    return measureText(text == null ? '' : String(text).trim(), item.fontSize ?? 11, style);
  };
}
