import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../bin/freshness.js';
import { tempDir } from '../helpers.ts';

/** A checkout of a bundle and three sources (one nested), each file at the time given, in seconds. */
function checkout(times: { bundle?: number; sources: [number, number, number] }): string {
  const root = tempDir();
  const files = ['src/a.ts', 'src/deep/er/b.ts', 'pipeline/c.ts'];
  for (const [i, file] of files.entries()) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    utimesSync(join(root, file), times.sources[i] as number, times.sources[i] as number);
  }
  if (times.bundle !== undefined) {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'cli.cjs'), '');
    utimesSync(join(root, 'dist', 'cli.cjs'), times.bundle, times.bundle);
  }
  return root;
}

describe('bundleIsFresh', () => {
  it('trusts a bundle newer than every source', () => {
    expect(bundleIsFresh(checkout({ bundle: 1000, sources: [900, 999, 500] }))).toBe(true);
  });

  it('does not trust a bundle older than any source, however deep, nor one as old', () => {
    expect(bundleIsFresh(checkout({ bundle: 1000, sources: [900, 1001, 500] }))).toBe(false);
    expect(bundleIsFresh(checkout({ bundle: 1000, sources: [900, 999, 1000] }))).toBe(false);
  });

  it('does not trust a missing bundle, nor a checkout without sources', () => {
    expect(bundleIsFresh(checkout({ sources: [900, 999, 500] }))).toBe(false);
    const root = checkout({ bundle: 1000, sources: [900, 999, 500] });
    rmSync(join(root, 'pipeline'), { recursive: true });
    expect(bundleIsFresh(root)).toBe(false);
  });
});
