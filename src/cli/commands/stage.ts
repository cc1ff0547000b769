import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findStage, runPipeline, STAGES } from '../../../pipeline/run.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import { cliMessages as m } from '../../core/messages.ts';
import { type Context, runOptions } from '../context.ts';
import type { InputValues } from '../options.ts';

export async function stageCommand(
  values: InputValues,
  ctx: Context,
  positionals: string[],
): Promise<number> {
  const name = positionals[0] ?? '';
  const stage = findStage(name);
  if (!stage) {
    const names = STAGES.map((s) => s.name);
    throw new InputError([{ file: 'command line', message: m.unknownStage(name, names) }]);
  }
  const missing = stage.reads.filter((file) => !existsSync(join(ctx.outDir, file)));
  if (missing.length > 0) {
    throw new InputError(
      missing.map((file) => ({ file: join(ctx.outDir, file), message: m.stageNeeds(stage.name, file) })),
    );
  }
  await runPipeline(ctx, { ...runOptions(values), stages: [stage] });
  return ExitCode.ok;
}
