import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { createContext } from '../src/cli/context.ts';
import { defaultIo, execute } from '../src/cli/execute.ts';
import { runOneStage } from '../src/cli/oneStage.ts';
import { INPUT_OPTIONS, type InputValues } from '../src/cli/options.ts';
import { help } from '../src/core/messages.ts';
import type { Stage } from '../src/core/stage.ts';

/**
 * Lets a stage script run on its own (`npx tsx pipeline/3-indicators.ts --out outputs`): when it is the
 * entry point, it runs as `tradebrief stage <name>` with the same options; when imported, it does nothing.
 * It reaches the command line's option parsing and runner, never the command line itself. A worker
 * thread is never a stage run alone, even where a bundle gives the stage the worker's own file as its URL.
 */
export async function runAlone(moduleUrl: string, stage: Stage): Promise<void> {
  const entry = process.argv[1];
  if (!isMainThread || !entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  process.exitCode = await execute(
    {
      help: help.stage,
      options: INPUT_OPTIONS,
      run: async (values, _positionals, log, io) =>
        runOneStage(stage, values as InputValues, await createContext(values as InputValues, log, io.env)),
    },
    process.argv.slice(2),
    defaultIo,
  );
}
