import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import { isIso3, WORLD } from '../../core/countries.ts';
import { ExitCode, InputError } from '../../core/errors.ts';
import type { Logger } from '../../core/log.ts';
import { cliMessages, configMessages, fetchMessages as m } from '../../core/messages.ts';
import { CONFIG_FILE } from '../context.ts';
import type { FETCH_OPTIONS, Values } from '../options.ts';

type FetchValues = Values<typeof FETCH_OPTIONS>;

/** Downloads what the briefing needs from the UN Comtrade API into the inputs folder. */
export async function fetchCommand(
  values: FetchValues,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { fetchInputs, parseYears } = await import('../../fetch/index.ts');
  const { reporter, partners } = await pairOf(values, log);
  const years = parseYears(values.years);
  const seconds = (option: string, text: string) => 1000 * number(option, text, 'a number of seconds', 0);
  await fetchInputs(
    {
      inputsDir: resolve(values.inputs),
      reporter,
      partners,
      ...(years ? { years } : {}),
      baseUrl: baseUrl(values['base-url']),
      key: env.COMTRADE_API_KEY?.trim() || undefined,
      maxCalls: number('--max-calls', values['max-calls'], 'a whole number of calls, 1 or more', 1, true),
      ...(values['max-records'] === undefined
        ? {}
        : {
            maxRecords: number(
              '--max-records',
              values['max-records'],
              'a whole number of rows, 2 or more',
              2,
              true,
            ),
          }),
      retries: number('--retries', values.retries, 'a whole number of retries, 0 or more', 0, true),
      backoffMs: seconds('--backoff', values.backoff),
      maxWaitMs: 10 * 60 * 1000,
      ...(values.pause === undefined ? {} : { pauseMs: seconds('--pause', values.pause) }),
      timeoutMs: seconds('--timeout', values.timeout),
      waitSeconds: number('--wait', values.wait, 'a number of seconds', 0),
    },
    { log },
  );
  return ExitCode.ok;
}

/** The pair from the command line, else from the config in the inputs folder (or --config). */
async function pairOf(values: FetchValues, log: Logger): Promise<{ reporter: string; partners: string[] }> {
  const listed = (values.partners ?? values.partner ?? '')
    .split(',')
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const invalid = listed.filter((p) => !isIso3(p) || p === WORLD);
  if (invalid.length > 0)
    throw new InputError([
      {
        file: 'command line',
        message: cliMessages.badPartners(values.partners ?? values.partner ?? '', invalid),
      },
    ]);
  let reporter = values.reporter?.toUpperCase();
  if (reporter !== undefined && (!isIso3(reporter) || reporter === WORLD))
    throw new InputError([
      { file: 'command line', message: cliMessages.initNeedsCountry('--reporter', reporter) },
    ]);
  const shown = values.config ?? join(values.inputs, CONFIG_FILE);
  if ((!reporter || listed.length === 0) && existsSync(resolve(shown))) {
    const config = await loadConfig(resolve(shown), shown, {}, (keys) =>
      log.log('warn', 'config-keys-dropped', cliMessages.pairKeysDropped(keys)),
    );
    reporter ??= config.reporter;
    if (listed.length === 0) listed.push(config.partner);
  }
  if (!reporter || listed.length === 0)
    throw new InputError([{ file: 'command line', message: m.needsPair() }]);
  if (listed.includes(reporter))
    throw new InputError([{ file: 'command line', message: configMessages.sameCountry() }]);
  return { reporter, partners: [...new Set(listed)] };
}

function number(option: string, text: string, what: string, min: number, whole = false): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || (whole && !Number.isInteger(value)))
    throw new InputError([{ file: 'command line', key: option, message: m.badNumber(option, text, what) }]);
  return value;
}

function baseUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new InputError([{ file: 'command line', key: '--base-url', message: m.badBaseUrl(text) }]);
  return url.toString();
}
