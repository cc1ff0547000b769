#!/usr/bin/env node
// Starts from the bundle in dist/ when it is newer than every source file (npm ci builds it), through
// V8's code cache; otherwise, after an edit, compiles the TypeScript sources on the fly with tsx.
// Never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { requireBundle } from './codeCache.js';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'cli.cjs');

function newestSource() {
  let newest = 0;
  for (const folder of ['src', 'pipeline']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs > newestSource();
  } catch {
    return false;
  }
}

async function loadMain() {
  if (bundleIsFresh()) return requireBundle(bundle).exports;
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
