import { createRequire } from 'node:module';

const resolve = createRequire(import.meta.url).resolve;
const noto = (file: string) => resolve(`@expo-google-fonts/noto-sans/${file}`);

/**
 * The one typeface of the briefing, charts included: Noto Sans (SIL OFL) covers Latin, Cyrillic,
 * Devanagari and ₹. Shipped inside an npm package, so nothing is downloaded at install time.
 */
export const FONT_FAMILY = 'Noto Sans';

export const FONT_FILES = {
  regular: noto('400Regular/NotoSans_400Regular.ttf'),
  italic: noto('400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  semibold: noto('600SemiBold/NotoSans_600SemiBold.ttf'),
  bold: noto('700Bold/NotoSans_700Bold.ttf'),
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** The face for CSS-like weight and style, as vega and SVG describe text. */
export function fontStyleFor(weight: string | number | undefined, italic: boolean): FontStyle {
  const numeric =
    weight === 'bold' ? 700 : weight === 'normal' || weight === undefined ? 400 : Number(weight);
  if (numeric >= 700) return 'bold';
  if (numeric >= 600) return 'semibold';
  return italic ? 'italic' : 'regular';
}
