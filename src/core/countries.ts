import { createRequire } from 'node:module';
import type { LocaleData } from 'i18n-iso-countries';
import countries from 'i18n-iso-countries';

countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

export const WORLD = 'WLD';

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
};

/** Any country code a trade file uses (ISO alpha-3, alpha-2, ISO or trade numeric, World) → ISO alpha-3. */
export function toIso3(code: string): string | undefined {
  const text = code.trim().toUpperCase();
  if (text === WORLD || text === 'W00') return WORLD;
  if (/^\d+$/.test(text)) {
    const numeric = String(Number(text));
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
