import { existsSync, lstatSync, type Stats, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { RunContext } from '../core/context.ts';
import { InputError, type Problem } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { cliMessages as m } from '../core/messages.ts';
import { realPathOf, topFolderWithin } from '../core/paths.ts';
import type { InputValues } from './options.ts';

export type Context = Omit<RunContext, 'buildDir'>;

export const CONFIG_FILE = 'tradebrief.config.json';

/**
 * Paths, config (with --reporter/--partner on top) and SOURCE_DATE_EPOCH, checked before any work.
 * `writes`: the command writes --out (validate does not).
 */
export async function createContext(
  values: InputValues,
  log: Logger,
  env: NodeJS.ProcessEnv,
  writes = true,
): Promise<Context> {
  const problems = [...folderProblems(values.inputs, 'inputs'), ...folderProblems(values.out, 'out', true)];
  if (writes && problems.length === 0 && readAsInputs(values.out, values.inputs))
    problems.push({ file: values.out, message: m.outInsideInputs(values.inputs) });
  const epoch = sourceDateEpoch(env.SOURCE_DATE_EPOCH);
  if (epoch === 'invalid') {
    problems.push({
      file: 'environment',
      key: 'SOURCE_DATE_EPOCH',
      message: m.badEpoch(env.SOURCE_DATE_EPOCH ?? '', LAST_EPOCH),
    });
  }
  const shownConfig = values.config ?? join(values.inputs, CONFIG_FILE);
  const configPath = resolve(shownConfig);
  if (values.config !== undefined && !existsSync(configPath)) {
    problems.push({ file: shownConfig, message: m.configMissing() });
  }
  if (problems.length > 0) throw new InputError(problems);
  const pair = { reporter: values.reporter?.toUpperCase(), partner: values.partner?.toUpperCase() };
  const dropped = (keys: string[]) => log.log('warn', 'config-keys-dropped', m.pairKeysDropped(keys));
  let config: Config;
  if (existsSync(configPath)) config = await loadConfig(configPath, shownConfig, pair, dropped);
  else if (pair.reporter && pair.partner) config = parseConfig({}, 'command line', pair);
  else throw new InputError([{ file: shownConfig, message: m.noConfig(shownConfig) }]);
  return {
    inputsDir: resolve(values.inputs),
    outDir: resolve(values.out),
    configPath,
    config,
    log,
    ...(typeof epoch === 'number' ? { sourceDateEpoch: epoch } : {}),
    ...(values.png ? { previews: true } : {}),
  };
}

/**
 * Whether outputs in `out` would be read as inputs on the next run (tables/*.csv among them): it is the
 * inputs folder or inside it, but for a folder whose name starts with "." or "_", which inputs skip.
 */
function readAsInputs(out: string, inputs: string): boolean {
  const top = topFolderWithin(realPathOf(resolve(out)), realPathOf(resolve(inputs)));
  return top !== undefined && !/^[._]/.test(top);
}

/** 9999-12-31T23:59:59Z: a PDF date has four digits for the year. */
const LAST_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as the reproducible-builds specification defines it: decimal digits only (no sign,
 * no hex, no exponent), and unset when empty.
 */
function sourceDateEpoch(value: string | undefined): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,12}$/.test(value)) return 'invalid';
  const seconds = Number(value);
  return seconds <= LAST_EPOCH ? seconds : 'invalid';
}

export function runOptions(values: InputValues): { force: boolean; waitSeconds: number } {
  const wait = Number(values.wait);
  if (!Number.isFinite(wait) || wait < 0)
    throw new InputError([{ file: 'command line', message: m.badWait(values.wait) }]);
  return { force: values.force, waitSeconds: wait };
}

/** --inputs must be a folder; --out a folder or not there yet. */
function folderProblems(path: string, option: string, mayBeMissing = false): Problem[] {
  let stats: Stats | undefined;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    return [{ file: path, message: m.notAFolder(`--${option}`, 'path goes through a file') }];
  }
  if (!stats && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
    return [{ file: path, message: m.notAFolder(`--${option}`, 'is a link to nothing') }];
  if (!stats)
    return mayBeMissing ? [] : [{ file: path, message: m.notAFolder(`--${option}`, 'does not exist') }];
  return stats.isDirectory() ? [] : [{ file: path, message: m.notAFolder(`--${option}`, 'is a file') }];
}
