/**
 * SYNTHETIC BACI-shaped data for the bench: the columns, codes, ordering and number formats of a CEPII
 * BACI year (t,i,j,k,v,q sorted by t,i,j,k; BACI's own codes for India, the USA, France, Switzerland and
 * Norway; "Other Asia, nes" as 490; k without its leading zero; q in tons, sometimes "NA"), with made-up
 * values. Deterministic: the same seed, row count and year give the same bytes. A year after the first
 * has the same rows, each value and quantity moved by its own made-up factor, so prices and volumes
 * both change between years.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LocaleData } from 'i18n-iso-countries';
import countries from 'i18n-iso-countries';
import { HS_REFERENCE } from '../src/reference/hs.ts';

countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json') as LocaleData);

export const SYNTHETIC_YEAR = 2022;
const SEED = 20240101;
/** Countries in the synthetic world; BACI has about 230. */
const COUNTRY_COUNT = 220;
const PRODUCT_COUNT = 5000;
/** ISO numeric → BACI's own code for the countries BACI numbers differently. */
const BACI_CODES: Record<string, number> = { '356': 699, '840': 842, '250': 251, '756': 757, '578': 579 };
/** Always in the world, so that every pair a test or the bench uses has rows. */
const ALWAYS = ['356', '643', '840', '156', '784', '250'];
const OTHER_ASIA = { code: 490, iso3: 'S19', name: 'Other Asia, nes' };

/** mulberry32: a small seeded generator, enough for made-up figures. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Country {
  code: number;
  iso3: string;
  name: string;
}

function syntheticCountries(next: () => number, count: number): Country[] {
  const numeric = Object.keys(countries.getNumericCodes()).sort();
  const others = numeric.filter((n) => !ALWAYS.includes(n));
  // A seeded shuffle picks which countries join the ones always present.
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [others[i], others[j]] = [others[j] as string, others[i] as string];
  }
  const chosen = [...ALWAYS, ...others].slice(0, count - 1);
  const list = chosen.map((n) => ({
    code: BACI_CODES[n] ?? Number(n),
    iso3: countries.numericToAlpha3(n) ?? '',
    name: countries.getName(countries.numericToAlpha3(n) ?? '', 'en') ?? n,
  }));
  return [...list, OTHER_ASIA].sort((a, b) => a.code - b.code);
}

/** HS6 codes under the HS 2022 headings (so a briefing names them), as numbers in ascending order. */
function syntheticProducts(next: () => number): number[] {
  const headings = HS_REFERENCE.headings.map((h) => Number(h.code));
  const codes = new Set<number>();
  while (codes.size < PRODUCT_COUNT) {
    const heading = headings[Math.floor(next() * headings.length)] as number;
    codes.add(heading * 100 + 1 + Math.floor(next() * 99));
  }
  return [...codes].sort((a, b) => a - b);
}

/** `count` indices of `0 … total-1`, ascending (selection sampling, Knuth's algorithm S). */
function sample(total: number, count: number, next: () => number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < total && picked.length < count; i++) {
    if (next() * (total - i) < count - picked.length) picked.push(i);
  }
  return picked;
}

export interface SyntheticBaci {
  dir: string;
  /** The BACI file itself. */
  file: string;
  bytes: number;
  rows: number;
}

/**
 * Writes `rows` synthetic BACI rows of `year` among `countryCount` countries (India, Russia, the USA,
 * China, the UAE and France first, "Other Asia, nes" always) and the matching country-code table to
 * `dir`, unless a complete earlier copy is there (the file is renamed into place only when written whole).
 */
export async function writeSyntheticBaci(
  dir: string,
  rows: number,
  countryCount: number = COUNTRY_COUNT,
  year: number = SYNTHETIC_YEAR,
): Promise<SyntheticBaci> {
  const file = join(dir, `BACI_HS17_Y${year}_V202401.csv`);
  await mkdir(dir, { recursive: true });
  const existing = await stat(file).catch(() => undefined);
  if (existing) return { dir, file, bytes: existing.size, rows };

  const next = random(SEED);
  // Another year's factors come from a generator of their own: the rows stay the first year's.
  const drift = year === SYNTHETIC_YEAR ? undefined : random(SEED + year);
  const moved = (text: string) =>
    drift ? (Number(text) * Math.exp((drift() - 0.5) * 0.8)).toFixed(3) : text;
  const world = syntheticCountries(next, countryCount);
  const products = syntheticProducts(next);
  await writeFile(
    join(dir, 'country_codes_V202401.csv'),
    `country_code,country_name,country_iso2,country_iso3\n${world
      .map((c) => `${c.code},"${c.name.replaceAll('"', '')} (synthetic)",,${c.iso3}`)
      .join('\n')}\n`,
  );
  await writeFile(
    join(dir, 'README.md'),
    'SYNTHETIC data written by `npm run bench`: not real trade figures.\n',
  );

  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  const pairs = world.length * (world.length - 1);
  let pair = 0;
  let lines: string[] = ['t,i,j,k,v,q'];
  for (const exporter of world) {
    for (const importer of world) {
      if (importer === exporter) continue;
      // Rows spread evenly over the pairs, so the total is exactly `rows`.
      const count = Math.floor(rows / pairs) + (pair < rows % pairs ? 1 : 0);
      pair += 1;
      for (const index of sample(products.length, count, next)) {
        const value = moved((Math.exp(next() * 12) / 100).toFixed(3));
        const tons = next() < 0.05 ? '           NA' : (Math.exp(next() * 10) / 100).toFixed(3);
        const quantity = tons.endsWith('NA') ? tons : moved(tons);
        lines.push(`${year},${exporter.code},${importer.code},${products[index]},${value},${quantity}`);
      }
      if (lines.length >= 50_000) {
        if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
        lines = [];
      }
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');
  await rename(temp, file);
  return { dir, file, bytes: (await stat(file)).size, rows };
}
