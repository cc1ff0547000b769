import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { brief, folderWith } from './folders.ts';

/** Real UN Comtrade legacy extracts kept beside the project (../shared/data/README.md). */
const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const BY_PARTNER = 'comtrade_H5_2019_india_total_by_partner.csv';
const CHAPTERS_2018 = 'comtrade_H5_2018_india_hs2_exports_to_world.csv';
const REPORTERS_97 = 'comtrade_H5_2019_hs2_exports_to_world_97reporters.csv';
const present = [BY_PARTNER, CHAPTERS_2018, REPORTERS_97].every((f) => existsSync(join(SHARED, f)));

/** A folder holding only the given shared files. */
async function sharedOnly(...files: string[]): Promise<string> {
  const contents = await Promise.all(files.map(async (f) => [f, await readFile(join(SHARED, f))] as const));
  return folderWith(Object.fromEntries(contents));
}

describe.skipIf(!present)('real Comtrade legacy files', () => {
  it('reads India’s 2019 totals by partner: quoted names with commas, 699 = India, "nes" areas set aside', async () => {
    const result = await ingest(await sharedOnly(BY_PARTNER));
    const line = (n: number) => result.trade.filter((r) => r.line === n).map(brief);
    expect(line(2)).toEqual(['2019 IND WLD import TOTAL 478883729111 USD line 2']);
    expect(line(3)).toEqual(['2019 IND WLD export TOTAL 323250726424 USD line 3']);
    // "China, Hong Kong SAR" stays one field.
    expect(line(177)).toEqual(['2019 IND HKG export TOTAL 11478401247 USD line 177']);
    expect(line(331)).toEqual(['2019 IND RUS export TOTAL 2871228560 USD line 331']);
    // "Other Asia, nes" (490, no ISO code in the file) is Taiwan.
    expect(line(251)).toEqual(['2019 IND TWN export TOTAL 1640723537 USD line 251']);
    // "Areas, nes" (899) has no ISO code: set aside with its reason, not silently dropped.
    expect(result.rejects).toContainEqual({
      file: BY_PARTNER,
      line: 439,
      reason: m.asideNotCountry('partner'),
    });
    expect(result.files[0]).toMatchObject({ rows: 438, used: 436, records: 436 });
  });

  it('reads chapter codes as text, and 97 reporters’ exports to the world', async () => {
    const result = await ingest(await sharedOnly(CHAPTERS_2018, REPORTERS_97));
    expect(result.trade.filter((r) => r.line === 31 && r.period === '2018').map(brief)).toEqual([
      '2018 IND WLD export 30 14300419263 USD line 31',
    ]);
    expect(result.trade.filter((r) => r.line === 3851).map(brief)).toEqual([
      '2019 IND WLD export 01 16860877 USD line 3851',
    ]);
    const reporters = new Set(result.trade.filter((r) => r.period === '2019').map((r) => r.reporter));
    expect(reporters.size).toBe(97);
    expect(reporters.has('RUS')).toBe(true);
  });

  it('is enough, on its own, to normalise India–Russia 2019 totals', async () => {
    const ingested = await ingest(await sharedOnly(BY_PARTNER));
    const normalised = normalise(ingested, parseConfig({ reporter: 'IND', partner: 'RUS' }, 'test'));
    const pair = normalised.trade.filter((r) => r.partner === 'RUS');
    expect(pair.map((r) => `${r.period} ${r.flow} ${r.product} ${r.valueUsd}`)).toEqual([
      '2019 export TOTAL 2871228560',
      '2019 import TOTAL 6226189464',
    ]);
  });
});
