import { join } from 'node:path';
import type { Config } from '../config/schema.ts';
import { writeFileAtomic } from './atomic.ts';
import type { FileHash } from './cache.ts';
import type { Logger } from './log.ts';

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

export async function save(ctx: RunContext, file: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomic(outPath(ctx, file), data);
}

/** JSON as written to every output: two-space indent, trailing newline, key order as built. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * JSON of the working files one stage hands the next (stages/): compact, as it is written, hashed and
 * parsed again on every run, and only read by people with a tool (`jq . stages/ingest.json`).
 */
export function toStageJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
