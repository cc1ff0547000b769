/**
 * `npm run bench`: the speed targets, each measured side by side in one interleaved loop —
 *   1. the default briefing, cold (`run --force` into a new --out) and a no-op rerun;
 *   2. `batch` of 20 partners from one SYNTHETIC BACI-shaped year of ~3.5 M rows: wall, peak RSS, CPU/wall;
 *   3. the bulk ingest of that year against DuckDB's read_csv + the same aggregation (by chapter and by
 *      HS4 heading; its time for the chapters alone is printed beside it), when
 *      `@duckdb/node-api` can be required (not a dependency: `NODE_PATH=… npm run bench`); and
 *      `validate` of that year from the command line (the bundle, with Node's start), for its CPU/wall.
 * With BENCH_BASELINE=/path/to/another/checkout (its `npm ci` done), the same commands of that checkout
 * run in the same rounds, and the ratios between the two are printed. Rounds rotate the order of the
 * commands so that neither side always runs on a warmer machine. Medians of BENCH_ROUNDS (default 5).
 * CPU time (user + system, from the process's own rusage) is printed beside the wall time: on a machine
 * shared with other work it moves far less than the wall time. BENCH_BRIEFING_ONLY=1 measures only the
 * default briefing's rows (and `--help`, Node's start and the bundle's), without the BACI year.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleIsFresh } from '../bin/freshness.js';
import type { EngineResult } from './engine.ts';
import { writeSyntheticBaci } from './syntheticBaci.ts';

const ROOT = join(import.meta.dirname, '..');
const BASELINE = process.env.BENCH_BASELINE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const BATCH_ROWS = 3_500_000;
const BATCH_PARTNERS = 20;
const BRIEFING_ONLY = process.env.BENCH_BRIEFING_ONLY === '1';
/**
 * The environment the commands run in. Node 20 reads the certificates NODE_EXTRA_CA_CERTS names at every
 * start, before any of our code (about 45 ms for a system bundle of 144); none of the timed commands makes
 * a TLS connection, so they run without it, and the header says when it was set.
 */
const { NODE_EXTRA_CA_CERTS: extraCaCerts, ...ENV } = process.env;
/** DuckDB making the bulk reader's sums, by chapter and by HS4 heading: the bulk target's reference. */
const DUCKDB = 'DuckDB read_csv + the same GROUP BY';

interface Sample {
  seconds: number;
  peakRssMb: number;
  cpuSeconds: number;
}

