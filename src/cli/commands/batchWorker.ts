import { parentPort, workerData } from 'node:worker_threads';
import { runPipeline } from '../../../pipeline/run.ts';
import { STAGES } from '../../../pipeline/stages.ts';
import type { FileHash } from '../../core/cache.ts';
import { exitCodeFor, formatProblem, InputError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
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

interface WorkerSetup {
  values: InputValues;
  env: NodeJS.ProcessEnv;
  /** The input files as hashed for the batch's one read of them. */
  inputs: FileHash[];
}

const setup = workerData as WorkerSetup;
allowProgress(false);
const port = parentPort;

/** Log lines go to the main thread, which writes them whole and tags them with the partner. */
function loggerFor(partner: string): Logger {
  return {
    log: (level, event, message, fields = {}) =>
      port?.postMessage({ kind: 'log', level, event, message, fields: { ...fields, partner } }),
  };
}

/** One partner's briefing, from the shared ingest: stages 2–5 into the partner's own output folder. */
async function buildOne(job: BatchJob): Promise<BatchOutcome> {
  const values = { ...setup.values, partner: job.partner, out: job.out };
  try {
    const ctx = await createContext(values, loggerFor(job.partner), setup.env);
    const result = await runPipeline(
      { ...ctx, sharedIngest: { path: job.ingest, inputs: setup.inputs } },
      { ...runOptions(values), stages: STAGES },
    );
    return { partner: job.partner, code: 0, problems: [], upToDate: result.upToDate };
  } catch (error) {
    const problems =
      error instanceof InputError ? error.problems.map(formatProblem) : [(error as Error).message];
    return { partner: job.partner, code: exitCodeFor(error), problems, upToDate: false };
  }
}

port?.on('message', async (job: BatchJob | null) => {
  if (job === null) {
    port.close();
    return;
  }
  port.postMessage({ kind: 'done', outcome: await buildOne(job) });
});
