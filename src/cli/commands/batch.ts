import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { writeFileAtomic } from '../../core/atomic.ts';
import { toJson } from '../../core/context.ts';
import { isIso3 } from '../../core/countries.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import type { LogFields, Logger, LogLevel } from '../../core/log.ts';
import { cliMessages as m } from '../../core/messages.ts';
import { createContext } from '../context.ts';
import type { BATCH_OPTIONS, Values } from '../options.ts';
import type { BatchJob, BatchOutcome } from './batchWorker.ts';

type BatchValues = Values<typeof BATCH_OPTIONS>;

/** Where the one ingest of a batch is kept for the partners' runs to share. */
export const SHARED_INGEST = '.batch/ingest.json';

/**
 * One briefing per partner from a single ingest of the inputs, on as many worker threads as there are
 * cores. A partner that fails is reported at the end; the others are still built.
 */
export async function batchCommand(
  values: BatchValues,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<number> {
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
  const first = await createContext({ ...values, partner: partners[0] }, log, env);
  const reporter = first.config.reporter;
  // One read of the inputs for every partner: the ingest keeps the flows of all of them.
  const { ingest } = await import('../../ingest/ingest.ts');
  const ingested = await ingest(first.inputsDir, { focus: { reporter, partners } });
  const sharedPath = join(first.outDir, SHARED_INGEST);
  await writeFileAtomic(sharedPath, toJson(ingested));
  const jobs: BatchJob[] = partners.map((partner) => ({
    partner,
    out: join(resolve(values.out), `${reporter}-${partner}`),
  }));
  const threads = Math.max(1, Math.min(jobs.length, Number(values.jobs ?? availableParallelism()) || 1));
  const outcomes = await runWorkers(
    jobs,
    threads,
    { values, env, sharedIngest: { path: sharedPath, partners } },
    log,
  );
  const failed = outcomes.filter((o) => o.code !== 0);
  for (const outcome of outcomes) {
    if (outcome.code === 0)
      log.log('info', 'partner-done', m.batchPartnerDone(reporter, outcome.partner), {
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

function runWorkers(jobs: BatchJob[], threads: number, setup: object, log: Logger): Promise<BatchOutcome[]> {
  const queue = [...jobs];
  const outcomes: BatchOutcome[] = [];
  return new Promise((resolvePromise, reject) => {
    let running = threads;
    for (let i = 0; i < threads; i++) {
      const worker = startWorker(setup);
      const next = () => worker.postMessage(queue.shift() ?? null);
      worker.on(
        'message',
        (
          message:
            | { kind: 'log'; level: LogLevel; event: string; message: string; fields: LogFields }
            | { kind: 'done'; outcome: BatchOutcome },
        ) => {
          if (message.kind === 'log') log.log(message.level, message.event, message.message, message.fields);
          else {
            outcomes.push(message.outcome);
            next();
          }
        },
      );
      worker.on('error', reject);
      worker.on('exit', () => {
        running -= 1;
        if (running === 0)
          resolvePromise(jobs.map((j) => outcomes.find((o) => o.partner === j.partner) as BatchOutcome));
      });
      next();
    }
  });
}

/** From the bundle the worker is plain JavaScript; from the sources it needs tsx registered first. */
function startWorker(setup: object): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './batchWorker.ts' : './batchWorker.js', import.meta.url);
  if (!fromSources) return new Worker(url, { workerData: setup });
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}
