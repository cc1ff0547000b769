import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadJson, save, saveJson, toJson } from '../src/core/context.ts';
import type { Stage } from '../src/core/stage.ts';
import type { IndicatorSet } from '../src/indicators/types.ts';
import type { NormalisedTable } from '../src/normalise/table.ts';
import { runAlone } from './alone.ts';
import { CHANGES, INDICATORS, NORMALISED } from './files.ts';

export const indicatorsStage: Stage = {
  name: 'indicators',
  summary: 'compute every indicator from the normalised table and compare with the previous edition',
  reads: [NORMALISED],
  readsPreviousEdition: true,
  config: [
    'reporter',
    'partner',
    'title',
    'subtitle',
    'organisation',
    'names',
    'sectors',
    'scenarios',
    'notes',
    'tables',
  ],
  async run(ctx) {
    // Load: this run's table and, when there is one, the previous edition's indicators.
    const table = await loadJson<NormalisedTable>(ctx, NORMALISED);
    const edition = ctx.previousEdition;
    const previous = edition
      ? (JSON.parse(await readFile(join(ctx.outDir, edition.dir, INDICATORS), 'utf8')) as IndicatorSet)
      : undefined;
    // Process.
    const { computeIndicators } = await import('../src/indicators/compute.ts');
    const { compareEditions } = await import('../src/changes/compare.ts');
    const { buildTables } = await import('../src/tables/build.ts');
    const { keptInJson } = await import('../src/indicators/keptInJson.ts');
    const set = computeIndicators(table, ctx.config);
    // The tables hold every row; indicators.json, and so the editions compared, what later stages read.
    const kept = keptInJson(set);
    const changes = compareEditions(previous, kept, edition);
    const tables = buildTables(set, { bom: ctx.config.tables.bom });
    // Save.
    await saveJson(ctx, INDICATORS, kept, toJson(kept));
    await saveJson(ctx, CHANGES, changes, toJson(changes));
    for (const t of tables) await save(ctx, t.file, t.csv);
    return [INDICATORS, CHANGES, ...tables.map((t) => t.file)];
  },
};

// Not awaited: the stage command imports this module again, which must finish evaluating first.
void runAlone(import.meta.url, indicatorsStage);
