import { loadJson, saveJson, toStageJson } from '../src/core/context.ts';
import type { Stage } from '../src/core/stage.ts';
import type { IngestResult } from '../src/ingest/records.ts';
import { runAlone } from './alone.ts';
import { INGESTED, NORMALISED } from './files.ts';

export const normaliseStage: Stage = {
  name: 'normalise',
  summary: 'convert to USD, label fiscal and calendar years, bring products to HS chapters and sectors',
  reads: [INGESTED],
  config: ['reporter', 'partner', 'sectors', 'sourcePriority', 'notes'],
  async run(ctx) {
    // Load.
    const ingested = await loadJson<IngestResult>(ctx, INGESTED);
    // Process.
    const { normalise } = await import('../src/normalise/normalise.ts');
    const table = normalise(ingested, ctx.config);
    // Save.
    await saveJson(ctx, NORMALISED, table, toStageJson(table));
    return [NORMALISED];
  },
};

// Not awaited: the stage command imports this module again, which must finish evaluating first.
void runAlone(import.meta.url, normaliseStage);
