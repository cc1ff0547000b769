import type { Writable } from 'node:stream';
import { closest } from '../core/closest.ts';
import { ExitCode, exitCodeFor, formatProblem, InputError } from '../core/errors.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { help, cliMessages as m } from '../core/messages.ts';
import { allowProgress } from '../core/progress.ts';
import { batchCommand } from './commands/batch.ts';
import { initCommand } from './commands/init.ts';
import { runCommand } from './commands/run.ts';
import { stageCommand } from './commands/stage.ts';
import { validateCommand } from './commands/validate.ts';
import { createContext } from './context.ts';
import {
  BATCH_OPTIONS,
  INIT_OPTIONS,
  INPUT_OPTIONS,
  type OUTPUT_OPTIONS,
  parse,
  type Values,
} from './options.ts';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };

type AnyValues = Values<typeof OUTPUT_OPTIONS> & Record<string, unknown>;

interface Command {
  help: string;
  options: typeof INPUT_OPTIONS | typeof BATCH_OPTIONS | typeof INIT_OPTIONS;
  run(values: AnyValues, positionals: string[], log: Logger, io: Io): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  run: {
    help: help.run,
    options: INPUT_OPTIONS,
    run: async (values, _p, log, io) =>
      runCommand(
        values as Values<typeof INPUT_OPTIONS>,
        await createContext(values as Values<typeof INPUT_OPTIONS>, log, io.env),
      ),
  },
  validate: {
    help: help.validate,
    options: INPUT_OPTIONS,
    run: async (values, _p, log, io) =>
      validateCommand(await createContext(values as Values<typeof INPUT_OPTIONS>, log, io.env), io.stdout),
  },
  stage: {
    help: help.stage,
    options: INPUT_OPTIONS,
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
  init: {
    help: help.init,
    options: INIT_OPTIONS,
    run: (values, _p, log) => initCommand(values as Values<typeof INIT_OPTIONS>, log),
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
  let parsed: { values: AnyValues; positionals: string[] };
  try {
    parsed = parse(args, command.options) as { values: AnyValues; positionals: string[] };
  } catch (error) {
    const option = /'(-{1,2}[^']+)'/.exec((error as Error).message)?.[1]?.replace(/^-+/, '') ?? '';
    const suggestion = closest(option, Object.keys(command.options));
    io.stderr.write(`error: ${m.badOption((error as Error).message, suggestion && `--${suggestion}`)}\n`);
    return ExitCode.input;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(command.help);
    return ExitCode.ok;
  }
  const format = values['log-format'];
  if (format !== 'human' && format !== 'json') {
    io.stderr.write(`error: ${m.badLogFormat(String(format))}\n`);
    return ExitCode.input;
  }
  allowProgress(format === 'human' && !values.quiet);
  const log = createLogger({
    format,
    verbosity: values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal',
    stream: io.stderr,
  });
  try {
    return await command.run(values, positionals, log, io);
  } catch (error) {
    return report(error, log, values.verbose);
  }
}

function report(error: unknown, log: Logger, verbose: boolean): number {
  const code = exitCodeFor(error);
  if (error instanceof InputError) {
    for (const problem of error.problems)
      log.log('error', 'input-problem', formatProblem(problem), { ...problem });
    log.log('error', 'input-problems', m.problems(error.problems.length));
  } else if (code === ExitCode.locked) {
    log.log('error', 'locked', (error as Error).message);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    log.log(
      'error',
      'internal',
      m.internal(message),
      verbose && error instanceof Error ? { stack: error.stack } : {},
    );
  }
  return code;
}
