import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileHash } from './cache.ts';
import type { RunContext } from './context.ts';
import { sha256 } from './hash.ts';
import { packageVersion } from './packageVersion.ts';
import { VERSION } from './version.ts';

export const MANIFEST = 'manifest.json';

/** Libraries whose version can change an output's bytes (the lock file pins them all). */
export const SHAPING_LIBRARIES = [
  'csv-parse',
  'csv-stringify',
  'vega',
  'vega-lite',
  'pdfkit',
  'svg-to-pdfkit',
  'fontkit',
  '@resvg/resvg-js',
  '@expo-google-fonts/noto-sans',
];

export interface StageRecord {
  key: string;
  outputs: string[];
  /** Extracts of bulk files the stage took from the cache (key and sha256 of the entry), if any. */
  extracts?: { key: string; sha256: string }[];
}

export interface Manifest {
  schema: 'tradebrief/manifest@1';
  tool: { name: string; version: string };
  pair: { reporter: string; partner: string };
  edition: { id: string; vintage: string; previous?: string };
  libraries: Record<string, string>;
  config: { sha256: string };
  inputs: FileHash[];
  stages: Record<string, StageRecord>;
  outputs: (FileHash & { bytes: number })[];
}

export async function readManifest(buildDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(join(buildDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * What a run read and wrote, with hashes: enough to tell an unchanged edition from a new one and to
 * trace a distributed PDF back to its inputs. No clock and no machine paths: same inputs, same bytes.
 */
export async function buildManifest(
  ctx: RunContext,
  parts: {
    edition: Manifest['edition'];
    configHash: string;
    inputs: FileHash[];
    stages: Record<string, StageRecord>;
  },
): Promise<Manifest> {
  const outputs = [];
  for (const file of Object.values(parts.stages)
    .flatMap((s) => s.outputs)
    .sort()) {
    const written = ctx.written?.get(file);
    if (written) outputs.push({ file, sha256: written.sha256, bytes: written.bytes });
    else {
      const data = await readFile(join(ctx.buildDir, file));
      outputs.push({ file, sha256: sha256(data), bytes: data.length });
    }
  }
  const libraries: Record<string, string> = {};
  for (const name of SHAPING_LIBRARIES) libraries[name] = packageVersion(name);
  return {
    schema: 'tradebrief/manifest@1',
    tool: { name: 'tradebrief', version: VERSION },
    pair: { reporter: ctx.config.reporter, partner: ctx.config.partner },
    edition: parts.edition,
    libraries,
    config: { sha256: parts.configHash },
    inputs: parts.inputs,
    stages: parts.stages,
    outputs,
  };
}
