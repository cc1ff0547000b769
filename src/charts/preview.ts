import { renderAsync } from '@resvg/resvg-js';
import { FONT_FAMILY, FONT_FILES } from '../core/fonts.ts';

/**
 * A PNG of a chart for slides and e-mail, drawn with the same font files as the PDF (no system fonts).
 * Rasterised on libuv's thread pool, so several charts render on the other core while the stage goes on.
 */
export async function renderPng(svg: string, scale = 2): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { fontFiles: Object.values(FONT_FILES), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return image.asPng();
}
