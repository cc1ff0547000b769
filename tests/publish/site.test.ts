import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPng } from '../../src/charts/preview.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';
import { copyInputs, json } from '../run/helpers.ts';
import { launchBrowser } from './browser.ts';
import { cli } from './helpers.ts';

/** The few browser globals used inside page.evaluate: the project compiles without the DOM library. */
interface DomElement {
  textContent: string | null;
  namespaceURI: string | null;
  getAttribute(name: string): string | null;
  getElementsByTagNameNS(ns: string, name: string): DomElement[];
  getElementsByTagName(name: string): DomElement[];
}
declare const document: {
  fonts: { ready: Promise<unknown>; check(font: string): boolean };
  documentElement: DomElement & { scrollWidth: number };
};
declare const DOMParser: new () => {
  parseFromString(text: string, type: string): DomElement & { documentElement: DomElement };
};
declare function getComputedStyle(element: unknown): { backgroundColor: string };

let out: string;
let site: string;
let browser: BrowserContext;

/** Every file under a folder with its bytes, by path relative to it. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), readFileSync(path));
    }
  return files;
}

/** Opens a page of the site, collecting every URL it requests. */
async function open(path: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, requests };
}

/** Each link's target exists, and a link to #name lands on an element with that id. */
async function brokenLinks(page: Page): Promise<string[]> {
  const hrefs = await page.$$eval('a[href]', (links) =>
    links.map((a) => (a as unknown as { href: string }).href),
  );
  expect(hrefs.length).toBeGreaterThan(0);
  const broken: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.protocol !== 'file:') {
      broken.push(href);
      continue;
    }
    const file = fileURLToPath(new URL(url.pathname, url));
    if (!existsSync(file)) broken.push(href);
    else if (
      url.hash &&
      !readFileSync(file, 'utf8').includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)
    )
      broken.push(href);
  }
  return broken;
}

beforeAll(async () => {
  const inputs = copyInputs();
  out = tempDir();
  expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
  // A revision makes a second edition, with changes to show.
  const file = join(inputs, 'trade_totals_ftspcc.csv');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'FY2025-26,IND,RUS,import,TOTAL,55369.62',
      'FY2025-26,IND,RUS,import,TOTAL,55512.40',
    ),
  );
  expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
  site = join(tempDir(), 'site');
  expect((await cli(['publish', '--out', out, '--site', site])).code).toBe(0);
  browser = await launchBrowser();
  // Two builds of the briefing and a browser start: minutes on a busy machine.
}, 600_000);

afterAll(async () => {
  await browser?.close();
});

