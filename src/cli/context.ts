import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig, parseConfig } from '../config/load.ts';
import type { Config } from '../config/schema.ts';
import type { RunContext } from '../core/context.ts';
import { InputError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { cliMessages as m } from '../core/messages.ts';
import type { InputValues } from './options.ts';

export type Context = Omit<RunContext, 'buildDir'>;

export const CONFIG_FILE = 'tradebrief.config.json';

/** Paths, config (with --reporter/--partner on top) and SOURCE_DATE_EPOCH, checked before any work. */
export async function createContext(
  values: InputValues,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<Context> {
  const shownConfig = values.config ?? join(values.inputs, CONFIG_FILE);
  const configPath = resolve(shownConfig);
  const pair = { reporter: values.reporter?.toUpperCase(), partner: values.partner?.toUpperCase() };
  let config: Config;
  if (existsSync(configPath)) config = await loadConfig(configPath, shownConfig, pair);
  else if (pair.reporter && pair.partner) config = parseConfig({}, 'command line', pair);
  else throw new InputError([{ file: shownConfig, message: m.noConfig(shownConfig) }]);
  const epoch = env.SOURCE_DATE_EPOCH === undefined ? undefined : Number(env.SOURCE_DATE_EPOCH);
  return {
    inputsDir: resolve(values.inputs),
    outDir: resolve(values.out),
    configPath,
    config,
    log,
    ...(epoch !== undefined && Number.isFinite(epoch) ? { sourceDateEpoch: epoch } : {}),
  };
}

export function runOptions(values: InputValues): { force: boolean; waitSeconds: number } {
  const wait = Number(values.wait);
  if (!Number.isFinite(wait) || wait < 0)
    throw new InputError([{ file: 'command line', message: m.badWait(values.wait) }]);
  return { force: values.force, waitSeconds: wait };
}
