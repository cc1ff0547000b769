import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import { closest } from '../core/closest.ts';
import { isIso3 } from '../core/countries.ts';
import { InputError, type Problem } from '../core/errors.ts';
import { expandChapterRange } from '../core/hs.ts';
import { configMessages as m } from '../core/messages.ts';
import { findBadText } from './configText.ts';
import { positionOf, readJsonText } from './jsonText.ts';
import { logoProblem } from './logo.ts';
import { type Config, configSchema } from './schema.ts';

export interface PairOverride {
  reporter?: string;
  partner?: string;
}

/** Keys written for one pair: a briefing for another pair (by --reporter/--partner) leaves them out. */
export const PAIR_KEYS = ['title', 'subtitle', 'notes', 'scenarios'] as const;

/**
 * Reads and validates the config; every problem names the key and says what is expected. When the
 * command line names another pair, the config's pair-specific keys are dropped (and `onDropped` told),
 * so an India–China briefing never carries an India–Russia title or scenarios.
 */
export async function loadConfig(
  path: string,
  file: string,
  override: PairOverride = {},
  onDropped?: (keys: string[]) => void,
): Promise<Config> {
  const { json, text } = await readConfigJson(path, file);
  try {
    const config = parseConfig(withoutOtherPairKeys(json, override, onDropped), file, override);
    const logo = logoPath(config, path);
    const problem = logo && (await logoProblem(logo, config.organisation.logo ?? ''));
    if (problem) throw new InputError([{ file, key: 'organisation.logo', message: problem }]);
    return config;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(error.problems.map((p) => (p.file === file ? placed(p, text) : p)));
  }
}

/**
 * A problem at a key, placed at its line and column in the config's text; a key the text lacks (one
 * required but missing) at the nearest member that holds it.
 */
function placed(problem: Problem, text: string): Problem {
  const path = problem.key?.split('.') ?? [];
  for (let depth = path.length; depth > 0; depth -= 1) {
    const at = positionOf(text, path.slice(0, depth));
    if (at) return { ...problem, line: at.line, column: String(at.column) };
  }
  return problem;
}

/** A config is small: anything larger is not one (a link to a device or a data file). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The config's JSON, read defensively: a regular file of a sane size, UTF-8 with or without a BOM,
 * every mistake located by line and column, and no text the briefing could not print.
 */
async function readConfigJson(path: string, file: string): Promise<{ json: unknown; text: string }> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) throw new InputError([{ file, message: m.unreadable() }]);
  if (!stats.isFile())
    throw new InputError([
      { file, message: m.notAFile(stats.isDirectory() ? 'a folder' : 'not a regular file') },
    ]);
  if (stats.size > MAX_CONFIG_BYTES) throw new InputError([{ file, message: m.tooLarge(stats.size) }]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([{ file, message: code ? m.unreadable() : m.notUtf8() }]);
  }
  const read = readJsonText(text);
  if ('mistake' in read) {
    const { line, column, expected, found } = read.mistake;
    throw new InputError([{ file, line, column: String(column), message: m.jsonMistake(expected, found) }]);
  }
  const problems = findBadText(read.value).map(({ key, kind, detail }) => ({
    file,
    key,
    message: kind === 'key' ? m.reservedKey(detail) : m.badCharacter(detail),
  }));
  if (problems.length > 0) throw new InputError(problems);
  return { json: read.value, text };
}

function withoutOtherPairKeys(
  json: unknown,
  override: PairOverride,
  onDropped?: (keys: string[]) => void,
): unknown {
  if (!json || typeof json !== 'object') return json;
  const record = json as Record<string, unknown>;
  const otherPair =
    (override.reporter !== undefined && override.reporter !== record.reporter) ||
    (override.partner !== undefined && override.partner !== record.partner);
  const dropped = PAIR_KEYS.filter((key) => key in record);
  if (!otherPair || dropped.length === 0) return json;
  onDropped?.([...dropped]);
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => !dropped.includes(key as (typeof PAIR_KEYS)[number])),
  );
}

