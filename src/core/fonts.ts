import { createRequire } from 'node:module';

const resolve = createRequire(import.meta.url).resolve;
const noto = (file: string) => resolve(`@expo-google-fonts/noto-sans/${file}`);

/**
 * The one typeface of the briefing, charts included: Noto Sans (SIL OFL) covers Latin, Greek,
 * Cyrillic, Devanagari and ₹. Shipped inside an npm package, so nothing is downloaded at install time.
 */
export const FONT_FAMILY = 'Noto Sans';

export const FONT_FILES = {
  regular: noto('400Regular/NotoSans_400Regular.ttf'),
  italic: noto('400Regular_Italic/NotoSans_400Regular_Italic.ttf'),
  semibold: noto('600SemiBold/NotoSans_600SemiBold.ttf'),
  bold: noto('700Bold/NotoSans_700Bold.ttf'),
} as const;

export type FontStyle = keyof typeof FONT_FILES;

/** A Noto Sans companion for scripts Noto Sans itself lacks; it has no italic (regular stands in). */
export interface FallbackFont {
  id: string;
  script: string;
  files: Record<FontStyle, string>;
}

/** "noto-sans-sc", "NotoSansSC" → its regular, semibold and bold TTFs (SIL OFL, in @expo-google-fonts). */
function fallback(id: string, script: string, pkg: string, stem: string): FallbackFont {
  const file = (weight: string) => resolve(`@expo-google-fonts/${pkg}/${weight}/${stem}_${weight}.ttf`);
  const regular = file('400Regular');
  return {
    id,
    script,
    files: { regular, italic: regular, semibold: file('600SemiBold'), bold: file('700Bold') },
  };
}

/**
 * Fonts for the scripts the names of UN member states are written in, beyond Noto Sans: tried in this
 * order for a character Noto Sans lacks. Only those a briefing uses are embedded, and only the glyphs
 * it prints (pdfkit subsets). Tibetan (Bhutan's འབྲུག) has no packaged font: it is reported, not printed.
 */
export const FALLBACK_FONTS: readonly FallbackFont[] = [
  fallback('arabic', 'Arabic', 'noto-sans-arabic', 'NotoSansArabic'),
  fallback('hebrew', 'Hebrew', 'noto-sans-hebrew', 'NotoSansHebrew'),
  fallback('sc', 'Chinese (Han) and Japanese kana', 'noto-sans-sc', 'NotoSansSC'),
  fallback('kr', 'Korean (Hangul)', 'noto-sans-kr', 'NotoSansKR'),
  fallback('thai', 'Thai', 'noto-sans-thai', 'NotoSansThai'),
  fallback('lao', 'Lao', 'noto-sans-lao', 'NotoSansLao'),
  fallback('khmer', 'Khmer', 'noto-sans-khmer', 'NotoSansKhmer'),
  fallback('myanmar', 'Myanmar', 'noto-sans-myanmar', 'NotoSansMyanmar'),
  fallback('georgian', 'Georgian', 'noto-sans-georgian', 'NotoSansGeorgian'),
  fallback('armenian', 'Armenian', 'noto-sans-armenian', 'NotoSansArmenian'),
  fallback('ethiopic', 'Ethiopic', 'noto-sans-ethiopic', 'NotoSansEthiopic'),
  fallback('bengali', 'Bengali', 'noto-sans-bengali', 'NotoSansBengali'),
  fallback('sinhala', 'Sinhala', 'noto-sans-sinhala', 'NotoSansSinhala'),
  fallback('tamil', 'Tamil', 'noto-sans-tamil', 'NotoSansTamil'),
  fallback('thaana', 'Thaana', 'noto-sans-thaana', 'NotoSansThaana'),
];

/** The face for CSS-like weight and style, as vega and SVG describe text. */
export function fontStyleFor(weight: string | number | undefined, italic: boolean): FontStyle {
  const numeric =
    weight === 'bold' ? 700 : weight === 'normal' || weight === undefined ? 400 : Number(weight);
  if (numeric >= 700) return 'bold';
  if (numeric >= 600) return 'semibold';
  return italic ? 'italic' : 'regular';
}
