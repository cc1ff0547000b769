import { runCommand } from './commands/run.ts';
import { defaultIo, execute, type Io } from './execute.ts';

/**
 * The light start (dist/light.cjs, tried first by bin/tradebrief.js): `run` as the command line runs
 * it, from a bundle without the libraries the stages load. A rerun with nothing changed, a scheduler's
 * usual case, ends here with its exit code; otherwise (a stage to run, --force, --publish, another
 * command) it returns undefined, having changed nothing, and the whole command line takes over.
 */
export async function runIfUpToDate(argv: string[], io: Io = defaultIo): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (name !== 'run') return undefined;
  const light = { stopped: false };
  const code = await execute(runCommand(light), args, io);
  return light.stopped ? undefined : code;
}
