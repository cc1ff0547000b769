import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';

const LOADER = join(ROOT, 'bin', 'codeCache.js');

/**
 * Loads `file` through the code cache in a fresh Node, as bin/tradebrief.js does (through `cacheFile`
 * when given): what it exported and what became of the cache.
 */
function load(file: string, cacheFile?: string): { cache: string; value: number; twice: number } {
  const code = `import { requireBundle } from ${JSON.stringify(LOADER)};
const { exports, cache } = requireBundle(${JSON.stringify(file)}${cacheFile ? `, ${JSON.stringify(cacheFile)}` : ''});
console.log(JSON.stringify({ cache, value: exports.value, twice: exports.twice(21) }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

/** makeWorkedCache in a fresh Node, the work given as the body of a function of the exports. */
function makeWorked(file: string, cacheFile: string, work: string): { made?: boolean; error?: string } {
  const code = `import { makeWorkedCache } from ${JSON.stringify(LOADER)};
makeWorkedCache(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)}, async (exports) => { ${work} }).then(
  (made) => console.log(JSON.stringify({ made })),
  (error) => console.log(JSON.stringify({ error: error.message })),
);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

const bundle = (value: number, padding = '') =>
  `'use strict';${padding}\nexports.value = ${value};\nexports.twice = function twice(n) { return n * 2; };\n`;

describe('the code cache of the bundle', () => {
  it('is made on the first start and used on the next', () => {
    const file = join(tempDir(), 'cli.cjs');
    writeFileSync(file, bundle(41));
    expect(load(file)).toEqual({ cache: 'made', value: 41, twice: 42 });
    const made = readFileSync(`${file}.cache`);
    expect(load(file)).toEqual({ cache: 'used', value: 41, twice: 42 });
    expect(readFileSync(`${file}.cache`).equals(made)).toBe(true);
  });

  it('is not used for a bundle of the same length with other code, which V8 alone would accept', () => {
    const file = join(tempDir(), 'cli.cjs');
    writeFileSync(file, bundle(41));
    load(file);
    writeFileSync(file, bundle(43));
    expect(load(file)).toEqual({ cache: 'made', value: 43, twice: 42 });
    expect(load(file).cache).toBe('used');
  });

  it('is ignored and made again when a byte of it is damaged', () => {
    const file = join(tempDir(), 'cli.cjs');
    writeFileSync(file, bundle(41));
    load(file);
    const damaged = readFileSync(`${file}.cache`);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] as number) ^ 0xff;
    writeFileSync(`${file}.cache`, damaged);
    expect(load(file)).toEqual({ cache: 'made', value: 41, twice: 42 });
    expect(load(file).cache).toBe('used');
  });

  it('only costs the saving where it cannot be written', () => {
    const file = join(tempDir(), 'cli.cjs');
    writeFileSync(file, bundle(41));
    // A folder where the cache file would go: it can be neither read nor replaced.
    mkdirSync(`${file}.cache`);
    expect(load(file)).toEqual({ cache: 'unwritable', value: 41, twice: 42 });
    expect(readdirSync(dirname(file)).sort()).toEqual(['cli.cjs', 'cli.cjs.cache']);
  });

  it('is made again when V8 refuses cached data made from other code', () => {
    const dir = tempDir();
    const [first, second] = [join(dir, 'a.cjs'), join(dir, 'b.cjs')];
    writeFileSync(first, bundle(41));
    writeFileSync(second, bundle(41, ' '.repeat(100)));
    load(first);
    load(second);
    // The second bundle's key, with a checksum that fits, over the first bundle's compiled code.
    const header = (cache: Buffer) => {
      let end = -1;
      for (let line = 0; line < 3; line++) end = cache.indexOf('\n', end + 1);
      return end + 1;
    };
    const theirs = readFileSync(`${first}.cache`);
    const ours = readFileSync(`${second}.cache`);
    const data = theirs.subarray(header(theirs));
    const key = ours.subarray(0, header(ours) - 65);
    const sum = createHash('sha256').update(data).digest('hex');
    writeFileSync(`${second}.cache`, Buffer.concat([key, Buffer.from(`${sum}\n`), data]));
    expect(load(second)).toEqual({ cache: 'made', value: 41, twice: 42 });
    expect(load(second).cache).toBe('used');
  });

  it('made after work, holds the functions the work called, and is used', () => {
    const dir = tempDir();
    const file = join(dir, 'cli.cjs');
    // A function V8 compiles only when it is first called, large enough to show in the cache's size.
    const body = Array.from({ length: 200 }, (_, i) => `  total += (n * ${i}) % 7;`).join('\n');
    writeFileSync(
      file,
      `${bundle(41)}exports.work = function work(n) {\n  let total = 0;\n${body}\n  return total;\n};\n`,
    );
    load(file);
    expect(makeWorked(file, join(dir, 'cli.cjs.run.cache'), 'exports.work(3);')).toEqual({ made: true });
    const atLoad = readFileSync(`${file}.cache`);
    const worked = readFileSync(join(dir, 'cli.cjs.run.cache'));
    expect(worked.length).toBeGreaterThan(atLoad.length + 1000);
    expect(load(file, join(dir, 'cli.cjs.run.cache'))).toEqual({ cache: 'used', value: 41, twice: 42 });
    expect(readFileSync(join(dir, 'cli.cjs.run.cache')).equals(worked)).toBe(true);
    expect(readFileSync(`${file}.cache`).equals(atLoad)).toBe(true);
  });

  it('is not written when the work fails, and is then made at load like the other', () => {
    const dir = tempDir();
    const file = join(dir, 'cli.cjs');
    writeFileSync(file, bundle(41));
    expect(makeWorked(file, join(dir, 'cli.cjs.run.cache'), "throw new Error('no briefing');")).toEqual({
      error: 'no briefing',
    });
    expect(readdirSync(dir)).toEqual(['cli.cjs']);
    expect(load(file, join(dir, 'cli.cjs.run.cache'))).toEqual({ cache: 'made', value: 41, twice: 42 });
    expect(readdirSync(dir).sort()).toEqual(['cli.cjs', 'cli.cjs.run.cache']);
  });
});

