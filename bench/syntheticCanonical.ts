/**
 * SYNTHETIC canonical long CSV for the bench: every ordered pair of `countryCount` countries (India and
 * Russia among them) and each one's trade with the world, by HS chapter, over twenty years, in the
 * canonical layout (period,reporter,partner,flow,product,value,unit,source), with made-up values.
 * Deterministic: the same seed and size give the same bytes.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { random } from './syntheticBaci.ts';

const SEED = 20260101;
const YEARS = Array.from({ length: 20 }, (_, i) => 2005 + i);
const FLOWS = ['export', 'import'];
/** Always in the world, so the bench's pair has rows. */
const ALWAYS = ['IND', 'RUS'];
const OTHERS =
  'USA CHN DEU FRA GBR JPN BRA ZAF ARE SAU TUR IDN MYS THA VNM KOR AUS CAN MEX ITA ESP NLD BEL CHE POL SWE EGY NGA KEN'.split(
    ' ',
  );

export interface SyntheticCanonical {
  dir: string;
  file: string;
  bytes: number;
  rows: number;
}

/**
 * Writes the file, and a sources table naming its one source, to `dir`, unless a complete earlier copy
 * is there (the file is renamed into place only when written whole). `chapters` HS chapters each.
 */
export async function writeSyntheticCanonical(
  dir: string,
  countryCount: number,
  chapters: number,
): Promise<SyntheticCanonical> {
  const countries = [...ALWAYS, ...OTHERS].slice(0, countryCount);
  const products = Array.from({ length: chapters }, (_, i) => String(i + 1).padStart(2, '0'));
  const partners = [...countries, 'WLD'];
  const rows = countries.length * countries.length * YEARS.length * FLOWS.length * products.length;
  const file = join(dir, 'trade_all_pairs.csv');
  await mkdir(dir, { recursive: true });
  const existing = await stat(file).catch(() => undefined);
  if (existing) return { dir, file, bytes: existing.size, rows };
  await writeFile(
    join(dir, 'sources.csv'),
    'id,title,publisher,url\nsynthetic,SYNTHETIC trade figures for the bench (not real data),tradebrief bench,https://example.org/synthetic\n',
  );
  const next = random(SEED);
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  let lines = ['period,reporter,partner,flow,product,value,unit,source'];
  for (const year of YEARS) {
    for (const reporter of countries) {
      for (const partner of partners) {
        if (partner === reporter) continue;
        for (const flow of FLOWS) {
          for (const product of products) {
            const value = (Math.exp(next() * 12) / 10).toFixed(3);
            lines.push(`${year},${reporter},${partner},${flow},${product},${value},USD thousand,synthetic`);
          }
        }
        if (lines.length >= 50_000) {
          if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
          lines = [];
        }
      }
    }
  }
  out.end(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  await once(out, 'finish');
  await rename(temp, file);
  return { dir, file, bytes: (await stat(file)).size, rows };
}