/** The logo's path on disk: relative paths in the config are relative to the config file. */
export function logoPath(config: Config, configPath: string): string | undefined {
  const logo = config.organisation.logo;
  return logo ? resolve(dirname(configPath), logo) : undefined;
}

export function parseConfig(json: unknown, file: string, override: PairOverride = {}): Config {
  const withPair = json && typeof json === 'object' ? { ...json, ...definedOnly(override) } : json;
  const parsed = configSchema.safeParse(withPair);
  if (!parsed.success)
    throw new InputError(
      parsed.error.issues.flatMap((issue) => describeIssue(issue, file)).map((p) => byOption(p, override)),
    );
  const problems = checkMeaning(parsed.data, file);
  if (problems.length > 0) throw new InputError(problems.map((p) => byOption(p, override)));
  return parsed.data;
}

/** A problem with a value the command line gave (--reporter, --partner) is the command line's. */
function byOption(problem: Problem, override: PairOverride): Problem {
  const key = problem.key as keyof PairOverride | undefined;
  if (!key || override[key] === undefined) return problem;
  const { key: _, ...rest } = problem;
  return { ...rest, file: 'command line', option: `--${key}` };
}

function definedOnly(pair: PairOverride): PairOverride {
  return Object.fromEntries(Object.entries(pair).filter(([, v]) => v !== undefined));
}

function describeIssue(issue: z.core.$ZodIssue, file: string): Problem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    const valid = validKeys(path);
    return issue.keys.map((key) => ({
      file,
      key: [...path, key].join('.'),
      message: m.unknownKey(key, closest(key, valid)),
    }));
  }
  return [{ file, key: path.join('.') || '(top level)', message: m.invalid(issue.message) }];
}

/** The keys allowed at a path of the schema, to suggest the closest one for a misspelt key. */
function validKeys(path: string[]): string[] {
  let node: unknown = configSchema;
  for (const part of path) {
    node = unwrap(node);
    const def = (
      node as {
        def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; valueType?: unknown };
      }
    ).def;
    if (def?.type === 'object') node = def.shape?.[part];
    else if (def?.type === 'array') node = def.element;
    else if (def?.type === 'record') node = def.valueType;
  }
  const shape = (unwrap(node) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } };
  while (current?.def && ['default', 'optional', 'nullable'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

function checkMeaning(config: Config, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['reporter', 'partner'] as const) {
    if (!isIso3(config[key])) problems.push({ file, key, message: m.unknownCountry(config[key]) });
  }
  if (config.reporter === config.partner) problems.push({ file, key: 'partner', message: m.sameCountry() });
  const owner = new Map<string, string>();
  config.sectors.forEach((sector, i) => {
    for (const chapter of sector.chapters.flatMap(expandChapterRange)) {
      const other = owner.get(chapter);
      if (other)
        problems.push({
          file,
          key: `sectors.${i}.chapters`,
          message: m.chapterInTwoSectors(chapter, other, sector.id),
        });
      owner.set(chapter, sector.id);
    }
  });
  const sectorIds = config.sectors.map((s) => s.id);
  sectorIds.forEach((id, i) => {
    if (sectorIds.indexOf(id) < i)
      problems.push({ file, key: `sectors.${i}.id`, message: m.duplicateSector(id) });
  });
  config.scenarios.forEach((scenario, i) => {
    scenario.sectors.forEach((id, j) => {
      if (!sectorIds.includes(id)) {
        problems.push({
          file,
          key: `scenarios.${i}.sectors.${j}`,
          message: m.unknownSector(id, closest(id, sectorIds)),
        });
      }
    });
  });
  const lists = config.publish?.email?.lists ?? [];
  lists.forEach((list, i) => {
    if (lists.findIndex((other) => other.id === list.id) < i)
      problems.push({ file, key: `publish.email.lists.${i}.id`, message: m.duplicateList(list.id) });
  });
  return problems;
}
