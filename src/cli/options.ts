import { type ParseArgsConfig, parseArgs } from 'node:util';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command shares; defaults are documented in --help and README. */
export const OUTPUT_OPTIONS = {
  'log-format': { type: 'string', default: 'human' },
  quiet: { type: 'boolean', short: 'q', default: false },
  verbose: { type: 'boolean', short: 'v', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** Options of the commands that read inputs and write a briefing. */
export const INPUT_OPTIONS = {
  ...OUTPUT_OPTIONS,
  inputs: { type: 'string', default: 'inputs' },
  out: { type: 'string', default: 'outputs' },
  config: { type: 'string' },
  reporter: { type: 'string' },
  partner: { type: 'string' },
  force: { type: 'boolean', default: false },
  wait: { type: 'string', default: '0' },
  png: { type: 'boolean', default: false },
} as const satisfies Options;

/** `run` also publishes what it built when asked to, for a single cron line. */
export const RUN_OPTIONS = {
  ...INPUT_OPTIONS,
  publish: { type: 'boolean', default: false },
  site: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
} as const satisfies Options;

export const PUBLISH_OPTIONS = {
  ...OUTPUT_OPTIONS,
  out: { type: 'string', default: 'outputs' },
  config: { type: 'string' },
  site: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  wait: { type: 'string', default: '0' },
} as const satisfies Options;

export const BATCH_OPTIONS = {
  ...INPUT_OPTIONS,
  partners: { type: 'string' },
  jobs: { type: 'string' },
  shard: { type: 'string' },
} as const satisfies Options;

export const INIT_OPTIONS = {
  ...OUTPUT_OPTIONS,
  reporter: { type: 'string' },
  partner: { type: 'string' },
  dir: { type: 'string' },
  force: { type: 'boolean', default: false },
} as const satisfies Options;

/** `fetch`: where to write, which pair and years, and how hard to try. Defaults are in --help. */
export const FETCH_OPTIONS = {
  ...OUTPUT_OPTIONS,
  inputs: { type: 'string', default: 'inputs' },
  config: { type: 'string' },
  reporter: { type: 'string' },
  partner: { type: 'string' },
  partners: { type: 'string' },
  years: { type: 'string' },
  'base-url': { type: 'string' },
  'max-calls': { type: 'string', default: '100' },
  'max-records': { type: 'string' },
  retries: { type: 'string', default: '3' },
  backoff: { type: 'string', default: '2' },
  pause: { type: 'string' },
  timeout: { type: 'string', default: '120' },
  wait: { type: 'string', default: '0' },
} as const satisfies Options;

export function parse<T extends Options>(args: string[], options: T) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export type Values<T extends Options> = ReturnType<typeof parse<T>>['values'];
export type InputValues = Values<typeof INPUT_OPTIONS>;
export type RunValues = Values<typeof RUN_OPTIONS>;
export type PublishValues = Values<typeof PUBLISH_OPTIONS>;
