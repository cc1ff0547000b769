import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { writeFileAtomic } from '../core/atomic.ts';
import { InputError, TemporaryError } from '../core/errors.ts';
import { sha256, sha256File } from '../core/hash.ts';
import { acquireLock } from '../core/lock.ts';
import type { Logger } from '../core/log.ts';
import { fetchMessages as m } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';
import { type DatasetStatus, datasetStatus } from './availability.ts';
import { COMTRADE_BASE_URL, COMTRADE_KEY_HEADER, COMTRADE_PAUSE_MS, createComtrade } from './comtrade.ts';
import { Http } from './http.ts';
import { type DatasetEntry, type FetchManifest, readManifest, writeManifest } from './manifest.ts';
import { defaultYears, planSides, type Side } from './plan.ts';
import type { ReleaseStamp, Source } from './source.ts';

export { COMTRADE_BASE_URL } from './comtrade.ts';
export { DEFAULT_YEARS, parseYears } from './plan.ts';

export interface FetchRequest {
  inputsDir: string;
  reporter: string;
  partners: string[];
  /** Years to fetch; by default the latest DEFAULT_YEARS any side has published. */
  years?: number[];
  baseUrl?: string;
  /** COMTRADE_API_KEY: the keyed endpoints with it, the keyless preview without. */
  key?: string;
  maxCalls: number;
  maxRecords?: number;
  retries: number;
  backoffMs: number;
  maxWaitMs: number;
  /** Pause between calls; by default the source's own (Comtrade: 1.5 s with a key, 3.5 s without). */
  pauseMs?: number;
  timeoutMs: number;
  /** How long to wait for another fetch into the same folder. */
  waitSeconds?: number;
}

export interface FetchDeps {
  log: Logger;
  sleep?: (ms: number) => Promise<void>;
  /** The fetch time recorded in the manifest (never in the CSVs). */
  now?: () => Date;
}

export interface FetchResult {
  /** Files written, relative to the inputs folder; none when nothing was new. */
  written: string[];
  calls: number;
}

interface Wanted {
  side: Side;
  year: number;
  file: string;
  status: Exclude<DatasetStatus, 'unchanged'>;
  release: ReleaseStamp[];
}

/**
 * Brings the inputs up to date with the source: asks which reporter-years are published and when
 * each was last released, downloads only those new or revised since the manifest, and writes them
 * once every download has succeeded, so a failed run leaves the previous inputs as they were.
 */
export async function fetchInputs(request: FetchRequest, deps: FetchDeps): Promise<FetchResult> {
  const { log } = deps;
  const keyed = Boolean(request.key);
  log.log('info', 'fetch-endpoint', keyed ? m.usingKey() : m.usingPreview(), { keyed });
  const http = new Http({
    baseUrl: request.baseUrl ?? COMTRADE_BASE_URL,
    secretHeaders: keyed ? { [COMTRADE_KEY_HEADER]: request.key ?? '' } : {},
    keyName: 'COMTRADE_API_KEY',
    maxCalls: request.maxCalls,
    retries: request.retries,
    backoffMs: request.backoffMs,
    maxWaitMs: request.maxWaitMs,
    pauseMs: request.pauseMs ?? (keyed ? COMTRADE_PAUSE_MS.keyed : COMTRADE_PAUSE_MS.keyless),
    timeoutMs: request.timeoutMs,
    sleep: deps.sleep ?? ((ms) => delay(ms)),
    onRetry: (reason, waitMs, query) =>
      log.log('warn', 'fetch-retry', m.retrying(reason, waitMs / 1000), { query, waitMs }),
  });
  const source = createComtrade({ http, keyed, maxRecords: request.maxRecords, log });
  const sides = planSides(request.reporter, request.partners);
  const folder = join(request.inputsDir, source.folder);
  // One fetch at a time into a folder; the lock file is hidden from the inputs a run reads.
  await mkdir(request.inputsDir, { recursive: true });
  const unlock = await acquireLock(request.inputsDir, {
    waitSeconds: request.waitSeconds ?? 0,
    onStale: (holder, reason) =>
      log.log('warn', 'stale-lock', m.staleLock(holder?.pid, holder?.host, reason)),
  });
  try {
    const manifest = await readManifest(folder);
    if (manifest === 'unreadable') log.log('warn', 'fetch-manifest', m.manifestUnreadable());
    const known = typeof manifest === 'object' ? manifest.datasets : [];
    const wanted = await whatIsNew(source, sides, request.years, folder, known, log);
    if (wanted.length === 0) {
      log.log('info', 'fetch-nothing-new', m.nothingNew(shownPath(folder)), { calls: http.calls });
      return { written: [], calls: http.calls };
    }
    const fetchedAt = (deps.now?.() ?? new Date()).toISOString().replace(/\.\d+Z$/, 'Z');
    const entries = await download(source, wanted, fetchedAt, folder);
    // Every download succeeded: only now do the inputs change, each file whole (temp file, rename).
    await mkdir(folder, { recursive: true });
    for (const { entry, csv } of entries) await writeFileAtomic(join(folder, entry.file), csv);
    await writeIfChanged(join(folder, 'sources.csv'), source.sourcesCsv);
    const replaced = new Set(entries.map(({ entry }) => entry.file));
    await writeManifest(folder, {
      schema: 'tradebrief/fetch@1',
      baseUrl: request.baseUrl ?? COMTRADE_BASE_URL,
      endpoint: source.endpoint,
      fetchedAt,
      datasets: [...known.filter((d) => !replaced.has(d.file)), ...entries.map(({ entry }) => entry)],
    } satisfies FetchManifest);
    const written = entries.map(({ entry }) => `${source.folder}/${entry.file}`);
    log.log('info', 'fetch-done', m.fetched(written.length, shownPath(folder), http.calls), {
      files: written,
      calls: http.calls,
    });
    return { written, calls: http.calls };
  } finally {
    await unlock();
  }
}

