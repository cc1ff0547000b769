import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers.ts';

/** An install of bin/ beside a dist/cli.cjs of our own, whose export `work` says so and settles with `worked`. */
function install(worked: boolean): string {
  const root = tempDir();
  mkdirSync(join(root, 'bin'));
  mkdirSync(join(root, 'dist'));
  for (const file of ['bundleThread.js', 'codeCache.js', 'package.json'])
    copyFileSync(join(ROOT, 'bin', file), join(root, 'bin', file));
  writeFileSync(
    join(root, 'dist', 'cli.cjs'),
    `'use strict';
exports.work = async function work() {
  require('node:worker_threads').parentPort.postMessage('working');
  return ${worked};
};\n`,
  );
  return root;
}

/** bin/bundleThread.js on a worker thread of a fresh Node, running `name`: what the thread said, or its error. */
function runThread(root: string, name: string): { said?: string; error?: string } {
  const code = `import { Worker } from 'node:worker_threads';
const worker = new Worker(${JSON.stringify(join(root, 'bin', 'bundleThread.js'))}, { argv: [${JSON.stringify(name)}], execArgv: [] });
let said;
worker.on('message', (m) => { said = m; });
worker.on('error', (e) => console.log(JSON.stringify({ error: e.message })));
worker.on('exit', () => { if (said) console.log(JSON.stringify({ said })); });`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout);
}

describe("a batch's partner thread started from the bundle (bin/bundleThread.js)", () => {
  it('runs the export its argument names, and keeps a code cache once the thread has worked', () => {
    const root = install(true);
    expect(runThread(root, 'work')).toEqual({ said: 'working' });
    expect(existsSync(join(root, 'dist', 'cli.cjs.work.cache'))).toBe(true);
  });

  it('keeps none after a thread that had nothing to build', () => {
    const root = install(false);
    expect(runThread(root, 'work')).toEqual({ said: 'working' });
    expect(existsSync(join(root, 'dist', 'cli.cjs.work.cache'))).toBe(false);
  });

  it('names the bundle and the thread when the bundle has no such export', () => {
    const root = install(true);
    expect(runThread(root, 'nothing')).toEqual({
      error: `${join(root, 'dist', 'cli.cjs')} has no thread named nothing`,
    });
  });
});
