import { createRequire } from 'node:module';
import type { LocaleData } from 'i18n-iso-countries';
// The library without its node entry, which would register all 78 languages at every start.
import countries from 'i18n-iso-countries/index.js';

countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

export const WORLD = 'WLD';

/**
 * UN Comtrade and CEPII BACI list Taiwan's trade as "Other Asia, not elsewhere specified": code 490,
 * ISO-like code S19. Nothing else is in that area, so it is read as Taiwan, and a data note says so.
 */
export const OTHER_ASIA_NES = { code: '490', iso: 'S19', iso3: 'TWN' } as const;

/**
 * Comtrade and BACI number some countries by their own codes, not ISO 3166 numeric
 * (UN Comtrade "Country and area codes"; CEPII BACI country_codes file).
 */
const TRADE_NUMERIC: Record<string, string> = {
  '0': WORLD,
  '699': 'IND',
  '842': 'USA',
  '251': 'FRA',
  '757': 'CHE',
  '579': 'NOR',
  [OTHER_ASIA_NES.code]: OTHER_ASIA_NES.iso3,
};

/** ISO alpha-3 → the numeric code trade databases use: their own where it differs from ISO 3166 (India 699). */
export function toTradeNumeric(iso3: string): number | undefined {
  if (iso3 === WORLD) return 0;
  const own = Object.entries(TRADE_NUMERIC).find(([, alpha3]) => alpha3 === iso3)?.[0];
  const numeric = own ?? (isIso3(iso3) ? countries.alpha3ToNumeric(iso3) : undefined);
  return numeric === undefined ? undefined : Number(numeric);
}

/** Any country code a trade file uses (ISO alpha-3, alpha-2, ISO or trade numeric, World) → ISO alpha-3. */
export function toIso3(code: string): string | undefined {
  const text = code.trim().toUpperCase();
  if (text === WORLD || text === 'W00') return WORLD;
  if (text === OTHER_ASIA_NES.iso) return OTHER_ASIA_NES.iso3;
  if (/^\d+$/.test(text)) {
    const numeric = String(Number(text));
    // Numeric codes have three digits: the library reads "1643" as Russia and "6430" as Liberia.
    if (numeric.length > 3) return undefined;
    return TRADE_NUMERIC[numeric] ?? countries.numericToAlpha3(numeric.padStart(3, '0'));
  }
  if (text.length === 3) return countries.isValid(text) ? text : undefined;
  if (text.length === 2) return countries.alpha2ToAlpha3(text);
  return undefined;
}

export function isIso3(code: string): boolean {
  return code === WORLD || (/^[A-Z]{3}$/.test(code) && countries.isValid(code));
}

/** Short English name: "Russia", not "Russian Federation"; "World" for WLD. */
export function countryName(iso3: string): string {
  if (iso3 === WORLD) return 'World';
  const alias = countries.getName(iso3, 'en', { select: 'alias' });
  const official = countries.getName(iso3, 'en', { select: 'official' });
  const usable = alias && !alias.includes(',') && alias !== alias.toUpperCase() ? alias : official;
  return usable ?? iso3;
}

/** Shorter aliases ("US", "UK") are left out: they also occur as parts of units ("US$") and words. */
const MIN_NAME_LENGTH = 4;
let namePattern: { regex: RegExp; iso3: Map<string, string> } | undefined;

function countryNamePattern(): { regex: RegExp; iso3: Map<string, string> } {
  if (namePattern) return namePattern;
  const iso3 = new Map<string, string>([['world', WORLD]]);
  for (const [alpha2, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    for (const name of names)
      if (alpha3 && name.length >= MIN_NAME_LENGTH) iso3.set(name.toLowerCase(), alpha3);
  }
  const alternatives = [...iso3.keys()]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const names = `(?<![\\p{L}])(${alternatives.join('|')})(?![\\p{L}])`;
  // ISO3 codes count only in capitals, so that "can" or "per" in a title is not a country.
  namePattern = { regex: new RegExp(`${names}|\\b([A-Z]{3})\\b`, 'giu'), iso3 };
  return namePattern;
}

/** Countries named in free text (a title line, a file name), in order: English names, ISO3 codes, "World". */
export function findCountries(text: string): string[] {
  const { regex, iso3 } = countryNamePattern();
  const found: string[] = [];
  for (const match of text.matchAll(regex)) {
    const [, name, code] = match;
    const country = name ? iso3.get(name.toLowerCase()) : code && /^[A-Z]{3}$/.test(code) ? code : undefined;
    if (country && isIso3(country) && found.at(-1) !== country) found.push(country);
  }
  return found;
}