describe('the archive site', () => {
  it('is rebuilt byte for byte from the same archive, and a rebuild in place writes nothing', async () => {
    const again = join(tempDir(), 'site');
    expect((await cli(['publish', '--out', out, '--site', again])).code).toBe(0);
    const first = tree(site);
    const second = tree(again);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first)
      expect(Buffer.compare(bytes, second.get(path) as Buffer), path).toBe(0);
    const { logs } = await cli(['publish', '--out', out, '--site', site]);
    expect(logs.find((l) => l.event === 'site-written')).toMatchObject({ files: 0, editions: 2, pairs: 1 });
    // What the site copies is the archive's own files: the PDF and the tables of each edition.
    const editions = json<{ dir: string }[]>(join(out, 'archive/IND-RUS/editions.json'));
    for (const edition of editions) {
      const name = edition.dir.split('/').at(-1) as string;
      for (const file of ['briefing.pdf', 'indicators.json', 'tables/trade.csv'])
        expect(
          Buffer.compare(
            first.get(`IND-RUS/${name}/${file}`) as Buffer,
            readFileSync(join(out, edition.dir, file)),
          ),
        ).toBe(0);
    }
    // No script anywhere: the pages work with JavaScript off.
    for (const [path, bytes] of first)
      if (path.endsWith('.html')) expect(bytes.toString('utf8')).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('opens in a headless browser with every link resolving and nothing fetched from the network', async () => {
    const { page, requests } = await open(join(site, 'index.html'));
    expect(await brokenLinks(page)).toEqual([]);
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    // The briefing's typeface, from the site's own copy of the font.
    expect(requests.some((url) => url.endsWith('/fonts/NotoSans-Regular.ttf'))).toBe(true);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans"'))).toBe(true);
    // The accent of the config on the band, as on the briefing's cover (#0b4f8a).
    expect(await page.$eval('header.band', (e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(11, 79, 138)',
    );
    // Two editions, the latest first, with the revision summarised.
    const editions = await page.$$eval('li.edition h3', (hs) => hs.map((h) => h.textContent));
    expect(editions).toEqual(['Data to FY2025-26 (provisional)', 'Data to FY2025-26 (provisional)']);
    const changed = await page.$$eval('li.edition', (items) => items.map((li) => li.textContent ?? ''));
    expect(changed[0]).toMatch(
      /What changed: Compared with the edition of FY2025-26-provisional \(edition [0-9a-f]{8}\): \d+ revised values\./,
    );
    expect(changed[1]).toContain('What changed: the first edition in the archive.');
    expect(changed[0]).toContain('Dated 31 March 2026');
    // Total trade after the revision: exports 4,493.51 + imports 55,512.40 US$ million.
    const total = ((4493.51 + 55512.4) / 1000).toFixed(1);
    expect(await page.$eval('.kpis', (e) => e.textContent)).toContain(`USD ${total} bn`);
    // The screenshot README shows (refreshed with UPDATE_DOCS=1).
    await page.setViewportSize({ width: 1000, height: 900 });
    const shot = process.env.UPDATE_DOCS
      ? join(ROOT, 'docs', 'publish-index.png')
      : join(tempDir(), 'index.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');

    const pair = await open(join(site, 'IND-RUS', 'index.html'));
    expect(await brokenLinks(pair.page)).toEqual([]);
    expect(await pair.page.$eval('h1', (h) => h.textContent)).toBe('India–Russia trade briefing');
    // The revisions table: imports revised from 55,369.62 to 55,512.40 US$ million.
    const change = (((55512.4 - 55369.62) / 55369.62) * 100).toFixed(1);
    const rows = await pair.page.$$eval('tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    expect(rows).toContainEqual([
      'Imports from Russia',
      'FY2025-26',
      'USD 55.4 bn',
      'USD 55.5 bn',
      `+${change} %`,
    ]);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = await open(join(site, 'index.html'));
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const pair = await open(join(site, 'IND-RUS', 'index.html'));
    await pair.page.setViewportSize({ width: 360, height: 780 });
    expect(await pair.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it('has an Atom feed the browser parses, with stable ids and the editions’ own dates', async () => {
    const xml = readFileSync(join(site, 'feed.xml'), 'utf8');
    const { page } = await open(join(site, 'index.html'));
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const atom = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(atom, 'entry')];
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        updated: doc.documentElement.getElementsByTagNameNS(atom, 'updated')[0]?.textContent,
        generator: doc.getElementsByTagNameNS(atom, 'generator')[0]?.textContent,
        ids: entries.map((e) => e.getElementsByTagNameNS(atom, 'id')[0]?.textContent),
        links: entries.map((e) => e.getElementsByTagNameNS(atom, 'link')[0]?.getAttribute('href')),
        dates: entries.map((e) => e.getElementsByTagNameNS(atom, 'updated')[0]?.textContent),
      };
    }, xml);
    expect(feed.error).toBe(0);
    expect(feed.root).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe('2026-03-31T00:00:00.000Z');
    expect(feed.generator).toMatch(/^tradebrief \d+\.\d+\.\d+$/);
    const editions = json<{ dir: string }[]>(join(out, 'archive/IND-RUS/editions.json'));
    const names = editions.map((e) => e.dir.split('/').at(-1)).reverse();
    expect(feed.ids).toEqual(names.map((n) => `tag:tradebrief,2026:IND-RUS/${n}`));
    expect(feed.dates).toEqual(['2026-03-31T00:00:00.000Z', '2026-03-31T00:00:00.000Z']);
    // Without a site address the links are relative to the feed, and resolve.
    for (const link of feed.links) {
      const [path, hash] = (link as string).split('#');
      const target = readFileSync(join(site, path as string), 'utf8');
      expect(target).toContain(`id="${hash}"`);
    }
  });

  it('shows the configured logo, and never empties a folder it did not write', async () => {
    const inputs = copyInputs();
    writeFileSync(
      join(inputs, 'logo.png'),
      await renderPng(
        '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="#0b4f8a"/></svg>',
        1,
      ),
    );
    const configFile = join(inputs, 'tradebrief.config.json');
    const config = json<{ organisation: Record<string, string> }>(configFile);
    writeFileSync(
      configFile,
      JSON.stringify({ ...config, organisation: { ...config.organisation, logo: 'logo.png' } }),
    );
    const branded = join(tempDir(), 'site');
    expect((await cli(['publish', '--out', out, '--config', configFile, '--site', branded])).code).toBe(0);
    const { page } = await open(join(branded, 'index.html'));
    expect(
      await page.$eval('img.logo', (img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(60);

    const foreign = tempDir();
    mkdirSync(join(foreign, 'notes'));
    writeFileSync(join(foreign, 'notes', 'keep.txt'), 'mine');
    const { code, logs } = await cli(['publish', '--out', out, '--site', foreign]);
    expect(code).toBe(2);
    expect(logs[0]?.message).toMatch(/is not empty and is not a site tradebrief wrote/);
    expect(readdirSync(foreign)).toEqual(['notes']);
    // A file where the site's folder should be is a fault of the machine, said in words, exit 2.
    const file = join(tempDir(), 'site');
    writeFileSync(file, 'not a folder');
    const blocked = await cli(['publish', '--out', out, '--site', file]);
    expect(blocked.code).toBe(2);
    expect(blocked.logs[0]?.message).toMatch(/^cannot write here \(E[A-Z]+: .*not of tradebrief/);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('publishes the archives of a batch folder, one per pair', async () => {
    // tradebrief batch keeps each pair's archive in <out>/<PAIR>/archive/<PAIR>/.
    const batch = tempDir();
    cpSync(join(out, 'archive'), join(batch, 'IND-RUS', 'archive'), { recursive: true });
    const batchSite = join(tempDir(), 'site');
    const { code, logs } = await cli(['publish', '--out', batch, '--site', batchSite]);
    expect(code).toBe(0);
    expect(logs.find((l) => l.event === 'site-written')).toMatchObject({ pairs: 1, editions: 2 });
    const names = json<{ dir: string }[]>(join(out, 'archive/IND-RUS/editions.json')).map((e) =>
      e.dir.split('/').at(-1),
    );
    for (const name of names)
      expect(existsSync(join(batchSite, 'IND-RUS', name as string, 'briefing.pdf'))).toBe(true);
  });
});
