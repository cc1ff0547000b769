import { lstat, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { archiveEdition, previousEdition } from '../src/core/archive.ts';
import { flushFiles } from '../src/core/atomic.ts';
import { codeVersion, type FileHash, stageKey } from '../src/core/cache.ts';
import { loadJson, outPath, type RunContext, save, toJson } from '../src/core/context.ts';
import { asDiskError, isReadOnlyFault } from '../src/core/errors.ts';
import { sha256, sha256File } from '../src/core/hash.ts';
import { acquireLock, lockPresent, type Release } from '../src/core/lock.ts';
import {
  buildManifest,
  MANIFEST,
  type Manifest,
  readManifest,
  type StageRecord,
} from '../src/core/manifest.ts';
import { collectGarbage } from '../src/core/memory.ts';
import { runMessages as m } from '../src/core/messages.ts';
import {
  type Build,
  currentBuild,
  discardBuild,
  exposeCurrent,
  removeLeftovers,
  startBuild,
  switchToBuild,
} from '../src/core/outputs.ts';
import { makeFolder, shownPath } from '../src/core/paths.ts';
import type { Stage } from '../src/core/stage.ts';
import type { IndicatorSet } from '../src/indicators/types.ts';
import { takeCacheReport } from '../src/ingest/bulk/extractCache.ts';
import { hashInputs } from '../src/ingest/listInputs.ts';
import { INDICATORS } from './files.ts';

/** The runner knows stages only as values (pipeline/stages.ts lists them), so a stage script can call it. */
export interface RunOptions {
  /** The stages to run, in order: all of them (STAGES) for an edition. */
  stages: readonly Stage[];
  /** Only some stages (`tradebrief stage`): no edition is archived. */
  partial?: boolean;
  /** Re-run every stage even when its cache key is unchanged. */
  force?: boolean;
  /** How long to wait for another run's lock before giving up (exit 75). */
  waitSeconds?: number;
  /** Ends the run unchanged, `stopped`, where a stage would have to run (the light start, bin/). */
  onlyIfUpToDate?: boolean;
}

interface LockedRun extends RunOptions {
  /** Starts renewing the lock's lease from a thread of its own; settles once that thread runs. */
  renewLease?: () => Promise<void>;
}

export interface RunResult {
  upToDate: boolean;
  ran: string[];
  skipped: string[];
  /** A stage had to run and `onlyIfUpToDate` ended the run first. */
  stopped?: boolean;
}

const STOPPED: RunResult = { upToDate: false, ran: [], skipped: [], stopped: true };

/**
 * Runs the stages into a new build, skipping each whose cache key (code, config keys it uses, the
 * files it reads) is unchanged, then switches the outputs to the build in one step and archives the
 * edition. Locked: one run per output folder.
 */
export async function runPipeline(
  base: Omit<RunContext, 'buildDir'>,
  options: RunOptions,
): Promise<RunResult> {
  // A first run, and waiting for or taking over another run's lock (with its warning), are the whole
  // command line's: the light start would only do them twice.
  if (options.onlyIfUpToDate && (!(await currentBuild(base.outDir)) || (await lockPresent(base.outDir))))
    return STOPPED;
  await makeFolder(base.outDir);
  let release: Release;
  try {
    release = await acquireLock(base.outDir, {
      ...(options.waitSeconds === undefined ? {} : { waitSeconds: options.waitSeconds }),
      onStale: (holder, reason) =>
        base.log.log('warn', 'stale-lock', m.staleLock(holder?.pid, holder?.host, reason)),
      threadOnDemand: true,
    });
  } catch (error) {
    // A folder nobody can change (a read-only mount) may still be up to date: check without writing.
    if (isReadOnlyFault(error)) return runLocked(base, options, error);
    throw error;
  }
  try {
    return await runLocked(base, { ...options, renewLease: release.renew });
  } finally {
    await release();
  }
}

/** `readOnly`: why --out cannot be written; then the current build is only checked, and the fault thrown if stale. */
async function runLocked(
  base: Omit<RunContext, 'buildDir'>,
  options: LockedRun,
  readOnly?: unknown,
): Promise<RunResult> {
  const pair = `${base.config.reporter}-${base.config.partner}`;
  // The files ingest reads (the config is fingerprinted on its own, key by key); in a batch, as they
  // were when read for every partner, since the partner's data is that read.
  const inputs = base.sharedIngest?.inputs ?? (await hashInputs(base.inputsDir));
  // The config as used (after --reporter/--partner), not the file: two pairs from one file are two editions.
  // Who receives the briefing (publish) does not change it, so it is not part of the edition.
  const configHash = sha256(JSON.stringify({ ...base.config, publish: undefined }));
  // The edition is the data: a new document date alone makes a new PDF (archived by its hash), not a new edition.
  const editionId = sha256(JSON.stringify({ inputs, configHash })).slice(0, 16);
  const keyed = { code: await codeVersion(), inputs };
  const before = await previousEdition(base.outDir, pair, editionId);
  const withEdition = { ...base, ...(before ? { previousEdition: before } : {}) };
  // Nothing changed: the current build is checked where it is, and nothing is made for it.
  const current = options.force ? undefined : await currentBuild(base.outDir);
  const skipped = current
    ? await allSkipped({ ...withEdition, buildDir: current }, options, keyed)
    : undefined;
  if (current && skipped) {
    for (const stage of skipped) base.log.log('debug', 'stage-skipped', m.stageSkipped(stage), { stage });
    sayUpToDate(base, skipped);
    if (readOnly === undefined) await finishCurrent({ ...withEdition, buildDir: current }, pair, options);
    return { upToDate: true, ran: [], skipped };
  }
  if (readOnly !== undefined)
    throw asDiskError(readOnly, { path: base.outDir, out: base.outDir }) ?? readOnly;
  if (options.onlyIfUpToDate) return STOPPED;
  const build = await startBuild(base.outDir, (problem) =>
    base.log.log('warn', 'current-ignored', m.currentIgnored(problem)),
  );
  const ctx: RunContext = { ...withEdition, buildDir: build.dir, written: new Map(), unflushed: new Set() };
  let outcome: Awaited<ReturnType<typeof runStages>>;
  try {
    outcome = await runStages(ctx, build, options, keyed);
    if (outcome.ran.length > 0 || !outcome.previous) {
      const vintage = await vintageOf(ctx);
      const edition = { id: editionId, vintage, ...(before ? { previous: before.id } : {}) };
      const manifest = await buildManifest(ctx, { edition, configHash, inputs, stages: outcome.stages });
      await save(ctx, MANIFEST, toJson(manifest));
    }
    // Every file the build shows is on disk before it becomes current.
    await flushFiles(ctx.unflushed ?? []);
  } catch (error) {
    // The run's own fault is the one to report, even if the disk refuses the clean-up too.
    await discardBuild(base.outDir, build).catch(() => undefined);
    throw error;
  }
  const { ran } = outcome;
  if (ran.length === 0 && outcome.previous) {
    // Up to date after all: the current build changed while it was checked in place.
    await discardBuild(base.outDir, build);
    sayUpToDate(base, outcome.skipped);
  } else {
    // From here the new build is what readers see: a later failure must never remove it.
    await switchToBuild(base.outDir, build);
  }
  await finishCurrent(ctx, pair, options);
  return { upToDate: ran.length === 0 && outcome.previous !== undefined, ran, skipped: outcome.skipped };
}

function sayUpToDate(base: Omit<RunContext, 'buildDir'>, skipped: string[]): void {
  base.log.log('info', 'up-to-date', m.upToDate(shownPath(base.outDir)), { skipped: skipped.length });
}

/**
 * Idempotent, so a run killed between the switch and these steps is completed by the next one: the
 * top-level links, the builds of killed runs removed, and the edition archived.
 */
async function finishCurrent(ctx: RunContext, pair: string, options: RunOptions): Promise<void> {
  await exposeCurrent(ctx.outDir);
  await removeLeftovers(ctx.outDir, await currentBuild(ctx.outDir));
  if (!options.partial) await archiveCurrent(ctx, pair);
}

/** The names of the stages when every one would be skipped in `ctx.buildDir`; undefined when one would run. */
async function allSkipped(ctx: RunContext, options: RunOptions, keyed: Keyed): Promise<string[] | undefined> {
  const previous = await readManifest(ctx.buildDir);
  if (!previous) return undefined;
  const hashes = new BuildHashes(ctx);
  for (const stage of options.stages) {
    const key = await keyOf(ctx, stage, hashes, keyed);
    if (!(await unchanged(hashes, key, previous.stages[stage.name], previous))) return undefined;
  }
  return options.stages.map((stage) => stage.name);
}

/** Runs each stage whose cache key changed, into the build; the others keep their linked outputs. */
async function runStages(ctx: RunContext, build: Build, options: LockedRun, keyed: Keyed) {
  const previous = build.previous ? await readManifest(build.previous) : undefined;
  const stages: Record<string, StageRecord> = { ...(previous?.stages ?? {}) };
  const ran: string[] = [];
  const skipped: string[] = [];
  const hashes = new BuildHashes(ctx);
  let renewing: Promise<void> | undefined;
  for (const [i, stage] of options.stages.entries()) {
    const key = await keyOf(ctx, stage, hashes, keyed);
    const last = previous?.stages[stage.name];
    if (!options.force && (await unchanged(hashes, key, last, previous))) {
      skipped.push(stage.name);
      ctx.log.log('debug', 'stage-skipped', m.stageSkipped(stage.name), { stage: stage.name });
      forgetValues(ctx, options.stages.slice(i + 1));
      continue;
    }
    // A stage may keep the main thread busy for long: from here on the lease is renewed from a thread
    // of its own. The thread starts beside the first stage that runs; the next one waits until it runs.
    if (renewing) await renewing;
    else {
      renewing = options.renewLease?.() ?? Promise.resolve();
      renewing.catch(() => undefined);
    }
    hashes.forget();
    // A stage's old files go first, so a chart it no longer draws does not linger in the build.
    for (const file of last?.outputs ?? []) {
      await rm(outPath(ctx, file), { force: true });
      ctx.written?.delete(file);
      ctx.unflushed?.delete(outPath(ctx, file));
    }
    const started = performance.now();
    takeCacheReport();
    const outputs = await stage.run(ctx);
    const cache = takeCacheReport();
    if (cache.setAside > 0) ctx.log.log('warn', 'cache-set-aside', m.cacheSetAside(cache.setAside));
    // What came from the cache instead of the inputs is part of the record.
    stages[stage.name] = { key, outputs, ...(cache.used.length > 0 ? { extracts: cache.used } : {}) };
    ran.push(stage.name);
    // What this stage built is garbage now, but for the values later stages read; the next loads libraries.
    forgetValues(ctx, options.stages.slice(i + 1));
    if (!stage.leavesLittle?.(ctx)) collectGarbage();
    ctx.log.log('info', 'stage-done', m.stageDone(stage.name, outputs.length), {
      stage: stage.name,
      durationMs: Math.round(performance.now() - started),
      files: outputs.length,
    });
  }
  return { ran, skipped, stages, previous };
}

/** What every stage's key holds: the code's version and the inputs' hashes. */
interface Keyed {
  code: string;
  inputs: FileHash[];
}

/** A stage's cache key: the code, the config keys it uses, the files it reads and what else shapes it. */
async function keyOf(
  ctx: RunContext,
  stage: Stage,
  hashes: BuildHashes,
  { code, inputs }: Keyed,
): Promise<string> {
  return stageKey({
    stage: stage.name,
    code,
    config: Object.fromEntries(stage.config.map((k) => [k, (ctx.config as Record<string, unknown>)[k]])),
    reads: await hashes.list(stage.reads),
    ...(stage.readsInputs ? await inputsKey(ctx, inputs) : {}),
    ...(stage.readsPreviousEdition ? { previous: ctx.previousEdition?.id ?? null } : {}),
    ...(stage.extraKey ? { extra: await stage.extraKey(ctx) } : {}),
  });
}

/** What the run itself reads once the stages are done: the indicators, for the edition's vintage. */
const READ_AFTER_STAGES = [INDICATORS];

/** Lets go of the values handed over that none of `later` reads, nor the run after them: their files stay. */
function forgetValues(ctx: RunContext, later: readonly Stage[]): void {
  const read = new Set([...later.flatMap((stage) => stage.reads), ...READ_AFTER_STAGES]);
  for (const [file, written] of ctx.written ?? []) if (!read.has(file)) delete written.value;
}

/** What the first stage reads: the input files, or in a batch the one shared read of them. */
async function inputsKey(ctx: RunContext, inputs: FileHash[]): Promise<Record<string, unknown>> {
  if (ctx.sharedIngest) return { shared: await sha256File(ctx.sharedIngest.path) };
  return { inputs, focus: [ctx.config.partner] };
}

/** Archives the current build's edition unless its PDF is archived already; a failure here is reported, not fatal. */
async function archiveCurrent(ctx: RunContext, pair: string): Promise<void> {
  const build = await currentBuild(ctx.outDir);
  const current = build === undefined ? undefined : await readManifest(build);
  if (!build || !current?.stages.briefing) return;
  try {
    const edition = { id: current.edition.id, vintage: current.edition.vintage };
    const { dir, created } = await archiveEdition(ctx.outDir, pair, edition, build);
    if (created)
      ctx.log.log('info', 'archived', m.archived(shownPath(join(ctx.outDir, dir))), { edition: edition.id });
  } catch (error) {
    ctx.log.log('warn', 'archive-failed', m.archiveFailed((error as Error).message));
  }
}

/**
 * The build's files hashed while the stages are checked: those this run wrote as hashed when written,
 * the others (a skipped stage's) each read once although a stage's outputs are both checked (intact)
 * and the next stage's reads (its key); forgotten as soon as a stage writes.
 */
class BuildHashes {
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(private readonly ctx: RunContext) {}

  /** undefined: the file is not there (or cannot be read). */
  of(file: string): Promise<string | undefined> {
    const written = this.ctx.written?.get(file);
    if (written) return Promise.resolve(written.sha256);
    let hash = this.known.get(file);
    if (!hash) {
      hash = regularFileHash(outPath(this.ctx, file));
      this.known.set(file, hash);
    }
    return hash;
  }

  async list(files: string[]): Promise<FileHash[]> {
    const hashes: FileHash[] = [];
    for (const file of files) hashes.push({ file, sha256: (await this.of(file)) ?? 'missing' });
    return hashes;
  }

  forget(): void {
    this.known.clear();
  }
}

/** As a new build would hold it: a link or a pipe planted in a build is not one of its files. */
async function regularFileHash(path: string): Promise<string | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  return stats?.isFile() ? sha256File(path).catch(() => undefined) : undefined;
}

/** A stage is skipped when its key is the one recorded and the files it wrote are still as recorded. */
async function unchanged(
  hashes: BuildHashes,
  key: string,
  last: StageRecord | undefined,
  manifest: Manifest | undefined,
): Promise<boolean> {
  return last !== undefined && manifest !== undefined && last.key === key && intact(hashes, last, manifest);
}

/** The previous build's files are still what its manifest says (nobody edited or removed them). */
async function intact(hashes: BuildHashes, record: StageRecord, manifest: Manifest): Promise<boolean> {
  for (const file of record.outputs) {
    const expected = manifest.outputs.find((o) => o.file === file)?.sha256;
    const actual = await hashes.of(file);
    if (!expected || actual !== expected) return false;
  }
  return true;
}

/** "FY2025-26-provisional": the latest period of the data, as archive folders are named. */
async function vintageOf(ctx: RunContext): Promise<string> {
  try {
    const set = await loadJson<IndicatorSet>(ctx, INDICATORS);
    const { period, provisional } = set.meta.vintage;
    return `${period || 'no-period'}${provisional ? '-provisional' : ''}`;
  } catch {
    return 'no-indicators';
  }
}
