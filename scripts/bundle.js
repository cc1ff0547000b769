// Bundles the command line into dist/ (run by `npm ci` through "prepare"): starting from plain
// JavaScript saves the TypeScript compile on every start, which a scheduler's no-op run would notice.
// The bundle carries the code versions of the sources it was built from, so no run hashes them again.
//
// dist/cli.cjs is one CommonJS file holding the libraries too, so bin/codeCache.js can start it from
// V8's code cache (Node 20 caches compiled code only for scripts, not ES modules); a batch's partner
// threads start from it too (bin/bundleThread.js). The bulk reader's threads and the batch's read
// process start from ES module entries beside it (dist/rangeWorker.js, dist/batchReadProcess.js).
// dist/light.cjs is `run` up to its first stage, a sixth of the size: a rerun with nothing to do starts
// only that.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';
import { makeWorkedCache, requireBundle } from '../bin/codeCache.js';

register();
const { CODE_FOLDERS, INGEST_CODE_FOLDERS, codeVersion } = await import('../src/core/cache.ts');
const versions = {};
for (const folders of [CODE_FOLDERS, INGEST_CODE_FOLDERS]) versions[folders.join(',')] = await codeVersion(folders);

const DIST = join(import.meta.dirname, '..', 'dist');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define: { __CODE_VERSIONS__: JSON.stringify(versions) },
  logLevel: 'warning',
};

await rm(DIST, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    batchReadProcess: 'src/cli/commands/batchReadProcess.ts',
    rangeWorker: 'src/ingest/bulk/rangeWorker.ts',
  },
  outdir: DIST,
  splitting: true,
  format: 'esm',
  packages: 'external',
});

// What ES modules learn from import.meta, given to the CommonJS bundle: our own modules see the
// bundle's URL (as they do in the ES module build: the workers sit beside it); a library sees its own
// file, since it finds its data (pdfkit's fonts and colour profile) beside itself.
const BANNER = `const __bundleUrl = require('node:url').pathToFileURL(__filename).href;
const __bundleResolve = (name) => {
  const local = require('node:module').createRequire(__filename);
  for (const dir of local.resolve.paths(name) ?? []) {
    const file = require('node:path').join(dir, name, 'package.json');
    if (require('node:fs').existsSync(file)) return require('node:url').pathToFileURL(file).href;
  }
  return require('node:url').pathToFileURL(local.resolve(name)).href;
};`;

const importMeta = {
  name: 'import-meta',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!/import\.meta|__dirname|await import\('canvas'\)/.test(text)) return undefined;
      const loader = path.endsWith('.ts') ? 'ts' : 'js';
      if (!path.includes(`${join('node_modules', '')}`))
        return {
          loader,
          contents: text.replaceAll('import.meta.url', '__bundleUrl').replaceAll('import.meta.resolve(', '__bundleResolve('),
        };
      const file = relative(DIST, path);
      const here = (expression) => `require('node:path').join(__dirname, ${JSON.stringify(expression)})`;
      return {
        loader,
        contents: text
          // vega-canvas looks for the optional node-canvas with a top-level await, which CommonJS cannot hold.
          .replaceAll("await import('canvas')", "require('canvas')")
          .replace(/\b__dirname\b/g, here(dirname(file)))
          .replaceAll('import.meta.url', `require('node:url').pathToFileURL(${here(file)}).href`),
      };
    });
  },
};

// The light start leaves out what only a stage or the delivery loads (all of it behind a dynamic import):
// reaching one from there is a fault of the light start, said as such.
const withoutLoadedLater = {
  name: 'without-loaded-later',
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, ({ kind, path }) =>
      kind === 'dynamic-import' ? { path, namespace: 'loaded-later' } : undefined,
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'loaded-later' }, ({ path }) => ({
      contents: `throw new Error(${JSON.stringify(`the light start cannot load ${path}: it is only in dist/cli.cjs`)});`,
      loader: 'js',
    }));
  },
};

/** One CommonJS file started through V8's code cache (bin/codeCache.js), its cache made. */
async function scriptBundle(entry, file, plugins) {
  const [output] = (
    await build({
      ...common,
      entryPoints: [entry],
      outfile: join(DIST, file),
      format: 'cjs',
      // Only native and optional packages stay outside; a dynamic import becomes a require of the bundled module.
      external: ['@resvg/resvg-js', 'canvas'],
      supported: { 'dynamic-import': false },
      minifyWhitespace: true,
      minifySyntax: true,
      banner: { js: BANNER },
      plugins,
      write: false,
    })
  ).outputFiles;
  // esbuild keeps non-ASCII characters only inside regular expressions (and the String.raw pieces of one),
  // where an escape means the same character; escaped, the whole bundle reads as a one-byte string.
  const ascii = output.text.replace(
    /[^\x00-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  await writeFile(output.path, ascii);
  // The first start then finds the code cache made.
  requireBundle(output.path);
}

await scriptBundle('src/cli/light.ts', 'light.cjs', [withoutLoadedLater, importMeta]);
// Written last: bin/tradebrief.js trusts the bundles only when this one is newer than every source.
await scriptBundle('src/cli/main.ts', 'cli.cjs', [importMeta]);

// `run` starts from a cache made after a briefing of the default inputs, which holds the code a run
// calls (vega, pdfkit, fontkit, the stages) besides what loading calls. Where there are no default
// inputs, or they do not build, `run` uses a cache made at load, as every other command does.
const inputs = join(import.meta.dirname, '..', 'inputs');
if (existsSync(inputs)) {
  const out = await mkdtemp(join(tmpdir(), 'tradebrief-code-cache-'));
  const cli = join(DIST, 'cli.cjs');
  try {
    const made = await makeWorkedCache(cli, `${cli}.run.cache`, async ({ main, recordShapedWords }) => {
      // The words the briefing shapes are kept for later runs to replay (src/core/shapedWords.ts).
      const shapedWords = await recordShapedWords();
      const code = await main(['run', '--force', '--inputs', inputs, '--out', out, '--quiet']);
      if (code !== 0) throw new Error(`the briefing of ${inputs} ended with exit code ${code}`);
      await writeFile(join(DIST, 'shaped-words.txt'), shapedWords());
    });
    if (!made) throw new Error(`${cli}.run.cache could not be written`);
  } catch (error) {
    console.warn(`bundle: no code cache made after a run (${error.message}); run starts from the one made at load`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
  await partnerThreadCache(cli);
}

/**
 * A batch's partner threads start from a cache made after a thread's work (bin/bundleThread.js): a
 * batch of the default pair's partner makes it, after the `run` cache, as the batch sets V8's flags
 * for its threads. Without it, the first batch makes one.
 */
async function partnerThreadCache(cli) {
  const out = await mkdtemp(join(tmpdir(), 'tradebrief-code-cache-'));
  try {
    const { partner } = JSON.parse(await readFile(join(inputs, 'tradebrief.config.json'), 'utf8'));
    const { main } = requireBundle(cli).exports;
    const code = await main(['batch', '--inputs', inputs, '--partners', partner, '--out', out, '--quiet']);
    if (code !== 0) throw new Error(`the batch of ${inputs} ended with exit code ${code}`);
    if (!existsSync(`${cli}.partnerThread.cache`)) throw new Error(`${cli}.partnerThread.cache was not written`);
  } catch (error) {
    console.warn(`bundle: no code cache made for the batch's threads (${error.message}); the first batch makes it`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
