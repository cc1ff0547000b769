import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import { writeFileAtomic } from './atomic.ts';
import type { FileHash } from './cache.ts';
import { InputError } from './errors.ts';
import { sha256 } from './hash.ts';
import type { Logger } from './log.ts';
import { runMessages as m } from './messages.ts';
import { shownPath } from './paths.ts';

/** Everything a stage may know about the run: where to read and write, the config, how to log. */
export interface RunContext {
  inputsDir: string;
  /** The output folder the user named; readers see the current build through it. */
  outDir: string;
  /** Where this run's stages read and write: a build that becomes current only when complete. */
  buildDir: string;
  configPath: string;
  config: Config;
  log: Logger;
  /** SOURCE_DATE_EPOCH when set: the only way a date other than the data's own enters the outputs. */
  sourceDateEpoch?: number;
  /** `--png`: a PNG of each chart beside its SVG, for slides and e-mail; nothing in a run reads them. */
  previews?: boolean;
  /** The edition this run's changes are measured against: the last archived one with other inputs. */
  previousEdition?: Edition;
  /**
   * In a batch: this partner's share of the batch's one ingest (the ingest stage copies it), and the
   * input files as hashed for that read.
   */
  sharedIngest?: { path: string; inputs: FileHash[] };
  /** What this run wrote into its build, by file: the manifest and later stages take it from here. */
  written?: Map<string, WrittenFile>;
  /**
   * Files of the build written but not yet flushed to disk: the run flushes them together before the
   * build becomes current. Without it, each file is flushed as it is written.
   */
  unflushed?: Set<string>;
}

/** A file as written: its hash and size, and for a stage's JSON the value it was written from. */
export interface WrittenFile {
  sha256: string;
  bytes: number;
  value?: unknown;
}

export interface Edition {
  id: string;
  vintage: string;
  /** Folder of the archived edition, relative to the output folder. */
  dir: string;
}

/** A stage file of this run's build; paths in manifests are relative to it. */
export function outPath(ctx: RunContext, file: string): string {
  return join(ctx.buildDir, file);
}

/** Writes a file of the build, hashed from the bytes written: nothing reads it back to hash it. */
export async function save(ctx: RunContext, file: string, data: string | Uint8Array): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const path = outPath(ctx, file);
  await writeFileAtomic(path, bytes, { flush: !ctx.unflushed });
  ctx.unflushed?.add(path);
  ctx.written?.set(file, { sha256: sha256(bytes), bytes: bytes.length });
}

/**
 * Writes a JSON file of the build (its text made from `value`) and hands the value to the later stages
 * of this run, which would otherwise read and parse the file again. Stages only read what they are
 * handed: a run whose stages changed it, or that held what JSON does not give back unchanged, would
 * differ from its stages run one by one, which the tests compare byte for byte.
 */
export async function saveJson(
  ctx: RunContext,
  file: string,
  value: unknown,
  text: string | Uint8Array,
): Promise<void> {
  await save(ctx, file, text);
  const written = ctx.written?.get(file);
  if (written) written.value = value;
}

/** A JSON file of the build: the value this run wrote it from, else the file as parsed. */
export async function loadJson<T>(ctx: RunContext, file: string): Promise<T> {
  const written = ctx.written?.get(file);
  if (written?.value !== undefined) return written.value as T;
  const text = await readFile(outPath(ctx, file), 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch {
    // Only a hand or a broken disk garbles what a stage wrote whole: its stage writes it again.
    throw new InputError([{ file: shownPath(outPath(ctx, file)), message: m.garbledStageFile() }]);
  }
}

/** JSON as written to every output: two-space indent, trailing newline, key order as built. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * JSON of the working files one stage hands the next (stages/): compact, as it is written and hashed on
 * every run, and only read by people with a tool (`jq . stages/ingest.json`).
 */
export function toStageJson(value: unknown): string {
  return `${JSON.stringify(value)}${STAGE_JSON_END}`;
}

/** What follows the JSON text in a stage file. */
export const STAGE_JSON_END = '\n';
