import { readFile, stat } from 'node:fs/promises';
import { configMessages as m } from '../core/messages.ts';

/**
 * What a logo file may be at most. The briefing redraws a larger logo at the size the cover prints it
 * (`fitLogo`), so these only refuse files no logo is: decoding 40 million pixels takes 160 MB.
 */
export const LOGO_LIMITS = { bytes: 50 * 1024 * 1024, side: 20_000, megapixels: 40 } as const;

interface ImageSize {
  width: number;
  height: number;
}

/**
 * What is wrong with the logo file, or undefined when it is a PNG or JPEG of a size the briefing can
 * carry. The file's content is never quoted: the path may lead anywhere (a link to a system file).
 */
export async function logoProblem(path: string, shown: string): Promise<string | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) return m.logoMissing(shown);
  if (!stats.isFile()) return m.logoNotAFile(shown, stats.isDirectory() ? 'a folder' : 'not a regular file');
  if (stats.size > LOGO_LIMITS.bytes) return m.logoTooLarge(shown, stats.size, LOGO_LIMITS.bytes);
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes) return m.logoUnreadable(shown);
  const size = pngSize(bytes) ?? jpegSize(bytes);
  if (!size) return m.logoNotImage(shown);
  const { side, megapixels } = LOGO_LIMITS;
  if (size.width > side || size.height > side || size.width * size.height > megapixels * 1e6)
    return m.logoTooManyPixels(shown, size.width, size.height, side, megapixels);
  return undefined;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG starts with its signature and the IHDR chunk, whose first fields are width and height. */
export function pngSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const size = { width: view.getUint32(16), height: view.getUint32(20) };
  return size.width > 0 && size.height > 0 ? size : undefined;
}

/** Start-of-frame markers (baseline, progressive, lossless…): the ones that carry the image's size. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walks a JPEG's marker segments to the frame header, which gives height then width. */
export function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1] as number;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = view.getUint16(i + 2);
    if (SOF.has(marker)) {
      if (i + 9 > bytes.length) return undefined;
      const size = { height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      return size.width > 0 && size.height > 0 ? size : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}
