import { Writable } from 'node:stream';
import { runCommand } from './commands/run.ts';
import { defaultIo, execute, type Io } from './execute.ts';

/**
 * The light start (dist/light.cjs, tried first by bin/tradebrief.js): `run` as the command line runs
 * it, from a bundle without the libraries the stages load. A rerun with nothing changed, a scheduler's
 * usual case, ends here with its exit code; otherwise (a stage to run, --force, --publish, another
 * command) it returns undefined, having changed and said nothing, and the whole command line takes over.
 */
export async function runIfUpToDate(argv: string[], io: Io = defaultIo): Promise<number | undefined> {
  const [name, ...args] = argv;
  if (name !== 'run') return undefined;
  // Held until the end: the whole command line would say again what was said before the stop.
  const said: Buffer[] = [];
  const held = new Writable({
    write(chunk: Buffer, _encoding, done) {
      said.push(chunk);
      done();
    },
  });
  const light = { stopped: false };
  const code = await execute(runCommand(light), args, { ...io, stderr: held });
  if (light.stopped) return undefined;
  io.stderr.write(Buffer.concat(said));
  return code;
}
