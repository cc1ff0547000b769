import { join } from 'node:path';
import { runPipeline } from '../../../pipeline/run.ts';
import { STAGES } from '../../../pipeline/stages.ts';
import { ExitCode } from '../../core/errors.ts';
import { cliMessages as m } from '../../core/messages.ts';
import { shownPath } from '../../core/paths.ts';
import { type Context, runOptions } from '../context.ts';
import type { InputValues } from '../options.ts';

export async function runCommand(values: InputValues, ctx: Context): Promise<number> {
  const result = await runPipeline(ctx, { ...runOptions(values), stages: STAGES });
  if (!result.upToDate) ctx.log.log('info', 'done', m.runDone(shownPath(join(ctx.outDir, 'briefing.pdf'))));
  return ExitCode.ok;
}
