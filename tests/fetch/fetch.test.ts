import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Changes } from '../../src/changes/compare.ts';
import type { FetchManifest } from '../../src/fetch/manifest.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tempDir, tool } from '../helpers.ts';
import { type Replay, startReplay, tradebriefAsync } from './replay.ts';

// Tests spawn the real command line against a stand-in API on 127.0.0.1; none reaches the internet.
const SLOW = 240_000;

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

function fetchArgs(dir: string, base: string, ...extra: string[]): string[] {
  return [
    'fetch',
    '--inputs',
    dir,
    '--reporter',
    'IND',
    '--partner',
    'RUS',
    '--base-url',
    base,
    '--pause',
    '0',
    '--backoff',
    '0.01',
    ...extra,
  ];
}

/** Every file under a folder: its bytes and modification time. */
function snapshot(dir: string): Record<string, { text: string; mtimeMs: number }> {
  const files: Record<string, { text: string; mtimeMs: number }> = {};
  if (!existsSync(dir)) return files;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = { text: readFileSync(path, 'latin1'), mtimeMs: statSync(path).mtimeMs };
  }
  return files;
}

const dataRequests = (r: Replay) =>
  r.seen.filter((s) => s.request.includes('/preview/') || s.request.includes('/get/'));
const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'comtrade-api', 'fetch-manifest.json'), 'utf8')) as FetchManifest;
const csvRows = (dir: string, file: string) =>
  readFileSync(join(dir, 'comtrade-api', file), 'utf8')
    .trim()
    .split('\n')
    .slice(1);

