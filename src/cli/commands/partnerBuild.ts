import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline } from '../../../pipeline/run.ts';
import { STAGES } from '../../../pipeline/stages.ts';
import type { FileHash } from '../../core/cache.ts';
import { asDiskError, exitCodeFor, formatProblem, InputError } from '../../core/errors.ts';
import type { LogFields, Logger, LogLevel } from '../../core/log.ts';
import { allowProgress } from '../../core/progress.ts';
import { createContext, runOptions } from '../context.ts';
import type { InputValues } from '../options.ts';

export interface BatchJob {
  partner: string;
  out: string;
  /** The partner's share of the batch's one ingest of the inputs. */
  ingest: string;
}

export interface BatchOutcome {
  partner: string;
  code: number;
  problems: string[];
  upToDate: boolean;
}

/**
 * What every thread building partners shares: the batch's options, the input files as hashed for its
 * read, the jobs, and the index of the next job to take (one Int32 all threads add to).
 */
export interface PartnerSetup {
  values: InputValues;
  env: NodeJS.ProcessEnv;
  inputs: FileHash[];
  jobs: BatchJob[];
  next: Int32Array;
}

/** What a worker thread tells the main thread. */
export type PartnerMessage =
  | { kind: 'log'; level: LogLevel; event: string; message: string; fields: LogFields }
  | { kind: 'start'; partner: string }
  | { kind: 'done'; outcome: BatchOutcome };

/**
 * Builds partners, one at a time, until no job is left, telling the main thread through `post`: each
 * worker takes the next job itself, without a round trip through the main thread. Log lines carry the
 * partner, so the main thread writes them whole and tagged. True when it built a briefing.
 */
export async function buildPartners(
  setup: PartnerSetup,
  post: (message: PartnerMessage) => void,
): Promise<boolean> {
  let built = false;
  for (;;) {
    const job = setup.jobs[Atomics.add(setup.next, 0, 1)];
    if (!job) return built;
    const { partner } = job;
    post({ kind: 'start', partner });
    const log: Logger = {
      log: (level, event, message, fields = {}) =>
        post({ kind: 'log', level, event, message, fields: { ...fields, partner } }),
    };
    const outcome = await buildPartner(job, setup, log);
    built ||= outcome.code === 0 && !outcome.upToDate;
    post({ kind: 'done', outcome });
  }
}

/**
 * A partner thread's work: the partners of the batch's setup (its workerData), told to the main thread.
 * True when it built a briefing: only then has it run what a thread's code cache should hold.
 */
export function partnerThread(): Promise<boolean> {
  allowProgress(false);
  return buildPartners(workerData as PartnerSetup, (message: PartnerMessage) =>
    parentPort?.postMessage(message),
  );
}

/** One partner's briefing, from the shared ingest: stages 2–5 into the partner's own output folder. */
async function buildPartner(job: BatchJob, setup: PartnerSetup, log: Logger): Promise<BatchOutcome> {
  const values = { ...setup.values, partner: job.partner, out: job.out };
  try {
    const ctx = await createContext(values, log, setup.env);
    const result = await runPipeline(
      { ...ctx, sharedIngest: { path: job.ingest, inputs: setup.inputs } },
      { ...runOptions(values), stages: STAGES },
    );
    return { partner: job.partner, code: 0, problems: [], upToDate: result.upToDate };
  } catch (error) {
    // A disk's refusal is said as the single run says it: what, where, and that the outputs are intact.
    const disk = asDiskError(error, { out: job.out });
    const problems =
      error instanceof InputError
        ? error.problems.map(formatProblem)
        : [disk?.message ?? (error as Error).message];
    return { partner: job.partner, code: exitCodeFor(error), problems, upToDate: false };
  }
}
