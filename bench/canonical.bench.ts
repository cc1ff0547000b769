/**
 * `npm run bench:canonical`: a 2-million-row SYNTHETIC canonical CSV holding every pair of 30 countries
 * (bench/syntheticCanonical.ts), through `tradebrief run` for India–Russia: wall time, peak RSS (target:
 * 400 MB at most) and the size of stages/ingest.json. Not a timed test: a measurement to read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCanonical } from './syntheticCanonical.ts';

const ROOT = join(import.meta.dirname, '..');
const PEAK_RSS_LIMIT_MB = 400;

const data = await writeSyntheticCanonical(join(ROOT, 'bench', 'data', 'canonical-2m'), 30, 56);
console.log(
  `SYNTHETIC canonical CSV: ${data.rows.toLocaleString('en')} rows, ${(data.bytes / 1e6).toFixed(0)} MB (${data.file})`,
);
const work = mkdtempSync(join(tmpdir(), 'tradebrief-bench-canonical-'));
try {
  const usage = join(work, 'usage.json');
  const out = join(work, 'out');
  const args = ['run', '--inputs', data.dir, '--out', out, '--reporter', 'IND', '--partner', 'RUS', '-q'];
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', join(ROOT, 'bench', 'peakRss.mjs'), join(ROOT, 'bin', 'tradebrief.js'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_PEAK_RSS: usage, TZ: 'UTC' } },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0)
    throw new Error(`tradebrief ${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
  const { maxRSS } = JSON.parse(readFileSync(usage, 'utf8')) as { maxRSS: number };
  const peakMb = maxRSS / 1024;
  const stage = statSync(join(out, 'stages', 'ingest.json')).size;
  console.log(`tradebrief run, India–Russia: ${seconds.toFixed(1)} s wall`);
  console.log(
    `peak RSS ${peakMb.toFixed(0)} MB (limit ${PEAK_RSS_LIMIT_MB} MB: ${peakMb <= PEAK_RSS_LIMIT_MB ? 'met' : 'missed'})`,
  );
  console.log(`stages/ingest.json ${(stage / 1e6).toFixed(1)} MB`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
