#!/usr/bin/env node
// Starts from the bundles in dist/ when they are newer than every source file (npm ci builds them),
// through V8's code cache; otherwise, after an edit, compiles the TypeScript sources on the fly with tsx.
// Never runs stale code. `run` is first tried from the light bundle, which ends a run with nothing to do
// without loading the stages' libraries; anything else starts the whole command line. CommonJS (see
// bin/package.json): Node starts a script sooner than an ES module.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { requireBundle } = require('./codeCache.js');
const { bundleIsFresh } = require('./freshness.js');

const root = join(__dirname, '..');
const bundle = join(root, 'dist', 'cli.cjs');
const lightBundle = join(root, 'dist', 'light.cjs');

async function loadMain(fresh, argv) {
  // `run` has a code cache of its own, made after a run (scripts/bundle.js): larger, but worth it there.
  if (fresh) return requireBundle(bundle, argv[0] === 'run' ? `${bundle}.run.cache` : undefined).exports;
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

/** The exit code of a run the light bundle finished; undefined when the whole command line must run. */
async function lightStart(argv, fresh) {
  if (!fresh || argv[0] !== 'run' || !existsSync(lightBundle)) return undefined;
  // It would stop at once for these, having loaded itself for nothing.
  if (argv.includes('--force') || argv.includes('--publish')) return undefined;
  let light;
  try {
    light = requireBundle(lightBundle).exports;
  } catch {
    // A light bundle that cannot be loaded only loses the saving.
    return undefined;
  }
  return light.runIfUpToDate(argv);
}

async function start(argv) {
  const fresh = bundleIsFresh(root);
  return (await lightStart(argv, fresh)) ?? (await (await loadMain(fresh, argv)).main(argv));
}

start(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
