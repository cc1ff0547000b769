// Bundles the command line into dist/ (run by `npm ci` through "prepare"): starting from plain
// JavaScript saves the TypeScript compile on every start, which a scheduler's no-op run would notice.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli/main.ts', batchWorker: 'src/cli/commands/batchWorker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
