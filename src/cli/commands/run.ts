import { join } from 'node:path';
import { runPipeline } from '../../../pipeline/run.ts';
import { STAGES } from '../../../pipeline/stages.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import { cliMessages as m } from '../../core/messages.ts';
import { shownPath } from '../../core/paths.ts';
import { type Context, runOptions } from '../context.ts';
import type { RunValues } from '../options.ts';

export async function runCommand(values: RunValues, ctx: Context, env: NodeJS.ProcessEnv): Promise<number> {
  if (!values.publish && (values.site !== undefined || values['dry-run']))
    throw new InputError([{ file: 'command line', message: m.publishOnly() }]);
  const result = await runPipeline(ctx, { ...runOptions(values), stages: STAGES });
  if (!result.upToDate) ctx.log.log('info', 'done', m.runDone(shownPath(join(ctx.outDir, 'briefing.pdf'))));
  if (!values.publish) return ExitCode.ok;
  // Also when nothing changed: a delivery that failed last time is tried again.
  const { publishOutputs } = await import('./publish.ts');
  return publishOutputs(
    { out: ctx.outDir, site: values.site, dryRun: values['dry-run'], wait: values.wait },
    ctx.config,
    ctx.configPath,
    ctx.log,
    env,
  );
}