/** Which reporter-years to download, from each side's release stamps against the manifest. */
async function whatIsNew(
  source: Source,
  sides: Side[],
  asked: number[] | undefined,
  folder: string,
  known: DatasetEntry[],
  log: Logger,
): Promise<Wanted[]> {
  const releases = new Map<Side, Map<number, ReleaseStamp[]>>();
  for (const side of sides) {
    const published = await source.releases(side.reporter);
    releases.set(side, published);
    // A reporter the last fetch wrote files for does not stop publishing: nothing is skipped for that.
    const files = known.filter((d) => d.reporterCode === side.reporter.code).length;
    if (published.size === 0 && files > 0)
      throw new TemporaryError(m.releasesVanished(side.reporter.iso3, side.reporter.code, files));
    if (published.size === 0)
      log.log('warn', 'fetch-no-releases', m.noReleases(side.reporter.iso3, side.reporter.code));
  }
  if ([...releases.values()].every((r) => r.size === 0))
    throw new InputError([
      {
        file: 'command line',
        key: '--reporter',
        message: m.nothingPublished(sides.map((s) => s.reporter.iso3)),
      },
    ]);
  const years = asked ?? defaultYears([...releases.values()].flatMap((r) => [...r.keys()]));
  const wanted: Wanted[] = [];
  for (const side of sides) {
    const published = releases.get(side) ?? new Map<number, ReleaseStamp[]>();
    const missing = years.filter((year) => !published.has(year));
    // What the other side published covers the pair; a year no side published has no figures.
    const uncovered = missing.filter((year) => sides.every((s) => !releases.get(s)?.has(year)));
    if (missing.length > 0 && published.size > 0)
      log.log(
        uncovered.length > 0 ? 'warn' : 'info',
        'fetch-unpublished',
        m.notPublished(side.reporter.iso3, missing, Math.max(...published.keys()), uncovered),
      );
    for (const year of years) {
      const release = published.get(year);
      if (!release) continue;
      const file = `${side.reporter.iso3}_${year}.csv`;
      const entry = known.find((d) => d.file === file);
      const onDisk = await sha256File(join(folder, file)).catch(() => undefined);
      const status = datasetStatus(entry, release, source.scope(side.partners), onDisk);
      if (status === 'unchanged') continue;
      log.log('info', 'fetch-dataset', m.datasetStatus(side.reporter.iso3, year, status), {
        reporter: side.reporter.iso3,
        year,
        status,
      });
      wanted.push({ side, year, file, status, release });
    }
  }
  return wanted;
}

/**
 * The wanted reporter-years, downloaded. A revision that lacks a total the file it replaces holds is
 * refused: more likely part of an answer under load than figures Comtrade withdrew.
 */
async function download(
  source: Source,
  wanted: Wanted[],
  fetchedAt: string,
  folder: string,
): Promise<{ entry: DatasetEntry; csv: string }[]> {
  const out: { entry: DatasetEntry; csv: string }[] = [];
  for (const side of new Set(wanted.map((w) => w.side))) {
    const mine = wanted.filter((w) => w.side === side);
    const byYear = await source.download(
      side.reporter,
      side.partners,
      mine.map((w) => w.year),
    );
    for (const w of mine) {
      const got = byYear.get(w.year) ?? { rows: [], queries: [] };
      const previous =
        w.status === 'revised' ? await readFile(join(folder, w.file), 'utf8').catch(() => '') : '';
      const lost = previous ? source.lostTotals(previous, got.rows) : [];
      if (lost.length > 0)
        throw new TemporaryError(
          m.revisionLoses(w.side.reporter.iso3, w.year, lost, `${source.folder}/${w.file}`),
        );
      const csv = source.toCsv(got.rows);
      out.push({
        csv,
        entry: {
          reporter: side.reporter.iso3,
          reporterCode: side.reporter.code,
          year: w.year,
          file: w.file,
          rows: got.rows.length,
          sha256: sha256(csv),
          scope: source.scope(side.partners),
          queries: got.queries,
          release: w.release,
          fetchedAt,
        },
      });
    }
  }
  return out;
}

async function writeIfChanged(path: string, text: string): Promise<void> {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current !== text) await writeFileAtomic(path, text);
}
