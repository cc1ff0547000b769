#!/usr/bin/env node
// Starts from the bundle in dist/ when it is newer than every source file (npm ci builds it);
// otherwise, after an edit, compiles the TypeScript sources on the fly with tsx. Never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

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
    return statSync(join(root, 'dist', 'cli.js')).mtimeMs > newestSource();
  } catch {
    return false;
  }
}

async function loadMain() {
  if (bundleIsFresh()) return import('../dist/cli.js');
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
