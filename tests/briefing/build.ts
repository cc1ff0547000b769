import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assembleBriefing } from '../../src/briefing/assemble.ts';
import { type Changes, compareEditions } from '../../src/changes/compare.ts';
import { buildCharts, type RenderedChart } from '../../src/charts/build.ts';
import { loadConfig, parseConfig } from '../../src/config/load.ts';
import type { Config } from '../../src/config/schema.ts';
import { computeIndicators } from '../../src/indicators/compute.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { ROOT, tempDir } from '../helpers.ts';

/** The date every test briefing carries: the end of FY2025-26, as the runner would give it. */
export const DATE = new Date('2026-03-31T00:00:00Z');

async function indicatorsFor(dir: string, config: Config): Promise<IndicatorSet> {
  const ingested = await ingest(dir, { focus: { reporter: config.reporter, partners: [config.partner] } });
  return computeIndicators(normalise(ingested, config), config);
}

/** The default India–Russia indicators, computed in-process from inputs/ (no runner, no outputs/). */
export async function defaultSet(): Promise<IndicatorSet> {
  return indicatorsFor(
    join(ROOT, 'inputs'),
    await loadConfig(join(ROOT, 'inputs/tradebrief.config.json'), 'config'),
  );
}

/** Indicators for another pair, from a test fixture folder and a minimal config. */
export async function setFor(fixture: string, config: Record<string, unknown>): Promise<IndicatorSet> {
  return setFrom(join(ROOT, 'tests/fixtures', fixture), config);
}

/** Indicators for a pair from any folder (one a test wrote) and a minimal config. */
export async function setFrom(dir: string, config: Record<string, unknown>): Promise<IndicatorSet> {
  return indicatorsFor(dir, parseConfig(config, 'test config'));
}

export interface Built {
  file: string;
  bytes: Buffer;
  charts: RenderedChart[];
}

/** The briefing PDF of an indicator set (a first edition unless `changes` says otherwise), written to a temporary file for the poppler and qpdf tools. */
export async function buildBriefing(set: IndicatorSet, logo?: Uint8Array, changes?: Changes): Promise<Built> {
  const charts = await buildCharts(set);
  const bytes = await assembleBriefing({
    set,
    charts,
    changes: changes ?? compareEditions(undefined, set),
    date: DATE,
    logo,
  });
  const file = join(tempDir('tradebrief-briefing-'), 'briefing.pdf');
  writeFileSync(file, bytes);
  return { file, bytes, charts };
}
