import { InputError, type Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import type { Adapter, Focus } from './adapter.ts';
import { bulkRoute } from './bulk/route.ts';
import type { BulkInput, BulkReader } from './bulk/types.ts';
import { checkSources, dedupeCountryCodes, dedupeRates, dedupeTrade } from './checks.ts';
import { summariseClassifications } from './classification.ts';
import { expandArchives, type Input, readInput } from './containers/index.ts';
import { formatCoverage, summariseCoverage } from './coverage.ts';
import { createFileContext, type FileOptions } from './fileContext.ts';
import { fileFault } from './fileFault.ts';
import { addFileSources } from './fileSources.ts';
import { detectFormat, formatList, isHeaderRow } from './formats.ts';
import { isInputName, listInputs, type Skipped } from './listInputs.ts';
import { createProblemList } from './problemList.ts';
import type { CsvHead, CsvTable, ReadResult } from './readCsv.ts';
import { emptyRecords, type FileReport, type IngestResult, type Records, type Reject } from './records.ts';
import type { CsvRow } from './table.ts';
import { sumWorldExports } from './worldSums.ts';

export interface IngestOptions {
  /** The briefing's pair: files holding every pair (BACI) keep only what it needs. */
  focus?: Focus;
  /** Files of a format with a bulk reader take it from this size on (default BULK_MIN_BYTES). */
  bulkMinBytes?: number;
  /** Bytes a bulk reader reads at a time (default 4 MiB): memory against the cost of each read. */
  bulkChunkBytes?: number;
  /** Byte ranges a bulk file is read in, each on its own thread (default: one per core from 32 MiB). */
  bulkParts?: number;
  /** Folder where extracts of bulk files are kept by the file's hash (e.g. `<out>/.cache/extracts`). */
  extractCache?: string;
  /** Told of each file or folder named like an input that is not read (a folder, a pipe). */
  onSkipped?: (skipped: Skipped) => void;
}

type Detected = { input: Input; adapter: Adapter } & (
  | { table: CsvTable; sha256: string }
  /** Read in one pass in step 3; its read problems go at `slot`, among the other files' read problems. */
  | { head: CsvHead; bulk: BulkReader; slot: number }
);

/**
 * Reads every table under `dir`, detects each one's format from its header and maps it to canonical
 * records. All problems in all files are collected, then thrown together as one InputError.
 */
export async function ingest(dir: string, options: IngestOptions = {}): Promise<IngestResult> {
  // 1. Find the files (an archive's members among them) and read each as a table; a large file of a
  // bulk format, only its header.
  const listed = await listInputs(dir);
  for (const s of listed.skipped) if (s.warn) options.onSkipped?.(s);
  // Files linked from outside the inputs folder may be anything: their content is never quoted back.
  const outside = new Set(listed.inputs.filter((i) => i.outside).map((i) => i.file));
  const { inputs, problems: archiveProblems } = await expandArchives(listed.inputs, isInputName);
  const problems = [...listed.problems, ...archiveProblems];
  if (inputs.length === 0 && problems.length === 0)
    throw new InputError([{ file: dir, message: m.noInputs(listed.skipped) }]);
  const detected: Detected[] = [];
  for (const input of inputs) {
    // A file gone or locked since it was listed is named, as when it was listed.
    const read = await readOne(input, options).catch((error: unknown): ReadResult & { sha256: string } => ({
      problems: [{ file: input.file, message: fileFault(error) }],
      sha256: '',
    }));
    if ('bulk' in read) {
      detected.push({ input, ...read, slot: problems.length });
      continue;
    }
    const { table, problems: readProblems, sha256 } = read;
    // 2. Detect the format from the header; the rows of a file of no known format tell nothing more.
    const detection = table && detectFormat(table.header);
    if (!detection || !('unknown' in detection)) problems.push(...firstOf(input.file, readProblems));
    if (!table || !detection) continue;
    if ('adapter' in detection) detected.push({ input, table, sha256, adapter: detection.adapter });
    else {
      const message =
        'lacking' in detection
          ? m.missingColumns(detection.lacking.adapter.label, detection.lacking.columns)
          : 'repeated' in detection
            ? m.repeatedColumns(detection.repeated.columns)
            : outside.has(input.file)
              ? m.unknownHeaderOutside(formatList())
              : m.unknownHeader(table.header, formatList());
      problems.push({ file: table.file, line: table.headerLine, message });
    }
  }

  // 3. Map to records: sources and code tables first, as other files rely on them.
  const records = emptyRecords();
  const rejects: Reject[] = [];
  const files: FileReport[] = [];
  const bulkReadProblems: { slot: number; order: number; list: Problem[] }[] = [];
  const readAll = async (list: Detected[], countryCodes: ReadonlyMap<string, string>) => {
    for (const item of list) {
      const fileOptions: FileOptions = { ...(options.focus ? { focus: options.focus } : {}), countryCodes };
      if ('table' in item) {
        files.push(await readTable(item, records, rejects, problems, fileOptions));
        continue;
      }
      const { report, readProblems } = await readBulk(item, records, rejects, problems, fileOptions, options);
      bulkReadProblems.push({ slot: item.slot, order: detected.indexOf(item), list: readProblems });
      if (report) files.push(report);
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
  // A bulk file's read problems are listed where a whole read would have listed them (step 1).
  bulkReadProblems.sort((a, b) => b.slot - a.slot || b.order - a.order);
  for (const { slot, list } of bulkReadProblems) problems.splice(slot, 0, ...list);

  // 4. Checks across files.
  addFileSources(records, files);
  problems.push(...checkSources(records), ...dedupeTrade(records, files), ...dedupeRates(records));
  records.trade = sumWorldExports(records.trade, files, options.focus);
  files.sort((a, b) => compareText(a.file, b.file));
  const result = { ...records, files, rejects, classifications: summariseClassifications(files) };
  if (problems.length > 0) throw new InputError(problems, formatCoverage(summariseCoverage(result)));
  return result;
}

/** An input as a table, or, when large and of a bulk format, its header and bulk reader. */
async function readOne(input: Input, options: IngestOptions) {
  return (await bulkRoute(input, options.bulkMinBytes)) ?? (await readInput(input, isHeaderRow));
}

async function readTable(
  { table, sha256, adapter }: Detected & { table: CsvTable; sha256: string },
  records: Records,
  rejects: Reject[],
  problems: Problem[],
  options: FileOptions,
): Promise<FileReport> {
  const { notes = [], encoding, numbers } = table;
  const file = createFileContext(table.file, table.headerLine, records, rejects, {
    ...options,
    ...(numbers ? { numbers } : {}),
  });
  // Two downloads pasted into one file repeat the header: one problem at its line, not one a cell.
  const header = table.header.map((cell) => cell.trim().toLowerCase()).join('\n');
  const again = (row: CsvRow) => row.cells.map((cell) => cell.trim().toLowerCase()).join('\n') === header;
  for (const row of table.rows)
    if (again(row)) file.context.problem(row.line, undefined, m.headerAgain(table.headerLine));
  const read = adapter.read({ ...table, rows: table.rows.filter((row) => !again(row)) }, file.context);
  for (const line of notes) file.context.reject(line, m.asideNote());
  problems.push(...file.problems.list());
  return {
    ...file.keep(read, table.rows.length + notes.length, adapter.format),
    ...(encoding ? { encoding } : {}),
    sha256,
  };
}

/** A file read in one pass by its bulk reader; no report when it cannot be read on (its problem says why). */
async function readBulk(
  { input, head, adapter, bulk }: Detected & { head: CsvHead; bulk: BulkReader },
  records: Records,
  rejects: Reject[],
  problems: Problem[],
  fileOptions: FileOptions,
  options: IngestOptions,
): Promise<{ report?: FileReport; readProblems: Problem[] }> {
  const file = createFileContext(head.file, head.headerLine, records, rejects, fileOptions);
  const readProblems = createProblemList(head.file);
  const bulkInput: BulkInput = {
    path: input.path,
    ...(input.member ? { member: input.member } : {}),
    head,
    readProblems,
    ...(options.extractCache ? { cacheDir: options.extractCache } : {}),
    ...(options.bulkChunkBytes ? { chunkBytes: options.bulkChunkBytes } : {}),
    ...(options.bulkParts ? { parts: options.bulkParts } : {}),
  };
  const result = await bulk(bulkInput, file.context);
  if ('stop' in result) return { readProblems: [result.stop] };
  problems.push(...file.problems.list());
  return {
    report: {
      ...file.keep(result.read, result.rows, adapter.format),
      encoding: result.encoding ?? head.encoding,
      sha256: result.sha256,
    },
    readProblems: readProblems.list(),
  };
}

/** A file's read problems as listed: the first ones, then how many more. */
function firstOf(file: string, list: Problem[]): Problem[] {
  const kept = createProblemList(file);
  for (const problem of list) kept.add(problem);
  return kept.list();
}
