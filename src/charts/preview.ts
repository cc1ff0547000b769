import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from '../core/fonts.ts';

/** A PNG of a chart for slides and e-mail, drawn with the same font files as the PDF (no system fonts). */
export function renderPng(svg: string, scale = 2): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return resvg.render().asPng();
}