describe('tradebrief fetch: first fetch, nothing new, a revision', () => {
  it(
    'downloads what the briefing needs, changes nothing when nothing is new, and refetches a revised year into a new edition',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      const out = tempDir();

      // First fetch, keyless: the preview, one year a call.
      const first = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'));
      expect(first.stderr).toContain('keyless preview');
      expect(first.status).toBe(0);
      expect(replay.unexpected).toEqual([]);
      // getDa for both sides, then India 2021–2023 and Russia 2021 (Russia lists nothing after 2021).
      expect(replay.seen.map((s) => s.request.split('?')[0])).toEqual([
        '/public/v1/getDa/C/A/HS',
        '/public/v1/getDa/C/A/HS',
        ...Array(4).fill('/public/v1/preview/C/A/HS'),
      ]);
      for (const seen of dataRequests(replay)) {
        const query = new URL(seen.url, 'http://x').searchParams;
        expect(query.get('partner2Code')).toBe('0');
        expect(query.get('motCode')).toBe('0');
        expect(query.get('customsCode')).toBe('C00');
        expect(query.get('cmdCode')).toBe('TOTAL,AG2');
        expect(query.get('period')).toMatch(/^\d{4}$/);
        expect(seen.headers['ocp-apim-subscription-key']).toBeUndefined();
      }
      expect(first.stderr).toMatch(
        /RUS has not published 2022, 2023 in Comtrade \(its latest year is 2021\)/,
      );
      expect(first.stderr.match(/^\[call \d+\] /gm)).toHaveLength(4);
      expect(readdirSync(join(dir, 'comtrade-api')).sort()).toEqual([
        'IND_2021.csv',
        'IND_2022.csv',
        'IND_2023.csv',
        'RUS_2021.csv',
        'fetch-manifest.json',
        'sources.csv',
      ]);
      expect(existsSync(join(dir, '.lock'))).toBe(false);
      // 2 flows × (Russia and the World) × (TOTAL and 3 chapters) = 16 rows a reporter-year.
      expect(csvRows(dir, 'IND_2023.csv')).toHaveLength(16);
      const manifest = manifestOf(dir);
      const ind2023 = manifest.datasets.find((d) => d.file === 'IND_2023.csv');
      expect(ind2023).toMatchObject({
        reporter: 'IND',
        reporterCode: 699,
        year: 2023,
        rows: 16,
        release: [{ lastReleased: '2024-10-06T10:53:32.8266667', datasetChecksum: '-1349953107' }],
      });
      expect(ind2023?.queries).toHaveLength(1);
      // The CSVs carry no fetch time: the same release gives the same bytes, so a run stays reproducible.
      expect(readFileSync(join(dir, 'comtrade-api', 'IND_2023.csv'), 'utf8')).not.toContain(
        manifest.fetchedAt,
      );

      // The ingest reads what was written, and a run builds the briefing from it.
      const validate = await tradebriefAsync([
        'validate',
        '--inputs',
        dir,
        '--reporter',
        'IND',
        '--partner',
        'RUS',
      ]);
      expect(validate.status).toBe(0);
      expect(validate.stdout).toMatch(
        /comtrade-api\/IND_2023\.csv \(comtrade-plus[^)]*\): 16 rows, 16 used, 0 set aside/,
      );
      const run = await tradebriefAsync([
        'run',
        '--inputs',
        dir,
        '--out',
        out,
        '--reporter',
        'IND',
        '--partner',
        'RUS',
      ]);
      expect(run.status).toBe(0);
      const set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
      const value = (id: string, period: string) =>
        set.indicators.find((i) => i.id === id && i.period === period && !i.dims);
      // India's 2023 exports to Russia in the fixture: TOTAL X = US$ 4.0 bn; imports 60 bn.
      expect(value('trade.exports', '2023')?.value).toBe(4e9);
      expect(value('trade.exports', '2023')?.sources).toEqual(['un-comtrade-api']);
      // Russia's share of India's trade, with India's trade with the World: (4 + 60) / (432 + 672).
      expect(value('trade.partnerShareOfReporterTrade', '2023')?.value).toBeCloseTo(64 / 1104, 12);

      // Nothing new: only getDa is asked, no file changes, and the run after it is up to date.
      const before = snapshot(dir);
      const seenBefore = replay.seen.length;
      const again = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'));
      expect(again.status).toBe(0);
      expect(again.stderr).toContain('nothing new');
      expect(replay.seen.slice(seenBefore).map((s) => s.request.split('?')[0])).toEqual([
        '/public/v1/getDa/C/A/HS',
        '/public/v1/getDa/C/A/HS',
      ]);
      expect(snapshot(dir)).toEqual(before);
      const upToDate = await tradebriefAsync([
        'run',
        '--inputs',
        dir,
        '--out',
        out,
        '--reporter',
        'IND',
        '--partner',
        'RUS',
      ]);
      expect(upToDate.status).toBe(0);
      expect(upToDate.stderr).toContain('up to date');

      // A revision of India's 2023 data: a new lastReleased and checksum; only that year is downloaded.
      replay.load('revised');
      const seenBeforeRevision = replay.seen.length;
      const revised = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'));
      expect(revised.status).toBe(0);
      expect(revised.stderr).toContain('IND 2023: revised since the last fetch');
      const downloads = dataRequests({ ...replay, seen: replay.seen.slice(seenBeforeRevision) });
      expect(downloads.map((s) => new URL(s.url, 'http://x').searchParams.get('period'))).toEqual(['2023']);
      const after = snapshot(dir);
      for (const file of ['IND_2021.csv', 'IND_2022.csv', 'RUS_2021.csv', 'sources.csv'])
        expect(after[join('comtrade-api', file)], file).toEqual(before[join('comtrade-api', file)]);
      expect(after[join('comtrade-api', 'IND_2023.csv')]?.text).not.toBe(
        before[join('comtrade-api', 'IND_2023.csv')]?.text,
      );
      expect(manifestOf(dir).datasets.find((d) => d.file === 'IND_2023.csv')?.release[0]).toMatchObject({
        lastReleased: '2025-01-12T02:32:26.3933333',
        datasetChecksum: '527449718',
      });

      // The run after it is a new edition whose changes show the revised values.
      const next = await tradebriefAsync([
        'run',
        '--inputs',
        dir,
        '--out',
        out,
        '--reporter',
        'IND',
        '--partner',
        'RUS',
      ]);
      expect(next.status).toBe(0);
      const changes = JSON.parse(readFileSync(join(out, 'changes.json'), 'utf8')) as Changes;
      expect(changes.previous).not.toBeNull();
      const exports = changes.revised.find((r) => r.id === 'trade.exports' && r.period === '2023');
      // The fixture revises the total from 4.0 to 4.2 bn: a change of 0.2 / 4.0 = 5 %.
      expect(exports).toMatchObject({ before: 4e9, after: 4.2e9 });
      expect(exports?.change).toBeCloseTo(0.05, 12);
      const pharma = changes.revised.find(
        (r) => r.id === 'composition.chapter.value' && r.period === '2023' && r.dims.chapter === '30',
      );
      // Pharmaceuticals (HS 30): 25 % of 4.0 bn = 1.0 bn before, 1.2 bn after.
      expect(pharma).toMatchObject({ before: 1e9, after: 1.2e9 });
      expect(tool('pdftotext', [join(out, 'briefing.pdf'), '-'])).toContain('Changes since the last edition');
    },
    SLOW * 2,
  );
});