interface Command {
  label: string;
  /** Runs once, measured from outside; undefined when it cannot run here. */
  run(): Sample | undefined;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** One process of `node [--import peakRss] args`, timed from outside, with its peak RSS and CPU time. */
function measure(args: string[], cwd: string): Sample {
  const work = mkdtempSync(join(tmpdir(), 'tradebrief-bench-'));
  try {
    const usage = join(work, 'usage.json');
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--import', join(ROOT, 'bench', 'peakRss.mjs'), ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...ENV, BENCH_PEAK_RSS: usage, TZ: 'UTC' },
      maxBuffer: 64 << 20,
    });
    const seconds = (performance.now() - started) / 1000;
    if (child.status !== 0) throw new Error(`${args.join(' ')} failed (${child.status}):\n${child.stderr}`);
    const { maxRSS, userCPUTime, systemCPUTime } = JSON.parse(readFileSync(usage, 'utf8')) as Record<
      string,
      number
    >;
    return {
      seconds,
      peakRssMb: (maxRSS ?? 0) / 1024,
      cpuSeconds: ((userCPUTime ?? 0) + (systemCPUTime ?? 0)) / 1e6,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The commands of one checkout: start-up, cold default briefing, no-op rerun, batch of 20, bulk ingest. */
function commandsOf(root: string, name: string, baci?: { dir: string; partners: string[] }): Command[] {
  const bin = join(root, 'bin', 'tradebrief.js');
  const noopOut = mkdtempSync(join(tmpdir(), `tradebrief-noop-${name}-`));
  measure([bin, 'run', '--out', noopOut, '-q'], root);
  const briefing: Command[] = [
    { label: `${name}: --help (start-up)`, run: () => measure([bin, '--help'], root) },
    {
      label: `${name}: default briefing, cold`,
      run: () => {
        const out = mkdtempSync(join(tmpdir(), `tradebrief-cold-${name}-`));
        try {
          return measure([bin, 'run', '--force', '--out', out, '-q'], root);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
    },
    {
      label: `${name}: default briefing, no-op rerun`,
      run: () => measure([bin, 'run', '--out', noopOut, '-q'], root),
    },
  ];
  if (!baci) return briefing;
  const { dir: baciDir, partners } = baci;
  return [
    ...briefing,
    {
      label: `${name}: batch of ${partners.length} partners`,
      run: () => {
        const out = mkdtempSync(join(tmpdir(), `tradebrief-batch-${name}-`));
        try {
          const args = [
            'batch',
            '--inputs',
            baciDir,
            '--reporter',
            'IND',
            '--partners',
            partners.join(','),
            '--out',
            out,
            '-q',
          ];
          return measure([bin, ...args], root);
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
    },
    { label: `${name}: bulk ingest`, run: () => engine(root, 'tradebrief', baciDir) },
    {
      // The bulk read as installed (the bundle, its workers included), Node's start and the report with it.
      label: `${name}: validate the BACI year`,
      run: () =>
        measure([bin, 'validate', '--inputs', baciDir, '--reporter', 'IND', '--partner', 'RUS', '-q'], root),
    },
  ];
}

/** bench/engine.ts of a checkout: the extraction alone, timed inside its process. */
function engine(root: string, which: string, dir: string): Sample | undefined {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'bench', 'engine.ts'), which, dir],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) {
    if (which.startsWith('duckdb')) return undefined;
    throw new Error(`${which} failed:\n${child.stderr}`);
  }
  const result = JSON.parse(child.stdout) as EngineResult;
  return { seconds: result.seconds, peakRssMb: result.peakRssMb, cpuSeconds: Number.NaN };
}

/** Twenty partners of the synthetic world, in a stable order (its country codes, India left out). */
function partnersOf(dir: string): string[] {
  const codes = readFileSync(join(dir, 'country_codes_V202401.csv'), 'utf8').trim().split('\n').slice(1);
  return codes
    .map((line) => line.split(',').at(-1) ?? '')
    .filter((iso3) => /^[A-Z]{3}$/.test(iso3) && iso3 !== 'IND')
    .slice(0, BATCH_PARTNERS);
}

// A checkout whose bundle is older than its sources runs them through tsx: its timings would mislead.
for (const root of [ROOT, ...(BASELINE ? [BASELINE] : [])]) {
  if (bundleIsFresh(root)) continue;
  console.error(
    `${root}: dist/cli.cjs is missing or older than its sources, so bin/ would run the sources through tsx. Run \`node scripts/bundle.js\` (or npm ci) there first.`,
  );
  process.exit(2);
}
console.log(
  'Speed targets. SYNTHETIC BACI-shaped data for the batch and bulk rows (bench/syntheticBaci.ts).',
);
console.log(
  `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${ROUNDS} interleaved rounds, medians`,
);
if (extraCaCerts)
  console.log(
    `NODE_EXTRA_CA_CERTS is set here (${extraCaCerts}): the commands run without it, as Node would read it at every start.`,
  );
const baci = BRIEFING_ONLY
  ? undefined
  : await writeSyntheticBaci(join(ROOT, 'bench', 'data', 'baci-3.5m'), BATCH_ROWS);
const year = baci && { dir: baci.dir, partners: partnersOf(baci.dir) };
const commands = [
  // Node's own start, the floor under every command.
  { label: 'Node alone (-e 0, as timed here)', run: () => measure(['-e', '0'], ROOT) },
  ...commandsOf(ROOT, 'this', year),
  ...(BASELINE ? commandsOf(BASELINE, 'baseline', year) : []),
  ...(baci
    ? [
        { label: DUCKDB, run: () => engine(ROOT, 'duckdb', baci.dir) },
        { label: 'DuckDB, by chapter only', run: () => engine(ROOT, 'duckdb-chapters', baci.dir) },
      ]
    : []),
];
const samples = new Map<string, Sample[]>(commands.map((c) => [c.label, []]));
for (let round = 0; round < ROUNDS; round++) {
  const order = commands.map((_, i) => commands[(i + round) % commands.length] as Command);
  for (const command of order) {
    const sample = command.run();
    if (sample) samples.get(command.label)?.push(sample);
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS} done\n`);
}

const med = (label: string, key: keyof Sample) => {
  const list = samples.get(label) ?? [];
  return list.length ? median(list.map((s) => s[key])) : undefined;
};
console.log(
  `\n${'measured'.padEnd(44)}${'wall s'.padStart(8)}${'CPU s'.padStart(8)}${'peak MB'.padStart(9)}${'CPU/wall'.padStart(10)}`,
);
for (const { label } of commands) {
  const wall = med(label, 'seconds');
  if (wall === undefined) {
    console.log(`${label.padEnd(44)}  not measured (not installed)`);
    continue;
  }
  const cpu = med(label, 'cpuSeconds');
  const known = cpu !== undefined && !Number.isNaN(cpu);
  const ratio = known ? (cpu / wall).toFixed(2) : '';
  console.log(
    `${label.padEnd(44)}${wall.toFixed(2).padStart(8)}${(known ? cpu.toFixed(2) : '').padStart(8)}${(med(label, 'peakRssMb') ?? 0).toFixed(0).padStart(9)}${ratio.padStart(10)}`,
  );
}

const duck = med(DUCKDB, 'seconds');
const targets: { what: string; value: number | undefined; limit: number; unit: string }[] = [
  {
    what: 'default briefing, cold',
    value: med('this: default briefing, cold', 'seconds'),
    limit: 1.0,
    unit: 's',
  },
  {
    what: 'no-op rerun',
    value: med('this: default briefing, no-op rerun', 'seconds'),
    limit: 0.25,
    unit: 's',
  },
  {
    what: `batch of ${BATCH_PARTNERS}, wall`,
    value: med(`this: batch of ${BATCH_PARTNERS} partners`, 'seconds'),
    limit: 10,
    unit: 's',
  },
  {
    what: `batch of ${BATCH_PARTNERS}, peak RSS`,
    value: med(`this: batch of ${BATCH_PARTNERS} partners`, 'peakRssMb'),
    limit: 400,
    unit: 'MB',
  },
  {
    what: 'bulk ingest / DuckDB',
    value: duck === undefined ? undefined : (med('this: bulk ingest', 'seconds') ?? 0) / duck,
    limit: 1.0,
    unit: '×',
  },
];
console.log(
  `\n${'target'.padEnd(28)}${'measured'.padStart(10)}${'limit'.padStart(9)}${'measured/limit'.padStart(16)}`,
);
for (const t of targets) {
  const shown = t.value === undefined ? 'n/a' : `${t.value.toFixed(2)} ${t.unit}`;
  const ratio =
    t.value === undefined ? '' : `${(t.value / t.limit).toFixed(2)} ${t.value <= t.limit ? 'met' : 'missed'}`;
  console.log(
    `${t.what.padEnd(28)}${shown.padStart(10)}${`${t.limit} ${t.unit}`.padStart(9)}${ratio.padStart(16)}`,
  );
}
if (BASELINE) {
  console.log('\nbaseline / this (per command, medians; above 1: this is faster)');
  console.log(`  ${''.padEnd(40)}${'wall'.padStart(8)}${'CPU'.padStart(8)}`);
  for (const { label } of commands.filter((c) => c.label.startsWith('this: '))) {
    const other = label.replace('this: ', 'baseline: ');
    const ratio = (key: keyof Sample) => {
      const ours = med(label, key);
      const theirs = med(other, key);
      return ours && theirs ? `${(theirs / ours).toFixed(2)}×` : '';
    };
    console.log(
      `  ${label.slice(6).padEnd(40)}${ratio('seconds').padStart(8)}${ratio('cpuSeconds').padStart(8)}`,
    );
  }
}
