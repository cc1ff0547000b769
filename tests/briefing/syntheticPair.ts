/**
 * SYNTHETIC BACI-shaped files for briefing layout tests: CEPII's layout (t,i,j,k,v,q sorted by t,i,j,k,
 * v in thousand USD, BACI's own code 699 for India, k without its leading zero, the country-code table
 * beside it), made-up values. Every exporter sends every other country a couple of products, and India
 * and Russia trade in every HS chapter both ways but the few `idle` ones, so the pair's briefing holds
 * the most a bulk file can give it. Deterministic: the same arguments give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LocaleData } from 'i18n-iso-countries';
import countries from 'i18n-iso-countries';
import { random } from '../../bench/syntheticBaci.ts';

countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

const CHAPTERS = Array.from({ length: 97 }, (_, i) => i + 1).filter((c) => c !== 77);
const PAIR = new Set([699, 643]);

/**
 * v, thousand USD. The pair's chapters keep their size from year to year, the first thirty growing and
 * the rest shrinking, so shares move over time; other flows are drawn at random.
 */
function value(i: number, j: number, k: number, year: number, next: () => number): string {
  if (!(PAIR.has(i) && PAIR.has(j))) return (Math.exp(next() * 13) / 10).toFixed(3);
  const size = random(i * 100 + Math.floor(k / 10000))();
  const drift = Math.floor(k / 10000) <= 30 ? 1 + 0.4 * year : 1 / (1 + 0.2 * year);
  return (Math.exp(size * 12) * drift).toFixed(3);
}

/**
 * Writes one BACI file a year for `countryCount` countries (India and Russia among them) into `dir`; the
 * pair trades in no `idle` chapter either way, while the rest of the world does.
 */
export function writeSyntheticBaciPair(
  dir: string,
  years: number[],
  countryCount: number,
  idle: number[] = [],
): void {
  const numeric = Object.keys(countries.getNumericCodes())
    .filter((n) => n !== '356' && n !== '643')
    .sort();
  const world = [699, 643, ...numeric.slice(0, countryCount - 2).map(Number)].sort((a, b) => a - b);
  const iso3 = (code: number) => (code === 699 ? 'IND' : (countries.numericToAlpha3(String(code)) ?? ''));
  writeFileSync(
    join(dir, 'country_codes_V202401.csv'),
    `country_code,country_name,country_iso2,country_iso3\n${world
      .map((c) => `${c},${iso3(c)} (synthetic),,${iso3(c)}`)
      .join('\n')}\n`,
  );
  writeFileSync(join(dir, 'README.md'), 'SYNTHETIC data for tests: not real trade figures.\n');
  years.forEach((year, y) => {
    const next = random(1000 + year);
    const lines = ['t,i,j,k,v,q'];
    for (const i of world) {
      for (const j of world) {
        if (i === j) continue;
        const products =
          PAIR.has(i) && PAIR.has(j)
            ? CHAPTERS.filter((c) => !idle.includes(c)).map((c) => c * 10000 + 101)
            : [
                ...new Set(
                  [0, 1].map(() => (CHAPTERS[Math.floor(next() * CHAPTERS.length)] ?? 1) * 10000 + 201),
                ),
              ];
        for (const k of products.sort((a, b) => a - b)) {
          lines.push(`${year},${i},${j},${k},${value(i, j, k, y, next)},1.000`);
        }
      }
    }
    writeFileSync(join(dir, `BACI_HS17_Y${year}_V202401.csv`), `${lines.join('\n')}\n`);
  });
}
