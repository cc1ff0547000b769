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
  await runPipeline(ctx, { ...runOptions(values), stages: [stage] });
  return ExitCode.ok;
}
