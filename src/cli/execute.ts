import type { Writable } from 'node:stream';
import { closest } from '../core/closest.ts';
import {
  asDiskError,
  ExitCode,
  exitCodeFor,
  formatProblem,
  InputError,
  KilledError,
  TemporaryError,
} from '../core/errors.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { fetchMessages, cliMessages as m } from '../core/messages.ts';
import { allowProgress } from '../core/progress.ts';
import { type Options, type OUTPUT_OPTIONS, parse, type Values } from './options.ts';

export interface Io {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export const defaultIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };

export type AnyValues = Values<typeof OUTPUT_OPTIONS> & Record<string, unknown>;

/** One command of the command line: its help, its options and what it does. */
export interface Command {
  help: string;
  options: Options;
  run(values: AnyValues, positionals: string[], log: Logger, io: Io): Promise<number>;
  /** How many arguments it takes besides its options (a stage's name); none unless said. */
  positionals?: number;
}

/**
 * Runs one command with its arguments: options parsed and checked, the logger set up, and every
 * failure turned into its exit code and a message, never a stack trace.
 */
export async function execute(command: Command, args: string[], io: Io): Promise<number> {
  let parsed: { values: AnyValues; positionals: string[] };
  try {
    parsed = parse(args, command.options) as { values: AnyValues; positionals: string[] };
  } catch (error) {
    const option = /'-{1,2}([A-Za-z0-9][\w-]*)/.exec((error as Error).message)?.[1] ?? '';
    // A known option whose value is missing, or starts with a dash ("--wait -3"), needs no other name.
    const known = Object.hasOwn(command.options, option);
    const suggestion = known ? undefined : closest(option, Object.keys(command.options));
    const takesValue = known && command.options[option]?.type === 'string';
    const detail = takesValue ? m.optionValueMissing(option) : (error as Error).message;
    io.stderr.write(`error: ${m.badOption(detail, suggestion && `--${suggestion}`)}\n`);
    return ExitCode.input;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(command.help);
    return ExitCode.ok;
  }
  // A word the command does not take ("run outputs" for "run --out outputs") would be ignored in silence.
  const extra = positionals.slice(command.positionals ?? 0);
  if (extra.length > 0) {
    io.stderr.write(`error: ${m.unexpectedArguments(extra)}\n`);
    return ExitCode.input;
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
    return report(error, log, values.verbose, typeof values.out === 'string' ? values.out : undefined);
  }
}

function report(error: unknown, log: Logger, verbose: boolean, out: string | undefined): number {
  const code = exitCodeFor(error);
  if (error instanceof InputError) {
    for (const problem of error.problems)
      log.log('error', 'input-problem', formatProblem(problem), { ...problem });
    log.log('error', 'input-problems', m.problems(error.problems.length));
  } else if (error instanceof TemporaryError) {
    log.log('error', 'temporary', fetchMessages.temporary(error.message));
  } else if (error instanceof KilledError) {
    log.log('error', 'killed', error.message, { signal: error.signal });
  } else if (code === ExitCode.locked) {
    log.log('error', 'locked', (error as Error).message);
  } else if (code === ExitCode.disk) {
    const disk = asDiskError(error, out === undefined ? {} : { out });
    log.log('error', 'system-refused', disk?.message ?? '', { code: disk?.code, path: disk?.path });
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
