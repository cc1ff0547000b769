import { mkdir, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.ts';
import {
  holdsExtracts,
  loadExtract,
  saveExtract,
  takeCacheReport,
} from '../../src/ingest/bulk/extractCache.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { brief, folderWith, problemsOf } from './folders.ts';

// SYNTHETIC BACI-shaped rows: 699 India, 643 Russia, 842 USA; v in thousand USD.
const BACI = 't,i,j,k,v,q\n2022,699,643,300490,10,1\n2022,699,842,300490,20,1\n2022,643,699,270900,40,1\n';
const pairs = (trade: Parameters<typeof brief>[0][]) => trade.filter((r) => r.partner !== 'WLD').map(brief);

async function setUp() {
  const inputs = await folderWith({ 'baci.csv': BACI });
  const cache = join(await folderWith({}), 'extracts');
  const read = (reporter: string, partner: string, extractCache?: string) =>
    ingest(inputs, {
      focus: { reporter, partners: [partner] },
      bulkMinBytes: 0,
      ...(extractCache ? { extractCache } : {}),
    });
  const entries = async () =>
    (await readdir(cache).catch(() => [])).filter((name) => name.endsWith('.json.gz'));
  return { inputs, cache, read, entries };
}

describe('the extract cache of bulk files', () => {
  it('stores one extract per file and reporter, used for any partner', async () => {
    const { cache, read, entries } = await setUp();
    const first = await read('IND', 'RUS', cache);
    expect(first).toEqual(await read('IND', 'RUS'));
    expect(await entries()).toHaveLength(1);
    // The pair's HS6 rows, with their tons, come back from the entry as from the file.
    const products = (r: typeof first) =>
      r.products
        .filter((p) => p.partner !== 'WLD')
        .map((p) => `${p.partner} ${p.flow} ${p.product} ${p.value} ${p.quantity} ${p.quantityUnit}`);
    // Sums by heading: the world's exports (IND's 10 + 20 of 3004; RUS's 40 of 2709, from 2 exporters),
    // India's exports to the world and the partner's imports from it.
    const headings = (r: typeof first) =>
      r.products
        .filter((p) => p.partner === 'WLD')
        .map(
          (p) => `${p.reporter} ${p.flow} ${p.product} ${p.value}${p.exporters ? ` of ${p.exporters}` : ''}`,
        );
    const cached = await read('IND', 'RUS', cache);
    expect(products(cached)).toEqual(['RUS export 300490 10 1 t', 'RUS import 270900 40 1 t']);
    expect(headings(cached)).toEqual([
      'WLD export 3004 30 of 2',
      'WLD export 2709 40 of 2',
      'IND export 3004 30',
      'RUS import 3004 10',
    ]);
    // Another partner of the same reporter is cut from the same extract.
    const usa = await read('IND', 'USA', cache);
    expect(usa).toEqual(await read('IND', 'USA'));
    expect(pairs(usa.trade)).toEqual(['2022 IND USA export 30 20 USD thousand line 3']);
    expect(products(usa)).toEqual(['USA export 300490 20 1 t']);
    expect(headings(usa).filter((h) => h.includes('import'))).toEqual(['USA import 3004 20']);
    expect(await entries()).toHaveLength(1);
    // Another reporter needs its own.
    await read('RUS', 'IND', cache);
    expect(await entries()).toHaveLength(2);
  });

  it('is what a later run reads, not the file, when the entry matches the hash in its name', async () => {
    const { cache, read, entries } = await setUp();
    await read('IND', 'RUS', cache);
    takeCacheReport();
    const [name] = await entries();
    const [key] = (name as string).split('.');
    const entry = JSON.parse(gunzipSync(await readFile(join(cache, name as string))).toString('utf8'));
    entry.value.extract.sums.find((s: { partner: string }) => s.partner === 'RUS').value = 999;
    const altered = gzipSync(JSON.stringify(entry));
    // Stored under the hash of its new bytes, as a write of the cache would: the next run reads it.
    await rm(join(cache, name as string));
    await writeFile(join(cache, `${key}.${sha256(altered)}.json.gz`), altered);
    expect(pairs((await read('IND', 'RUS', cache)).trade)).toContain(
      '2022 IND RUS export 30 999 USD thousand line 2',
    );
    expect(takeCacheReport()).toEqual({ used: [{ key, sha256: sha256(altered) }], setAside: 0 });
  });

  it('sets aside an entry edited in place, and reads the file again', async () => {
    const { cache, read, entries } = await setUp();
    await read('IND', 'RUS', cache);
    takeCacheReport();
    const [name] = await entries();
    const path = join(cache, name as string);
    const entry = JSON.parse(gunzipSync(await readFile(path)).toString('utf8'));
    entry.value.extract.sums.find((s: { partner: string }) => s.partner === 'RUS').value *= 1000;
    // [year, flow, partner, product, value, tons, line]: the tons of the first row, edited too.
    entry.value.extract.products[0][5] = 1000;
    await writeFile(path, gzipSync(JSON.stringify(entry)));
    // 10 thousand USD as in the file, not the 10 000 written into the entry.
    const again = await read('IND', 'RUS', cache);
    expect(pairs(again.trade)).toContain('2022 IND RUS export 30 10 USD thousand line 2');
    expect(again.products[0]?.quantity).toBe(1);
    expect(takeCacheReport()).toEqual({ used: [], setAside: 1 });
    // The entry was written again from the file: the same bytes, under the same name.
    expect(await entries()).toEqual([name]);
  });

  it('is missed when the file changes, and a damaged entry is read as missing', async () => {
    const { inputs, cache, read, entries } = await setUp();
    await read('IND', 'RUS', cache);
    await writeFile(join(inputs, 'baci.csv'), BACI.replace(',10,1', ',11,1'));
    expect(pairs((await read('IND', 'RUS', cache)).trade)).toContain(
      '2022 IND RUS export 30 11 USD thousand line 2',
    );
    expect(await entries()).toHaveLength(2);
    for (const name of await entries()) await writeFile(join(cache, name), 'not gzip');
    expect(pairs((await read('IND', 'RUS', cache)).trade)).toContain(
      '2022 IND RUS export 30 11 USD thousand line 2',
    );
    // The entry for the current file was written again; the other one stays damaged until pruned.
    const readable = [];
    for (const name of await entries())
      readable.push((await loadExtract(cache, name.split('.')[0] as string)) !== undefined);
    expect(readable.sort()).toEqual([false, true]);
  });

  it('keeps no extract of a file with problems', async () => {
    const inputs = await folderWith({ 'baci.csv': `${BACI}2022,699,643,300491,-1,1\n` });
    const cache = join(await folderWith({}), 'extracts');
    await problemsOf(inputs, {
      focus: { reporter: 'IND', partners: ['RUS'] },
      bulkMinBytes: 0,
      extractCache: cache,
    });
    expect(await readdir(cache).catch(() => [])).toEqual([]);
  });

  it('is stored whole before the ingest ends, also when another file stops it', async () => {
    // The extract is written while the other file is read: the ingest's problems come once it is.
    const inputs = await folderWith({ 'baci.csv': BACI, 'other.csv': 'period,reporter\n2022,IND\n' });
    const cache = join(await folderWith({}), 'extracts');
    const problems = await problemsOf(inputs, {
      focus: { reporter: 'IND', partners: ['RUS'] },
      bulkMinBytes: 0,
      extractCache: cache,
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^other\.csv/);
    const names = (await readdir(cache)).filter((name) => name.endsWith('.json.gz'));
    expect(names).toHaveLength(1);
    expect(await loadExtract(cache, (names[0] as string).split('.')[0] as string)).toBeDefined();
  });

  it('is known to miss while it holds no extract (the file is then parsed before its hash is known)', async () => {
    const { cache, read } = await setUp();
    expect(await holdsExtracts(cache)).toBe(false);
    // A file left by a write that never finished is not an extract.
    await mkdir(cache, { recursive: true });
    await writeFile(join(cache, 'key.abc.json.gz.tmp-1'), 'partial');
    expect(await holdsExtracts(cache)).toBe(false);
    // The first read stores the extract under the file's hash, as a lookup would have found it.
    await read('IND', 'RUS', cache);
    expect(await holdsExtracts(cache)).toBe(true);
    takeCacheReport();
    await read('IND', 'USA', cache);
    expect(takeCacheReport().used).toHaveLength(1);
  });

  it('keeps the 8 most recently used extracts', async () => {
    const cache = await folderWith({});
    for (let n = 0; n < 8; n++) {
      await saveExtract(cache, `key${n}`, { n });
      // Entries made earlier were used longer ago.
      const when = new Date(Date.UTC(2024, 0, 1, 0, n));
      const [entry] = (await readdir(cache)).filter((name) => name.startsWith(`key${n}.`));
      await utimes(join(cache, entry as string), when, when);
    }
    expect(await loadExtract(cache, 'key0')).toEqual({ n: 0 });
    await saveExtract(cache, 'key8', { n: 8 });
    await saveExtract(cache, 'key9', { n: 9 });
    // key0 was just read; key1 and key2 were the least recently used.
    expect((await readdir(cache)).map((name) => name.split('.')[0]).sort()).toEqual(
      [0, 3, 4, 5, 6, 7, 8, 9].map((n) => `key${n}`).sort(),
    );
  });
});
