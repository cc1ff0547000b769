/**
 * One engine on one synthetic BACI folder, in its own process so that its peak RSS is its own.
 * Prints one JSON line: seconds (the extraction only, not the start of Node), peak RSS and the focus
 * pair's totals, which every engine must agree on.
 *
 *   tsx bench/engine.ts <engine> <folder> [extract-cache-folder]
 *   engines: baseline | tradebrief | csv-parse | duckdb (the same sums) | duckdb-chapters (by chapter only)
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { focusExtract } from '../src/ingest/adapters/baciExtract.ts';
import { createBaciReader } from '../src/ingest/adapters/baciReader.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { csvOptions } from '../src/ingest/readCsv.ts';
import type { TradeRecord } from '../src/ingest/records.ts';
import { SYNTHETIC_YEAR } from './syntheticBaci.ts';

const FOCUS = { reporter: 'IND', partners: ['RUS'] };
/** BACI's codes for the focus pair. */
const BACI_CODE = { IND: 699, RUS: 643 };

export interface EngineResult {
  engine: string;
  seconds: number;
  peakRssMb: number;
  /** Thousand USD, all chapters: the reporter's exports to and imports from the partner. */
  exports: number;
  imports: number;
}

type Totals = Pick<EngineResult, 'exports' | 'imports'>;

const baciFile = (dir: string) => join(dir, `BACI_HS17_Y${SYNTHETIC_YEAR}_V202401.csv`);

function pairTotals(trade: { reporter: string; partner: string; flow: string; value: number }[]): Totals {
  const total = (flow: string) =>
    trade
      .filter((r) => r.reporter === FOCUS.reporter && r.partner === FOCUS.partners[0] && r.flow === flow)
      .reduce((sum, r) => sum + r.value, 0);
  return { exports: total('export'), imports: total('import') };
}

/** The ingest as `tradebrief run` calls it: a large BACI file takes the bulk reader. */
async function viaIngest(dir: string, cache: string | undefined): Promise<Totals> {
  const result = await ingest(dir, { focus: FOCUS, ...(cache ? { extractCache: cache } : {}) });
  return pairTotals(result.trade as TradeRecord[]);
}

/** A plain csv-parse streaming loop feeding the same checks and sums. */
async function viaCsvParse(dir: string): Promise<Totals> {
  const codes = parseSync(readFileSync(join(dir, 'country_codes_V202401.csv')), { columns: true }) as {
    country_code: string;
    country_iso3: string;
  }[];
  const reader = createBaciReader({
    reporter: FOCUS.reporter,
    countryCodes: new Map(codes.map((c) => [c.country_code, c.country_iso3])),
    problem: (line, column, message) => {
      throw new Error(`line ${line}, ${column}: ${message}`);
    },
  });
  const records = createReadStream(baciFile(dir)).pipe(parse(csvOptions(',')));
  for await (const { record, info } of records as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (info.lines === 1) continue;
    const [t = '', i = '', j = '', k = '', v = '', q = ''] = record;
    reader.cells({ t, i, j, k, v, q }, info.lines);
  }
  return pairTotals(focusExtract(reader.extract(), FOCUS).sums);
}

/**
 * DuckDB's own read_csv + GROUP BY, as the reference. The same sums as the bulk reader's: by chapter,
 * every exporter's and importer's world trade and the reporter's trade with each partner; by HS4
 * heading (`headings`), the world's exports, the reporter's exports and every importer's imports.
 * Optional: loaded with require, so NODE_PATH may point at an install outside the project.
 */
async function viaDuckDb(dir: string, headings: boolean): Promise<Totals> {
  const { DuckDBInstance } = createRequire(import.meta.url)('@duckdb/node-api') as {
    DuckDBInstance: {
      create(path: string): Promise<{
        connect(): Promise<{ runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }> }>;
      }>;
    };
  };
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const { IND, RUS } = BACI_CODE;
  const result = await connection.runAndReadAll(`
    SELECT t, i, j, k // 10000 AS chapter, ${headings ? 'k // 100' : 'NULL'} AS heading, sum(v) AS world,
      sum(v) FILTER (WHERE j = ${IND}) AS with_reporter_as_importer,
      sum(v) FILTER (WHERE i = ${IND}) AS with_reporter_as_exporter
    FROM read_csv('${baciFile(dir)}', header = true,
      columns = {'t': 'INTEGER', 'i': 'INTEGER', 'j': 'INTEGER', 'k': 'INTEGER', 'v': 'DOUBLE', 'q': 'VARCHAR'})
    GROUP BY GROUPING SETS ((t, i, chapter), (t, j, chapter)${headings ? ', (t, heading), (t, j, heading)' : ''})`);
  let exports = 0;
  let imports = 0;
  for (const [, i, j, chapter, , , asImporter, asExporter] of result.getRows()) {
    if (chapter === null) continue;
    if (j === RUS) exports += Number(asExporter ?? 0);
    if (i === RUS) imports += Number(asImporter ?? 0);
  }
  return { exports, imports };
}

const ENGINES: Record<string, (dir: string, cache: string | undefined) => Promise<Totals>> = {
  baseline: async () => ({ exports: 0, imports: 0 }),
  tradebrief: viaIngest,
  'csv-parse': viaCsvParse,
  duckdb: (dir) => viaDuckDb(dir, true),
  'duckdb-chapters': (dir) => viaDuckDb(dir, false),
};

const [engine = '', dir = '', cache] = process.argv.slice(2);
const run = ENGINES[engine];
if (run) {
  const started = performance.now();
  const totals = await run(dir, cache);
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ engine, seconds, peakRssMb, ...totals } satisfies EngineResult)}\n`,
  );
}
