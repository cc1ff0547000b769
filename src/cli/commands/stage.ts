import { findStage, STAGES } from '../../../pipeline/stages.ts';
import { InputError } from '../../core/errors.ts';
import { cliMessages as m } from '../../core/messages.ts';
import type { Context } from '../context.ts';
import { runOneStage } from '../oneStage.ts';
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
  return runOneStage(stage, values, ctx);
}
