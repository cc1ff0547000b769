// Bundles the command line into dist/ (run by `npm ci` through "prepare"): starting from plain
// JavaScript saves the TypeScript compile on every start, which a scheduler's no-op run would notice.
// The bundle carries the code versions of the sources it was built from, so no run hashes them again.
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';

register();
const { CODE_FOLDERS, INGEST_CODE_FOLDERS, codeVersion } = await import('../src/core/cache.ts');
const versions = {};
for (const folders of [CODE_FOLDERS, INGEST_CODE_FOLDERS]) versions[folders.join(',')] = await codeVersion(folders);

await build({
  entryPoints: {
    cli: 'src/cli/main.ts',
    batchWorker: 'src/cli/commands/batchWorker.ts',
    rangeWorker: 'src/ingest/bulk/rangeWorker.ts',
  },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { __CODE_VERSIONS__: JSON.stringify(versions) },
  logLevel: 'warning',
});
