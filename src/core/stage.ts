import type { RunContext } from './context.ts';

/** One step of the pipeline: reads what earlier stages wrote (or the inputs), writes its own files. */
export interface Stage {
  name: string;
  /** What the stage does, for logs and help. */
  summary: string;
  /** Output files (relative to the output folder) of earlier stages that this one reads. */
  reads: string[];
  /** The config keys that shape this stage's output: a change to another key doesn't re-run it. */
  config: readonly string[];
  /** Reads the inputs folder itself (only the first stage does). */
  readsInputs?: boolean;
  /** Anything else that shapes the output (a logo file's hash, SOURCE_DATE_EPOCH): part of the key. */
  extraKey?: (ctx: RunContext) => Promise<unknown>;
  /** Compares with the previous edition (its indicators), so a new previous edition re-runs it. */
  readsPreviousEdition?: boolean;
  /**
   * No forced collection after it: it leaves little beside the next stage's own garbage, which the
   * collection after that stage takes with it.
   */
  leavesLittle?: (ctx: RunContext) => boolean;
  /** Runs the stage; returns the files it wrote, relative to the output folder. */
  run(ctx: RunContext): Promise<string[]>;
}
