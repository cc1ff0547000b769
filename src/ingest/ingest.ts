import { InputError, type Problem } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import { inputMessages as m } from '../core/messages.ts';
import type { Adapter, AdapterContext, Focus } from './adapter.ts';
import { checkSources, dedupeCountryCodes, dedupeRates, dedupeTrade } from './checks.ts';
import { formatCoverage, summariseCoverage } from './coverage.ts';
import { addFileSources, sourceForFile } from './fileSources.ts';
import { detectFormat, formatList, isHeaderRow } from './formats.ts';
import { type InputFile, listInputs } from './listInputs.ts';
import { type CsvTable, readCsv } from './readCsv.ts';
import { emptyRecords, type FileReport, type IngestResult, type Records, type Reject } from './records.ts';

/** Problems listed per file before the rest are counted, so one broken column doesn't flood the screen. */
const PROBLEMS_PER_FILE = 20;

export interface IngestOptions {
  /** The briefing's pair: files holding every pair (BACI) keep only what it needs. */
  focus?: Focus;
}

interface Detected {
  input: InputFile;
  table: CsvTable;
  adapter: Adapter;
}

/**
 * Reads every table under `dir`, detects each one's format from its header and maps it to canonical
 * records. All problems in all files are collected, then thrown together as one InputError.
 */
export async function ingest(dir: string, options: IngestOptions = {}): Promise<IngestResult> {
  // 1. Find the files and read each as a table.
  const { inputs, problems } = await listInputs(dir);
  if (inputs.length === 0 && problems.length === 0)
    throw new InputError([{ file: dir, message: m.noInputs() }]);
  const detected: Detected[] = [];
  for (const input of inputs) {
    const { table, problems: readProblems } = await readCsv(input.path, input.file, isHeaderRow);
    problems.push(...limited(input.file, readProblems));
    if (!table) continue;
    // 2. Detect the format from the header.
    const detection = detectFormat(table.header);
    if ('adapter' in detection) detected.push({ input, table, adapter: detection.adapter });
    else {
      const message =
        'lacking' in detection
          ? m.missingColumns(detection.lacking.adapter.label, detection.lacking.columns)
          : m.unknownHeader(table.header, formatList());
      problems.push({ file: table.file, line: table.headerLine, message });
    }
  }

  // 3. Map to records: sources and code tables first, as other files rely on them.
  const records = emptyRecords();
  const rejects: Reject[] = [];
  const files: FileReport[] = [];
  const readAll = async (list: Detected[], countryCodes: ReadonlyMap<string, string>) => {
    for (const item of list) {
      const report = readTable(item, records, rejects, problems, { ...options, countryCodes });
      files.push({ ...report, sha256: await sha256File(item.input.path) });
    }
  };
  await readAll(
    detected.filter((d) => d.adapter.readFirst),
    new Map(),
  );
  problems.push(...dedupeCountryCodes(records));
  await readAll(
    detected.filter((d) => !d.adapter.readFirst),
    new Map(records.countryCodes.map((c) => [c.code, c.iso3])),
  );

  // 4. Checks across files.
  addFileSources(records);
  problems.push(...checkSources(records), ...dedupeTrade(records), ...dedupeRates(records));
  files.sort((a, b) => a.file.localeCompare(b.file));
  const result = { ...records, files, rejects };
  if (problems.length > 0) throw new InputError(problems, formatCoverage(summariseCoverage(result)));
  return result;
}

function readTable(
  { table, adapter }: Detected,
  records: Records,
  rejects: Reject[],
  problems: Problem[],
  options: IngestOptions & { countryCodes: ReadonlyMap<string, string> },
): Omit<FileReport, 'sha256'> {
  const fileProblems: Problem[] = [];
  const rejected: Record<string, number> = {};
  const rejectedColumns: Record<string, number> = {};
  const rejectedRows = new Set<number>();
  const context: AdapterContext = {
    file: table.file,
    fileSource: sourceForFile(table.file, records.sources),
    ...(options.focus ? { focus: options.focus } : {}),
    countryCodes: options.countryCodes,
    problem: (line, column, message) =>
      fileProblems.push({ file: table.file, line, ...(column ? { column } : {}), message }),
    reject: (line, reason) => {
      rejects.push({ file: table.file, line, reason });
      // A reject on the header line sets a column aside, not a row.
      const counts = line === table.headerLine ? rejectedColumns : rejected;
      counts[reason] = (counts[reason] ?? 0) + 1;
      if (line !== table.headerLine) rejectedRows.add(line);
    },
  };
  const read = adapter.read(table, context);
  problems.push(...limited(table.file, fileProblems));
  let count = 0;
  for (const key of Object.keys(read) as (keyof Records)[]) {
    const list = read[key] ?? [];
    (records[key] as unknown[]).push(...list);
    count += list.length;
  }
  return {
    file: table.file,
    format: adapter.format,
    rows: table.rows.length,
    used: table.rows.length - rejectedRows.size,
    rejected,
    rejectedColumns,
    records: count,
  };
}

function limited(file: string, problems: Problem[]): Problem[] {
  if (problems.length <= PROBLEMS_PER_FILE) return problems;
  const rest = problems.length - PROBLEMS_PER_FILE;
  return [...problems.slice(0, PROBLEMS_PER_FILE), { file, message: m.moreProblems(rest) }];
}