/**
 * requireBundleForThread on a worker thread of a fresh Node whose V8 flags are `flags` (set as a batch
 * sets them, on the running process): the thread calls exports.work(3), then keeps the cache.
 */
function loadOnThread(file: string, cacheFile: string, flags: string): { cache: string; total: number } {
  const thread = `const { parentPort } = require('node:worker_threads');
const { requireBundleForThread } = require(${JSON.stringify(LOADER)});
const { exports, keep } = requireBundleForThread(${JSON.stringify(file)}, ${JSON.stringify(cacheFile)});
const total = exports.work(3);
parentPort.postMessage({ cache: keep(), total });`;
  const code = `import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
v8.setFlagsFromString(${JSON.stringify(flags)});
new Worker(${JSON.stringify(thread)}, { eval: true, execArgv: [] }).on('message', (m) => console.log(JSON.stringify(m)));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe("the code cache of a batch's partner threads", () => {
  const PARTNER_FLAGS = `--interrupt-budget=${64 * 67_584}`;
  /** A bundle whose work() V8 compiles only when first called; the sum of (3 × i) mod 7, i < 200. */
  function workBundle(): string {
    const file = join(tempDir(), 'cli.cjs');
    const body = Array.from({ length: 200 }, (_, i) => `  total += (n * ${i}) % 7;`).join('\n');
    writeFileSync(
      file,
      `${bundle(41)}exports.work = function work(n) {\n  let total = 0;\n${body}\n  return total;\n};\n`,
    );
    return file;
  }
  const total = Array.from({ length: 200 }, (_, i) => (3 * i) % 7).reduce((a, b) => a + b, 0);

  it('is made after the thread has worked, holds what the work called, and is used by the next', () => {
    const file = workBundle();
    const cacheFile = `${file}.partnerThread.cache`;
    expect(loadOnThread(file, cacheFile, PARTNER_FLAGS)).toEqual({ cache: 'made', total });
    const worked = readFileSync(cacheFile);
    load(file);
    expect(worked.length).toBeGreaterThan(readFileSync(`${file}.cache`).length + 1000);
    expect(loadOnThread(file, cacheFile, PARTNER_FLAGS)).toEqual({ cache: 'used', total });
    expect(readFileSync(cacheFile).equals(worked)).toBe(true);
    expect(readdirSync(dirname(file)).sort()).toEqual([
      'cli.cjs',
      'cli.cjs.cache',
      'cli.cjs.partnerThread.cache',
    ]);
  });

  it('carries the flags the process ran under, sets none, and is made again under others', () => {
    const file = workBundle();
    const cacheFile = `${file}.partnerThread.cache`;
    loadOnThread(file, cacheFile, PARTNER_FLAGS);
    // The flags of a start from the bundle (bin/codeCache.js): V8 refuses the partners' cache there.
    const startFlags = `--expose-gc --interrupt-budget=${8 * 67_584}`;
    expect(loadOnThread(file, cacheFile, startFlags)).toEqual({ cache: 'made', total });
    expect(loadOnThread(file, cacheFile, startFlags)).toEqual({ cache: 'used', total });
    expect(loadOnThread(file, cacheFile, PARTNER_FLAGS)).toEqual({ cache: 'made', total });
  });

  it('is made again when damaged, and only costs the saving where it cannot be written', () => {
    const file = workBundle();
    const cacheFile = `${file}.partnerThread.cache`;
    loadOnThread(file, cacheFile, PARTNER_FLAGS);
    const damaged = readFileSync(cacheFile);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] as number) ^ 0xff;
    writeFileSync(cacheFile, damaged);
    expect(loadOnThread(file, cacheFile, PARTNER_FLAGS)).toEqual({ cache: 'made', total });
    const other = workBundle();
    mkdirSync(`${other}.partnerThread.cache`);
    expect(loadOnThread(other, `${other}.partnerThread.cache`, PARTNER_FLAGS)).toEqual({
      cache: 'unwritable',
      total,
    });
    expect(readdirSync(dirname(other)).sort()).toEqual(['cli.cjs', 'cli.cjs.partnerThread.cache']);
  });
});
