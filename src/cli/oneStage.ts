import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../pipeline/run.ts';
import { ExitCode, InputError } from '../core/errors.ts';
import { cliMessages as m } from '../core/messages.ts';
import type { Stage } from '../core/stage.ts';
import { type Context, runOptions } from './context.ts';
import type { InputValues } from './options.ts';

/** Runs one stage on what the stages before it wrote in --out, as `tradebrief stage` and the stage scripts do. */
export async function runOneStage(stage: Stage, values: InputValues, ctx: Context): Promise<number> {
  const missing = stage.reads.filter((file) => !existsSync(join(ctx.outDir, file)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((file) => ({ file: join(ctx.outDir, file), message: m.stageNeeds(stage.name, file) })),
    );
  }
  await runPipeline(ctx, { ...runOptions(values), stages: [stage], partial: true });
  return ExitCode.ok;
}
