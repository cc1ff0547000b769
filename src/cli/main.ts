import { closest } from '../core/closest.ts';
import { ExitCode } from '../core/errors.ts';
import { help, cliMessages as m } from '../core/messages.ts';
import { batchCommand } from './commands/batch.ts';
import { initCommand } from './commands/init.ts';
import { runCommand } from './commands/run.ts';
import { stageCommand } from './commands/stage.ts';
import { validateCommand } from './commands/validate.ts';
import { createContext } from './context.ts';
import { type Command, defaultIo, execute, type Io } from './execute.ts';
import {
  BATCH_OPTIONS,
  FETCH_OPTIONS,
  INIT_OPTIONS,
  INPUT_OPTIONS,
  PUBLISH_OPTIONS,
  type Values,
} from './options.ts';

export type { Io } from './execute.ts';

/**
 * For scripts/bundle.js, before the briefing it runs at install: records the words it shapes (see
 * src/core/fontFaces.ts). Loaded on demand, so that other commands do not load fontkit.
 */
export async function recordShapedWords(): Promise<() => string> {
  return (await import('../core/fontFaces.ts')).recordShapedWords();
}

/**
 * A batch's partner thread, as bin/bundleThread.js runs it from the bundle (see src/core/worker.ts).
 * Loaded on demand, as the commands are.
 */
export async function partnerThread(): Promise<boolean> {
  return (await import('./commands/partnerBuild.ts')).partnerThread();
}

const COMMANDS: Record<string, Command> = {
  run: runCommand(),
  validate: {
    help: help.validate,
    options: INPUT_OPTIONS,
    run: async (values, _p, log, io) =>
      validateCommand(
        await createContext(values as Values<typeof INPUT_OPTIONS>, log, io.env, false),
        io.stdout,
      ),
  },
  stage: {
    help: help.stage,
    options: INPUT_OPTIONS,
    positionals: 1,
    run: async (values, positionals, log, io) =>
      stageCommand(
        values as Values<typeof INPUT_OPTIONS>,
        await createContext(values as Values<typeof INPUT_OPTIONS>, log, io.env),
        positionals,
      ),
  },
  batch: {
    help: help.batch,
    options: BATCH_OPTIONS,
    run: (values, _p, log, io) => batchCommand(values as Values<typeof BATCH_OPTIONS>, log, io.env),
  },
  publish: {
    help: help.publish,
    options: PUBLISH_OPTIONS,
    // Loaded when used: the mail and feed libraries stay out of every other command's start-up.
    run: async (values, _p, log, io) =>
      (await import('./commands/publish.ts')).publishCommand(
        values as Values<typeof PUBLISH_OPTIONS>,
        log,
        io.env,
      ),
  },
  init: {
    help: help.init,
    options: INIT_OPTIONS,
    run: (values, _p, log) => initCommand(values as Values<typeof INIT_OPTIONS>, log),
  },
  fetch: {
    help: help.fetch,
    options: FETCH_OPTIONS,
    run: async (values, _p, log, io) =>
      (await import('./commands/fetch.ts')).fetchCommand(values as Values<typeof FETCH_OPTIONS>, log, io.env),
  },
};

/** The command line: returns the exit code instead of exiting, so tests can call it directly. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(help.main);
    return ExitCode.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${(await import('../core/version.ts')).VERSION}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`error: ${m.unknownCommand(name, closest(name, Object.keys(COMMANDS)))}\n`);
    return ExitCode.input;
  }
  return execute(command, args, io);
}
