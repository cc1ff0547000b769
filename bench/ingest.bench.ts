/**
 * `npm run bench`: reading large BACI files, side by side in one run —
 *   - tradebrief's ingest (the bulk reader), first with no extract cache, then with the extract cached;
 *   - a plain csv-parse streaming loop doing the same checks and sums;
 *   - DuckDB's read_csv + GROUP BY for the same sums, when `@duckdb/node-api` can be required (it is
 *     not a dependency: `NODE_PATH=/path/to/node_modules npm run bench` uses an install elsewhere);
 * and the whole CSV → briefing run on a tiny file and on the 4 M-row file.
 *
 * The files are SYNTHETIC, BACI-shaped (bench/syntheticBaci.ts), written once under bench/data
 * (git-ignored, never committed). Each engine runs in its own process, so peak RSS is its own;
 * times are medians of RUNS runs (one run for the slow csv-parse loop).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { EngineResult } from './engine.ts';
import { type SyntheticBaci, writeSyntheticBaci } from './syntheticBaci.ts';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'bench', 'data');
const SIZES = [4_000_000, 16_000_000];
const RUNS = 3;
/** DESIGN.md: pandas did the same extraction on a 300 MB BACI year in 2.9 s (not installed here). */
const PANDAS = { seconds: 2.9, bytes: 300e6 };

const mb = (bytes: number) => bytes / 1e6;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

interface Timed {
  label: string;
  seconds: number;
  peakRssMb: number;
  totals?: Pick<EngineResult, 'exports' | 'imports'>;
}

/** Runs an engine `runs` times, each in a fresh process; undefined when it cannot run (DuckDB absent). */
function timeEngine(
  engine: string,
  dir: string,
  runs: number,
  label: string,
  cache?: string,
): Timed | undefined {
  const results: EngineResult[] = [];
  for (let run = 0; run < runs; run++) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'engine.ts'), engine, dir, ...(cache ? [cache] : [])],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    if (child.status !== 0) {
      if (engine === 'duckdb') return undefined;
      throw new Error(`${engine} failed:\n${child.stderr}`);
    }
    results.push(JSON.parse(child.stdout) as EngineResult);
  }
  const { exports, imports } = results[0] as EngineResult;
  return {
    label,
    seconds: median(results.map((r) => r.seconds)),
    peakRssMb: Math.max(...results.map((r) => r.peakRssMb)),
    totals: { exports, imports },
  };
}

/** `tradebrief run --force` on a folder, timed from outside (Node's start included). */
async function timeBriefing(dir: string, label: string): Promise<Timed> {
  const work = await mkdtemp(join(tmpdir(), 'tradebrief-bench-'));
  const seconds: number[] = [];
  let peakKb = 0;
  try {
    for (let run = 0; run < RUNS; run++) {
      const rssFile = join(work, 'rss');
      const started = performance.now();
      const child = spawnSync(
        process.execPath,
        ['--import', join(ROOT, 'bench', 'peakRss.mjs'), join(ROOT, 'bin', 'tradebrief.js'), 'run'].concat([
          '--inputs',
          dir,
          '--out',
          join(work, 'out'),
          '--reporter',
          'IND',
          '--partner',
          'RUS',
          '--force',
          '-q',
        ]),
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BENCH_PEAK_RSS: rssFile } },
      );
      seconds.push((performance.now() - started) / 1000);
      if (child.status !== 0) throw new Error(`tradebrief run failed:\n${child.stderr}`);
      peakKb = Math.max(peakKb, (JSON.parse(await readFile(rssFile, 'utf8')) as { maxRSS: number }).maxRSS);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { label, seconds: median(seconds), peakRssMb: peakKb / 1024 };
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i] ?? 10)).join('  ');
}

