import { readFile } from 'node:fs/promises';
import { Resvg } from '@resvg/resvg-js';
import { logoPath } from '../config/load.ts';
import { jpegSize, pngSize } from '../config/logo.ts';
import type { Config } from '../config/schema.ts';
import { InputError } from '../core/errors.ts';
import { configMessages } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';

/**
 * The most pixels on a logo's long side: the cover prints it within 120 × 36 pt, and 600 pixels across
 * 120 pt is 360 dpi, more than print needs.
 */
export const LOGO_PIXELS = 600;
/** The most bytes a logo adds to the PDF, which keeps the briefing under 1 MB. */
export const LOGO_BYTES = 256 * 1024;
/** Below this, a logo is not shrunk further to fit LOGO_BYTES: its PNG is already small. */
const MIN_PIXELS = 100;

/**
 * The logo as the cover embeds it: the file's own bytes when it has LOGO_PIXELS a side and LOGO_BYTES
 * at most; otherwise redrawn as a PNG by resvg (the charts' rasteriser), LOGO_PIXELS on its long side,
 * and smaller by steps while that PNG has more than LOGO_BYTES (a photograph). The same file always
 * gives the same bytes. Undefined when its pixels cannot be read (the config check saw only its header).
 */
export function fitLogo(bytes: Uint8Array): Uint8Array | undefined {
  const png = pngSize(bytes);
  const size = png ?? jpegSize(bytes);
  if (!size) return undefined;
  const { width, height } = size;
  if (Math.max(width, height) <= LOGO_PIXELS && bytes.length <= LOGO_BYTES) return bytes;
  const href = `data:image/${png ? 'png' : 'jpeg'};base64,${Buffer.from(bytes).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  for (let long = LOGO_PIXELS; ; long = Math.round(long * 0.7)) {
    const fitTo =
      width >= height ? { mode: 'width' as const, value: long } : { mode: 'height' as const, value: long };
    const image = new Resvg(svg, { fitTo, font: { loadSystemFonts: false } }).render();
    // resvg leaves an image it cannot decode out: nothing drawn at all is a damaged file.
    if (!hasInk(image.pixels)) return undefined;
    const out = image.asPng();
    if (out.length <= LOGO_BYTES || long <= MIN_PIXELS) return out;
  }
}

/**
 * The configured logo as fitLogo gives it, for the cover and the archive site alike; undefined without
 * one. A file whose pixels cannot be read is named.
 */
export async function readLogo(config: Config, configPath: string): Promise<Uint8Array | undefined> {
  const path = logoPath(config, configPath);
  if (!path) return undefined;
  const logo = fitLogo(await readFile(path));
  if (logo) return logo;
  throw new InputError([
    {
      file: shownPath(configPath),
      key: 'organisation.logo',
      message: configMessages.logoUndrawable(config.organisation.logo ?? ''),
    },
  ]);
}

/** Whether any pixel of an RGBA buffer is not fully transparent. */
function hasInk(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 0) return true;
  return false;
}