describe('tradebrief fetch against the API as it really behaves', () => {
  it(
    'with a key: the keyed endpoint, several years a call, and the key in no address, file or log line',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      const key = 'c0ffee5ecret0key1234567890abcdef';
      const run = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2021-2023', '--log-format', 'json', '-v'),
        { COMTRADE_API_KEY: key },
      );
      expect(run.status).toBe(0);
      expect(replay.unexpected).toEqual([]);
      const lines = run.stderr
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string; message: string });
      expect(lines[0]?.message).toContain('subscription key');
      expect(lines.filter((l) => l.event === 'fetch-query')).toHaveLength(2);
      expect(dataRequests(replay).map((s) => new URL(s.url, 'http://x').searchParams.get('period'))).toEqual([
        '2021,2022,2023',
        '2021',
      ]);
      for (const seen of replay.seen) {
        expect(seen.headers['ocp-apim-subscription-key']).toBe(key);
        expect(seen.url).not.toContain(key);
        expect(seen.url.toLowerCase()).not.toContain('subscription');
      }
      expect(`${run.stdout}${run.stderr}`).not.toContain(key);
      const files = snapshot(dir);
      // Four reporter-years, the sources table and the manifest.
      expect(Object.keys(files)).toHaveLength(6);
      for (const [file, { text }] of Object.entries(files)) expect(text, file).not.toContain(key);
    },
    SLOW,
  );

  it('a refused key is exit 2, names COMTRADE_API_KEY, writes nothing and never shows the key', async () => {
    replay = await startReplay('bad-key');
    const dir = join(tempDir(), 'inputs');
    const key = 'wrong-key-0000';
    const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl), { COMTRADE_API_KEY: key });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /error: environment, key "COMTRADE_API_KEY": the API refused the subscription key \(HTTP 401: "Access denied due to invalid subscription key/,
    );
    expect(run.stderr).not.toContain(key);
    expect(run.stderr).not.toContain('    at ');
    expect(snapshot(dir)).toEqual({});
  });

  it(
    'waits out a 429 as Retry-After says, then succeeds',
    async () => {
      replay = await startReplay('rate-limited');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'));
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('the API limits the rate of calls (HTTP 429): trying again in 1 s');
      expect(dataRequests(replay)).toHaveLength(2);
      expect(csvRows(dir, 'IND_2023.csv')).toHaveLength(16);
    },
    SLOW,
  );

  it(
    'retries 5xx answers with backoff, then succeeds',
    async () => {
      replay = await startReplay('server-error');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'));
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('the API failed (HTTP 503: "Service Unavailable")');
      expect(run.stderr).toContain('the API failed (HTTP 500: "Internal server error")');
      expect(dataRequests(replay)).toHaveLength(3);
      expect(csvRows(dir, 'IND_2023.csv')).toHaveLength(16);
    },
    SLOW,
  );

  it(
    'takes an HTML outage page for a passing fault: retried, and exit 75 if it persists',
    async () => {
      replay = await startReplay('outage');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'));
      expect(run.status).toBe(0);
      expect(run.stderr.match(/answered with a web page \(HTTP (502|200)\)/g)).toEqual([
        'answered with a web page (HTTP 502)',
        'answered with a web page (HTTP 200)',
      ]);
      await replay.close();

      replay = await startReplay('outage-persistent');
      const down = join(tempDir(), 'inputs');
      const failed = await tradebriefAsync(
        fetchArgs(down, replay.baseUrl, '--years', '2023', '--retries', '2'),
      );
      expect(failed.status).toBe(75);
      expect(failed.stderr).toMatch(
        /web page \(HTTP 502\) instead of data: the service is probably down, 3 tries/,
      );
      expect(failed.stderr).toContain('Nothing was written; the inputs are as they were: try again later');
      expect(snapshot(down)).toEqual({});
    },
    SLOW,
  );

  it(
    'an exhausted quota is exit 75 and leaves the previous inputs exactly as they were',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      expect((await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'))).status).toBe(0);
      const before = snapshot(dir);
      replay.load('revised', 'quota');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'));
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'the quota of calls to the API is used up; Comtrade replenishes it in 03:14:17 (HTTP 403). Nothing was written',
      );
      expect(snapshot(dir)).toEqual(before);
    },
    SLOW,
  );

  it(
    'an empty answer for a published year is retried, then exit 75 saying so; nothing is written',
    async () => {
      replay = await startReplay('empty');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023', '--retries', '1'));
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'no rows, although Comtrade lists the year as published (the API sometimes answers empty under load), 2 tries',
      );
      expect(dataRequests(replay)).toHaveLength(2);
      expect(snapshot(dir)).toEqual({});
    },
    SLOW,
  );

  it(
    'an answer missing the totals of chapters it holds is retried: kept once whole, else exit 75',
    async () => {
      replay = await startReplay('incomplete');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023', '--retries', '1'));
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'the answer holds chapters of imports from RUS in 2023 without their total, so it is incomplete, 2 tries',
      );
      expect(snapshot(dir)).toEqual({});
      // The third answer is whole: 2 flows × 2 partners × (the total and 3 chapters).
      await replay.close();
      replay = await startReplay('incomplete');
      const again = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2023', '--retries', '2'),
      );
      expect(again.status).toBe(0);
      expect(csvRows(dir, 'IND_2023.csv')).toHaveLength(16);
    },
    SLOW,
  );

  it(
    'a row without a value, an error beside the data, a breakdown or no World total is retried, then exit 75',
    async () => {
      for (const [scenario, said] of [
        ['valueless', "a row's primaryValue is null, not a trade value of zero or more, 2 tries"],
        ['error-object', 'the API reported an error'],
        [
          'breakdown-only',
          'the answer holds rows of exports to RUS in 2023 broken down (by second partner, transport, customs procedure or month) without the annual total asked for, so it is incomplete, 2 tries',
        ],
        [
          'world-partial',
          'the answer holds no total of exports to the World in 2023, which every published year has, so it is incomplete, 2 tries',
        ],
      ] as const) {
        replay = await startReplay(scenario);
        const dir = join(tempDir(), 'inputs');
        const run = await tradebriefAsync(
          fetchArgs(dir, replay.baseUrl, '--years', '2023', '--retries', '1'),
        );
        expect(run.status, scenario).toBe(75);
        expect(run.stderr).toContain(said);
        if (scenario === 'error-object') expect(run.stderr).toContain('Timeout in the data service');
        expect(snapshot(dir)).toEqual({});
        await replay.close();
        replay = undefined;
      }
    },
    SLOW,
  );

  it(
    'a keyed answer without a year Comtrade lists as published is retried, then exit 75',
    async () => {
      replay = await startReplay('year-missing');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2021-2023', '--retries', '1'),
        { COMTRADE_API_KEY: 'synthetic-test-key' },
      );
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'no rows for 2023, although Comtrade lists the year as published (the API sometimes answers part of a query under load), 2 tries',
      );
      expect(snapshot(dir)).toEqual({});
    },
    SLOW,
  );

  it(
    'a part of a split query without what the cut answer held of it is retried, then exit 75',
    async () => {
      replay = await startReplay('split-empty');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2023', '--max-records', '10', '--retries', '1'),
      );
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'no rows for RUS in 2023, although the answer cut short before this part held some, 2 tries',
      );
      expect(snapshot(dir)).toEqual({});
    },
    SLOW,
  );

  it(
    'a revision lacking totals the file it would replace holds is exit 75, and the file is kept',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      expect((await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'))).status).toBe(0);
      const before = snapshot(dir);
      replay.load('revised', 'revised-partial');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'));
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        "IND 2023: Comtrade's new release lacks the totals of imports from RUS, exports to RUS that the file it would replace holds, most likely part of an answer under load; the file is kept. If Comtrade has withdrawn these figures, delete comtrade-api/IND_2023.csv and fetch again",
      );
      expect(snapshot(dir)).toEqual(before);
      // The whole revision is taken.
      replay.load('revised');
      expect((await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2023'))).status).toBe(0);
      expect(csvRows(dir, 'IND_2023.csv')).toHaveLength(16);
    },
    SLOW,
  );

  it(
    'a reporter whose files the last fetch wrote is not skipped when its availability answers empty',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      expect((await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'))).status).toBe(0);
      const before = snapshot(dir);
      replay.load('vanished');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2021-2023'));
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'Comtrade lists no data at all for RUS (area code 643), for which the last fetch wrote 1 file: most likely an empty answer under load',
      );
      expect(snapshot(dir)).toEqual(before);
    },
    SLOW,
  );

  it(
    'tells a year not published yet from codes Comtrade has no data for',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      const later = await tradebriefAsync(fetchArgs(dir, replay.baseUrl, '--years', '2024'));
      expect(later.status).toBe(0);
      expect(later.stderr).toContain(
        'IND has not published 2024 in Comtrade (its latest year is 2023): not released yet; no side has published 2024, so the briefing has no figures for that year',
      );
      expect(later.stderr).toContain('nothing new');
      expect(dataRequests(replay)).toEqual([]);
      expect(snapshot(dir)).toEqual({});

      // Antarctica (ISO numeric 10) and Svalbard (744): getDa answers count 0 for both.
      const noPair = await tradebriefAsync([
        'fetch',
        '--inputs',
        dir,
        '--reporter',
        'ATA',
        '--partner',
        'SJM',
        '--base-url',
        replay.baseUrl,
        '--pause',
        '0',
      ]);
      expect(noPair.status).toBe(2);
      expect(noPair.stderr).toContain(
        'Comtrade lists no data at all for ATA (area code 10): a code Comtrade does not use for it',
      );
      expect(noPair.stderr).toContain('Comtrade lists no data for ATA or SJM');
    },
    SLOW,
  );

  it(
    'splits a query whose answer reaches the row cap, and keeps no cut result',
    async () => {
      replay = await startReplay('truncated');
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2023', '--max-records', '10'),
      );
      expect(run.status).toBe(0);
      expect(replay.unexpected).toEqual([]);
      expect(run.stderr).toContain('10 rows reach the cap of 10 a call, so the answer may be cut short');
      // The cut answer (10 rows) is dropped; Russia (8 rows) and the World (8 rows) are asked apart.
      const rows = csvRows(dir, 'IND_2023.csv');
      expect(rows).toHaveLength(16);
      expect(new Set(rows).size).toBe(16);
      const queries = manifestOf(dir).datasets.find((d) => d.file === 'IND_2023.csv')?.queries ?? [];
      expect(queries.map((q) => new URLSearchParams(q.split('?')[1]).get('partnerCode'))).toEqual([
        '643',
        '0',
      ]);
    },
    SLOW,
  );

  it(
    'stops at the cap of calls per run with exit 75, writing nothing',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(
        fetchArgs(dir, replay.baseUrl, '--years', '2021-2023', '--max-calls', '3'),
      );
      expect(run.status).toBe(75);
      expect(run.stderr).toContain(
        'the run reached its cap of 3 calls to the API before finishing (--max-calls)',
      );
      // Two availability calls and one download, then no further call.
      expect(replay.seen).toHaveLength(3);
      expect(snapshot(dir)).toEqual({});
    },
    SLOW,
  );

  it(
    'without --years fetches the latest ten years either side has published',
    async () => {
      replay = await startReplay();
      const dir = join(tempDir(), 'inputs');
      const run = await tradebriefAsync(fetchArgs(dir, replay.baseUrl));
      expect(run.status).toBe(0);
      // The newest published year is India's 2023, so 2014–2023: India lists 2020–2023, Russia 2019–2021.
      expect(
        readdirSync(join(dir, 'comtrade-api'))
          .filter((f) => f.endsWith('.csv') && f !== 'sources.csv')
          .sort(),
      ).toEqual([
        'IND_2020.csv',
        'IND_2021.csv',
        'IND_2022.csv',
        'IND_2023.csv',
        'RUS_2019.csv',
        'RUS_2020.csv',
        'RUS_2021.csv',
      ]);
    },
    SLOW,
  );
});