function report(file: SyntheticBaci, timed: Timed[]): void {
  const widths = [34, 9, 9, 13];
  console.log(`\n${file.rows.toLocaleString('en')} rows, ${mb(file.bytes).toFixed(1)} MB  (${file.file})`);
  console.log(row(['engine', 'wall s', 'MB/s', 'peak RSS MB'], widths));
  for (const t of timed) {
    const rate = t.label.startsWith('baseline') ? '' : (mb(file.bytes) / t.seconds).toFixed(0);
    console.log(row([t.label, t.seconds.toFixed(2), rate, t.peakRssMb.toFixed(0)], widths));
  }
  const find = (prefix: string) => timed.find((t) => t.label.startsWith(prefix));
  const ours = find('tradebrief') as Timed;
  const csvParse = find('csv-parse');
  const duckdb = find('DuckDB');
  const pandas = (PANDAS.seconds * file.bytes) / PANDAS.bytes;
  if (csvParse)
    console.log(`  csv-parse loop / tradebrief: ${(csvParse.seconds / ours.seconds).toFixed(1)}× as long`);
  console.log(
    duckdb
      ? `  tradebrief / DuckDB: ${(ours.seconds / duckdb.seconds).toFixed(2)}× DuckDB's time (target: at most 2×)`
      : '  DuckDB: not installed, not compared',
  );
  console.log(
    `  pandas, not measured here (DESIGN.md: 2.9 s per 300 MB, scaled: ${pandas.toFixed(2)} s) / tradebrief: ${(pandas / ours.seconds).toFixed(1)}× (target: at least 2×)`,
  );
  // Every engine must have found the same trade for the pair (DuckDB sums in another order).
  for (const t of timed) {
    if (!t.totals || !ours.totals || t.label.startsWith('baseline')) continue;
    const off =
      Math.abs(t.totals.exports - ours.totals.exports) + Math.abs(t.totals.imports - ours.totals.imports);
    if (off > 1e-6 * (ours.totals.exports + ours.totals.imports))
      console.log(`  MISMATCH: ${t.label} found other totals`);
  }
}

console.log('SYNTHETIC BACI-shaped data (bench/syntheticBaci.ts); not real trade figures.');
console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
);

const files: SyntheticBaci[] = [];
for (const rows of SIZES) files.push(await writeSyntheticBaci(join(DATA, `baci-${rows / 1e6}m`), rows));
for (const file of files) {
  const cache = await mkdtemp(join(tmpdir(), 'tradebrief-extracts-'));
  try {
    const timed = [
      timeEngine('baseline', file.dir, 1, 'baseline (Node + tsx, no work)'),
      timeEngine('tradebrief', file.dir, RUNS, 'tradebrief ingest (bulk reader)'),
      timeEngine('csv-parse', file.dir, 1, 'csv-parse streaming loop'),
      timeEngine('duckdb', file.dir, RUNS, 'DuckDB read_csv + GROUP BY'),
    ];
    // The first run stores the extract; the timed ones find it by the file's hash.
    timeEngine('tradebrief', file.dir, 1, 'fill the cache', cache);
    timed.push(timeEngine('tradebrief', file.dir, RUNS, 'tradebrief ingest, extract cached', cache));
    report(
      file,
      timed.filter((t): t is Timed => t !== undefined),
    );
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
}

/** A tiny year: 1,000 rows among the six countries always present and "Other Asia, nes". */
const tiny = await writeSyntheticBaci(join(DATA, 'baci-tiny'), 1_000, 7);
const [small, large] = [
  await timeBriefing(tiny.dir, 'tiny'),
  await timeBriefing((files[0] as SyntheticBaci).dir, '4 M rows'),
];
console.log('\nCSV → briefing (tradebrief run --force, Node start included)');
for (const t of [small, large])
  console.log(`  ${t.label.padEnd(9)} ${t.seconds.toFixed(2)} s, peak RSS ${t.peakRssMb.toFixed(0)} MB`);
console.log(`  4 M rows take ${(large.seconds - small.seconds).toFixed(2)} s more than a tiny file`);
