import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

const STAGES = ['ingest', 'normalise', 'indicators', 'charts', 'briefing'];

/** Every file of the current build but the manifest (whose stage records differ), by path. */
function outputs(out: string): Map<string, Buffer> {
  const build = join(out, '.current');
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(build, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'manifest.json') continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(build, path), readFileSync(path));
  }
  return files;
}

// Within a run a stage takes the values the stages before it wrote instead of parsing their files
// again. A stage run on its own reads the files: both must give the same bytes.
describe('a run hands its stages the values they would read from the files', () => {
  it.each([
    ['the default inputs', []],
    ['a BACI folder', ['--inputs', join(ROOT, 'tests/fixtures/ingest/baci'), '--partner', 'USA']],
    [
      'a Comtrade Plus download with World rows',
      ['--inputs', join(ROOT, 'tests/fixtures/ingest/comtrade-plus-world-hs6'), '--partner', 'RUS'],
    ],
  ])('%s: the same outputs as its stages run one by one', (_, inputs) => {
    const pair = ['--reporter', 'IND', ...inputs];
    const whole = tempDir();
    expect(tradebrief(['run', ...pair, '--out', whole, '-q']).status).toBe(0);
    const staged = tempDir();
    for (const stage of STAGES)
      expect(tradebrief(['stage', stage, ...pair, '--out', staged, '-q']).status).toBe(0);
    const a = outputs(whole);
    const b = outputs(staged);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(20);
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file) ?? Buffer.alloc(0)), file).toBe(true);
  });
});
