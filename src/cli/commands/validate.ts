import type { Writable } from 'node:stream';
import { ExitCode, InputError } from '../../core/errors.ts';
import { inputMessages, cliMessages as m } from '../../core/messages.ts';
import type { Context } from '../context.ts';

/**
 * Reads and checks everything a run would and writes nothing: every problem in every file, and a
 * coverage summary (rows read, used and set aside by reason; years, flows, chapters) on stdout.
 */
export async function validateCommand(ctx: Context, stdout: Writable): Promise<number> {
  const { ingest } = await import('../../ingest/ingest.ts');
  const { formatCoverage, summariseCoverage } = await import('../../ingest/coverage.ts');
  const { normalise } = await import('../../normalise/normalise.ts');
  const { reporter, partner } = ctx.config;
  try {
    const ingested = await ingest(ctx.inputsDir, {
      focus: { reporter, partners: [partner] },
      onSkipped: ({ file, reason }) =>
        ctx.log.log('warn', 'input-skipped', inputMessages.skippedInput(file, reason), { file }),
    });
    stdout.write(`${formatCoverage(summariseCoverage(ingested))}\n`);
    normalise(ingested, ctx.config);
    ctx.log.log('info', 'valid', m.validated(ingested.files.length, ingested.trade.length));
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof InputError && error.summary) stdout.write(`${error.summary}\n`);
    throw error;
  }
}
