import { readFile } from 'node:fs/promises';
import { saveJson, toStageJson } from '../src/core/context.ts';
import { inputMessages as m } from '../src/core/messages.ts';
import type { Stage } from '../src/core/stage.ts';
import { extractCacheDir } from '../src/ingest/bulk/extractCache.ts';
import { runAlone } from './alone.ts';
import { INGESTED } from './files.ts';

export const ingestStage: Stage = {
  name: 'ingest',
  summary: 'detect each input file’s format, parse and validate it, map it to canonical records',
  reads: [],
  readsInputs: true,
  config: ['reporter', 'partner'],
  // A batch partner's share is read into what the next stage reads: its collection freed about 2 MB
  // for some 30 ms, and a batch of 20 took 0.2–0.9 s longer with it (README, The batch).
  leavesLittle: (ctx) => ctx.sharedIngest !== undefined,
  async run(ctx) {
    // In a batch the inputs were read once for every partner: take that result.
    if (ctx.sharedIngest) {
      const share = await readFile(ctx.sharedIngest.path);
      await saveJson(ctx, INGESTED, JSON.parse(share.toString('utf8')), share);
      return [INGESTED];
    }
    // Load and process: every CSV in the inputs folder, for the configured pair.
    const { ingest } = await import('../src/ingest/ingest.ts');
    const { reporter, partner } = ctx.config;
    const result = await ingest(ctx.inputsDir, {
      focus: { reporter, partners: [partner] },
      extractCache: extractCacheDir(ctx.outDir),
      onSkipped: ({ file, reason }) =>
        ctx.log.log('warn', 'input-skipped', m.skippedInput(file, reason), { file }),
    });
    // Save.
    await saveJson(ctx, INGESTED, result, toStageJson(result));
    return [INGESTED];
  },
};

// Not awaited: the stage command imports this module again, which must finish evaluating first.
void runAlone(import.meta.url, ingestStage);
