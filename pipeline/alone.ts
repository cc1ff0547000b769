import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Stage } from '../src/core/stage.ts';

/**
 * Lets a stage script run on its own (`npx tsx pipeline/3-indicators.ts --out outputs`): when it is the
 * entry point, it runs as `tradebrief stage <name>` with the same options; when imported, it does nothing.
 */
export async function runAlone(moduleUrl: string, stage: Stage): Promise<void> {
  const entry = process.argv[1];
  if (!entry || pathToFileURL(resolve(entry)).href !== moduleUrl) return;
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(['stage', stage.name, ...process.argv.slice(2)]);
}
