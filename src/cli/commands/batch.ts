import { existsSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import v8 from 'node:v8';
import { TEMP_MARK } from '../../core/atomic.ts';
import { codeVersion, type FileHash, stageKey } from '../../core/cache.ts';
import { startChildProcess } from '../../core/childProcess.ts';
import { isIso3 } from '../../core/countries.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import { knownHashes } from '../../core/hash.ts';
import { acquireLock } from '../../core/lock.ts';
import type { Logger } from '../../core/log.ts';
import { cliMessages as m } from '../../core/messages.ts';
import { makeFolder } from '../../core/paths.ts';
import { progressAllowed } from '../../core/progress.ts';
import { startWorker } from '../../core/worker.ts';
import { hashInputs } from '../../ingest/listInputs.ts';
import { type Context, createContext } from '../context.ts';
import type { BATCH_OPTIONS, Values } from '../options.ts';
import { type BatchReadRequest, sharePath } from './batchRead.ts';
import type { BatchJob, BatchOutcome, PartnerMessage, PartnerSetup } from './partnerBuild.ts';

type BatchValues = Values<typeof BATCH_OPTIONS>;

/** Where a batch keeps its one read of the inputs: a folder per read, each partner's share in a file. */
const SHARED_INGEST = '.batch/ingest';
/** Earlier reads kept beside the latest, for batches still building from them. */
const EARLIER_READS_KEPT = 2;
/** Where versions before per-partner shares kept the read: removed, as nothing reads it now. */
const OLD_SHARED_INGEST = ['.batch/ingest.json', '.batch/ingest.json.key'];

/**
 * One briefing per partner from a single ingest of the inputs, on as many worker threads as there are
 * cores. A partner that fails is reported at the end; the others are still built. With `--shard K/N`
 * only every N-th partner from the K-th on is built, so N machines together build the whole list.
 */
export async function batchCommand(
  values: BatchValues,
  output: Logger,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const log = warningsOnce(output);
  const partners = [
    ...new Set(
      (values.partners ?? '')
        .split(',')
        .map((p) => p.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  const invalid = partners.filter((p) => !isIso3(p));
  if (partners.length === 0 || invalid.length > 0) {
    throw new InputError([{ file: 'command line', message: m.badPartners(values.partners ?? '', invalid) }]);
  }
  const wanted = values.jobs === undefined ? availableParallelism() : Number(values.jobs);
  if (!Number.isInteger(wanted) || wanted < 1) {
    throw new InputError([{ file: 'command line', message: m.badJobs(values.jobs ?? '') }]);
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const mine = shard ? partners.filter((_, i) => i % shard.count === shard.index - 1) : partners;
  const first = await createContext({ ...values, partner: partners[0] }, log, env);
  const reporter = first.config.reporter;
  // Checked here, where the partners are known, not by each partner's build at the end.
  if (partners.includes(reporter))
    throw new InputError([{ file: 'command line', message: m.samePair(reporter) }]);
  if (mine.length === 0) {
    log.log('info', 'batch-done', m.shardEmpty(values.shard ?? '', partners.length));
    return ExitCode.ok;
  }
  await makeFolder(first.outDir);
  // The batch's own lock guards the shared read; each partner's run then locks its own folder. Shards
  // sharing --out wait for the one that reads, then all use its read (its key names every partner).
  const waitSeconds = Number(values.wait) || (shard ? SHARD_WAIT_SECONDS : 0);
  // Its thread only waits for the read's process meanwhile, so it renews the lease itself.
  const release = await acquireLock(first.outDir, { waitSeconds, threadOnDemand: true });
  let shared: SharedIngest;
  try {
    shared = await sharedIngest(first, reporter, partners);
  } finally {
    await release();
  }
  const jobs: BatchJob[] = mine.map((partner) => ({
    partner,
    out: join(resolve(values.out), `${reporter}-${partner}`),
    ingest: sharePath(shared.dir, partner),
  }));
  const threads = Math.min(jobs.length, wanted);
  const outcomes = await buildAll(jobs, threads, { values, env, inputs: shared.inputs }, log);
  const failed = outcomes.filter((o) => o.code !== 0);
  for (const outcome of outcomes) {
    if (outcome.code === 0)
      log.log('info', 'partner-done', m.batchPartnerDone(reporter, outcome.partner, outcome.upToDate), {
        partner: outcome.partner,
      });
    else {
      for (const problem of outcome.problems)
        log.log('error', 'partner-problem', problem, { partner: outcome.partner });
      log.log('error', 'partner-failed', m.batchPartnerFailed(reporter, outcome.partner, outcome.code), {
        partner: outcome.partner,
        code: outcome.code,
      });
    }
  }
  log.log(
    failed.length ? 'error' : 'info',
    'batch-done',
    m.batchDone(
      outcomes.length - failed.length,
      failed.map((f) => f.partner),
    ),
  );
  if (failed.length === 0) return ExitCode.ok;
  return failed.some((f) => f.code === ExitCode.internal)
    ? ExitCode.internal
    : (failed[0]?.code ?? ExitCode.internal);
}

/**
 * The young generation of a partner's thread. V8's default on a machine with this much memory is 48 MB,
 * and each thread keeps its own whole; with 16 MB (and threads collecting from 48 MB of heap then, see
 * core/memory.ts) a batch of 20 partners on two threads peaked at 371–384 MB instead of 405–420 MB, in
 * the same time within the noise.
 */
const PARTNER_YOUNG_GENERATION_MB = 16;

/**
 * How much a function runs before V8 optimises it, on the partners' threads: 64 times V8's default
 * interrupt budget (67,584), where a start from the bundle has 8 times (bin/codeCache.js). Every
 * partner builds new vega views, pdfkit documents and svg-to-pdfkit's classes (made anew at each call),
 * whose new shapes of objects make optimised code stale: V8 compiled the same functions again partner
 * after partner, about 1 s of compiling per partner on the cores both threads need. A batch of 20 took
 * 14.5–15.0 s instead of 18.7–20.6 s, and 24 s of CPU instead of 35 (16 times: 16.0–16.2 s).
 */
const PARTNER_INTERRUPT_BUDGET = 64 * 67_584;

/** How long a shard waits by default for another shard's read of the shared inputs. */
const SHARD_WAIT_SECONDS = 1800;

/** `--shard K/N`: the K-th (from 1) of N slices of the partner list. */
function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new InputError([{ file: 'command line', message: m.badShard(text) }]);
  return { index, count };
}

/**
 * One read of the inputs for every partner, split into each partner's share, in a folder named by the
 * key of the inputs, partners and code and never rewritten: a batch with nothing new does not read the
 * inputs again, and a partner's run always copies the share of the read whose input hashes it records,
 * even while another batch on the same --out reads newer inputs. The read runs in a process of its own:
 * what the allocator keeps of a large read goes back to the system at its exit, before the partners'
 * threads need their memory.
 */
async function sharedIngest(ctx: Context, reporter: string, partners: string[]): Promise<SharedIngest> {
  // The read's process loads its code while the inputs are hashed, on the core the hashing leaves.
  const reader = startChildProcess<void>(import.meta.url, 'batchReadProcess', m.batchRead);
  let inputs: FileHash[];
  let key: string;
  try {
    inputs = await hashInputs(ctx.inputsDir);
    key = stageKey({ inputs, reporter, partners, code: await codeVersion() });
  } catch (error) {
    reader.stop();
    throw error;
  }
  const root = join(ctx.outDir, SHARED_INGEST);
  const dir = join(root, key);
  if (existsSync(dir)) {
    reader.stop();
    return { dir, inputs };
  }
  const request: BatchReadRequest = {
    inputsDir: ctx.inputsDir,
    outDir: ctx.outDir,
    reporter,
    partners,
    dir,
    progress: progressAllowed(),
    hashes: knownHashes(),
  };
  await reader.run(request);
  await pruneReads(ctx.outDir, root, dir);
  return { dir, inputs };
}

/**
 * Removes all but the latest earlier reads (by when they were made), what a read cut short left aside,
 * and the old single-file read.
 */
async function pruneReads(outDir: string, root: string, latest: string): Promise<void> {
  for (const file of OLD_SHARED_INGEST) await rm(join(outDir, file), { force: true });
  const earlier = [];
  for (const name of await readdir(root)) {
    const path = join(root, name);
    if (name.includes(TEMP_MARK)) await rm(path, { recursive: true, force: true });
    else if (path !== latest) earlier.push({ path, made: (await stat(path)).mtimeMs });
  }
  earlier.sort((a, b) => b.made - a.made);
  for (const { path } of earlier.slice(EARLIER_READS_KEPT)) await rm(path, { recursive: true, force: true });
}

/**
 * Writes each warning once: the partners of a batch share its config and inputs, so what one partner's
 * run warns of (a config written for another pair, say) the others would repeat word for word.
 */
function warningsOnce(log: Logger): Logger {
  const said = new Set<string>();
  return {
    log(level, event, message, fields) {
      if (level === 'warn') {
        const key = `${event}\n${message}`;
        if (said.has(key)) return;
        said.add(key);
      }
      log.log(level, event, message, fields);
    },
  };
}

/** The folder of the partners' shares of a batch's ingest, and the input files as hashed for it. */
interface SharedIngest {
  dir: string;
  inputs: FileHash[];
}

/**
 * Builds the partners on `threads` worker threads, each taking the next job itself, so no thread waits
 * on another for work. A worker that crashes fails only the job it had; the others take the rest. A job
 * no worker took is reported as not run.
 */
async function buildAll(
  jobs: BatchJob[],
  threads: number,
  shared: Omit<PartnerSetup, 'jobs' | 'next'>,
  log: Logger,
): Promise<BatchOutcome[]> {
  const setup: PartnerSetup = { ...shared, jobs, next: new Int32Array(new SharedArrayBuffer(4)) };
  // V8's flags are the process's: the threads start after this and the read ran in its own process. The
  // bundle was loaded from its code cache before this: a cache made after it would carry the flag, and
  // every later start would refuse it (bin/codeCache.js).
  v8.setFlagsFromString(`--interrupt-budget=${PARTNER_INTERRUPT_BUDGET}`);
  const outcomes = new Map<string, BatchOutcome>();
  const done = (outcome: BatchOutcome) => outcomes.set(outcome.partner, outcome);
  await Promise.all(Array.from({ length: threads }, () => buildOnWorker(setup, log, done)));
  return jobs.map(
    (job) =>
      outcomes.get(job.partner) ?? {
        partner: job.partner,
        code: ExitCode.internal,
        problems: [m.batchNotRun()],
        upToDate: false,
      },
  );
}

/** A worker thread building partners; settles when it has stopped, however it stopped. */
function buildOnWorker(
  setup: PartnerSetup,
  log: Logger,
  done: (outcome: BatchOutcome) => void,
): Promise<void> {
  return new Promise((resolvePromise) => {
    const worker = startWorker(
      import.meta.url,
      'batchWorker',
      setup,
      { maxYoungGenerationSizeMb: PARTNER_YOUNG_GENERATION_MB },
      'partnerThread',
    );
    let current: string | undefined;
    const fail = (problem: string) => {
      if (current) done({ partner: current, code: ExitCode.internal, problems: [problem], upToDate: false });
      else log.log('error', 'worker-failed', m.batchWorkerFailed(problem));
      current = undefined;
    };
    worker.on('message', (message: PartnerMessage) => {
      if (message.kind === 'log') log.log(message.level, message.event, message.message, message.fields);
      else if (message.kind === 'start') current = message.partner;
      else {
        done(message.outcome);
        current = undefined;
      }
    });
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => {
      if (current) fail(m.batchWorkerStopped(code));
      resolvePromise();
    });
  });
}
