import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { archiveEdition, previousEdition } from '../src/core/archive.ts';
import { codeVersion, type FileHash, stageKey } from '../src/core/cache.ts';
import { loadJson, outPath, type RunContext, save, toJson } from '../src/core/context.ts';
import { asDiskError, isReadOnlyFault } from '../src/core/errors.ts';
import { sha256, sha256File } from '../src/core/hash.ts';
import { acquireLock, type Release } from '../src/core/lock.ts';
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
  startBuild,
  switchToBuild,
} from '../src/core/outputs.ts';
import { shownPath } from '../src/core/paths.ts';
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
}

interface LockedRun extends RunOptions {
  /** Starts renewing the lock's lease from a thread of its own; settles once that thread runs. */
  renewLease?: () => Promise<void>;
}

export interface RunResult {
  upToDate: boolean;
  ran: string[];
  skipped: string[];
}

/**
 * Runs the stages into a new build, skipping each whose cache key (code, config keys it uses, the
 * files it reads) is unchanged, then switches the outputs to the build in one step and archives the
 * edition. Locked: one run per output folder.
 */
export async function runPipeline(
  base: Omit<RunContext, 'buildDir'>,
  options: RunOptions,
): Promise<RunResult> {
  await mkdir(base.outDir, { recursive: true });
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
  const before = await previousEdition(base.outDir, pair, editionId);
  const build =
    readOnly === undefined
      ? await startBuild(base.outDir, (problem) =>
          base.log.log('warn', 'current-ignored', m.currentIgnored(problem)),
        )
      : await currentOnly(base.outDir, readOnly);
  const ctx: RunContext = {
    ...base,
    buildDir: build.dir,
    written: new Map(),
    ...(before ? { previousEdition: before } : {}),
  };
  const fullRun = !options.partial;
  let outcome: Awaited<ReturnType<typeof runStages>>;
  try {
    outcome = await runStages(ctx, build, options, inputs, readOnly);
    if (outcome.ran.length > 0 || !outcome.previous) {
      const vintage = await vintageOf(ctx);
      const edition = { id: editionId, vintage, ...(before ? { previous: before.id } : {}) };
      const manifest = await buildManifest(ctx, { edition, configHash, inputs, stages: outcome.stages });
      await save(ctx, MANIFEST, toJson(manifest));
    }
  } catch (error) {
    // The run's own fault is the one to report, even if the disk refuses the clean-up too.
    await discardBuild(base.outDir, build).catch(() => undefined);
    throw error;
  }
  const { ran, skipped } = outcome;
  if (ran.length === 0 && outcome.previous) {
    await discardBuild(base.outDir, build);
    ctx.log.log('info', 'up-to-date', m.upToDate(shownPath(base.outDir)), { skipped: skipped.length });
  } else {
    // From here the new build is what readers see: a later failure must never remove it.
    await switchToBuild(base.outDir, build);
  }
  // Idempotent, so a run killed between the switch and these steps is completed by the next one.
  if (readOnly === undefined) {
    await exposeCurrent(base.outDir);
    if (fullRun) await archiveCurrent(ctx, pair);
  }
  return { upToDate: ran.length === 0 && outcome.previous !== undefined, ran, skipped };
}

/** The current build, to check in place; without one there is nothing to be up to date. */
async function currentOnly(outDir: string, readOnly: unknown): Promise<Build> {
  const dir = await currentBuild(outDir);
  if (!dir) throw asDiskError(readOnly, { path: outDir, out: outDir }) ?? readOnly;
  return { dir, previous: dir };
}

/** Runs each stage whose cache key changed, into the build; the others keep their linked outputs. */
async function runStages(
  ctx: RunContext,
  build: Build,
  options: LockedRun,
  inputs: FileHash[],
  readOnly?: unknown,
) {
  const previous = build.previous ? await readManifest(build.previous) : undefined;
  const code = await codeVersion();
  const stages: Record<string, StageRecord> = { ...(previous?.stages ?? {}) };
  const ran: string[] = [];
  const skipped: string[] = [];
  const hashes = new BuildHashes(ctx);
  let renewing: Promise<void> | undefined;
  for (const [i, stage] of options.stages.entries()) {
    const key = stageKey({
      stage: stage.name,
      code,
      config: Object.fromEntries(stage.config.map((k) => [k, (ctx.config as Record<string, unknown>)[k]])),
      reads: await hashes.list(stage.reads),
      ...(stage.readsInputs ? await inputsKey(ctx, inputs) : {}),
      ...(stage.readsPreviousEdition ? { previous: ctx.previousEdition?.id ?? null } : {}),
      ...(stage.extraKey ? { extra: await stage.extraKey(ctx) } : {}),
    });
    const last = previous?.stages[stage.name];
    if (!options.force && last?.key === key && previous && (await intact(hashes, last, previous))) {
      skipped.push(stage.name);
      ctx.log.log('debug', 'stage-skipped', m.stageSkipped(stage.name), { stage: stage.name });
      forgetValues(ctx, options.stages.slice(i + 1));
      continue;
    }
    if (readOnly !== undefined)
      throw asDiskError(readOnly, { path: ctx.outDir, out: ctx.outDir }) ?? readOnly;
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
    collectGarbage();
    ctx.log.log('info', 'stage-done', m.stageDone(stage.name, outputs.length), {
      stage: stage.name,
      durationMs: Math.round(performance.now() - started),
      files: outputs.length,
    });
  }
  return { ran, skipped, stages, previous };
}

/** Lets go of the values handed over that none of `later` reads: their files stay. */
function forgetValues(ctx: RunContext, later: readonly Stage[]): void {
  const read = new Set(later.flatMap((stage) => stage.reads));
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
      hash = sha256File(outPath(this.ctx, file)).catch(() => undefined);
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
