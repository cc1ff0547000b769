import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { closest } from '../core/closest.ts';
import { InputError, type Problem } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import { inputMessages as m } from '../core/messages.ts';
import type { AdapterContext } from './adapter.ts';
import { detectFormat, formatList } from './formats.ts';
import { type CsvTable, readCsv } from './readCsv.ts';
import {
  emptyRecords,
  type FileReport,
  type IngestResult,
  type Records,
  type Reject,
  type SourceRecord,
  type TradeRecord,
} from './records.ts';

/** Problems listed per file before the rest are counted, so one broken column doesn't flood the screen. */
const PROBLEMS_PER_FILE = 20;

/**
 * Reads every CSV under `dir`, detects each one's format from its header and maps it to canonical
 * records. All problems in all files are collected, then thrown together as one InputError.
 */
export async function ingest(dir: string): Promise<IngestResult> {
  const paths = await listCsvFiles(dir);
  const problems: Problem[] = [];
  if (paths.length === 0) throw new InputError([{ file: dir, message: m.noInputs() }]);

  const tables: { table: CsvTable; path: string }[] = [];
  for (const path of paths) {
    const file = relative(dir, path).split(sep).join('/');
    const { table, problem } = await readCsv(path, file);
    if (problem) problems.push(problem);
    if (table) tables.push({ table, path });
  }

  const detected = tables.flatMap(({ table, path }) => {
    const detection = detectFormat(table.header);
    if ('adapter' in detection) return [{ table, path, adapter: detection.adapter }];
    const message =
      'lacking' in detection
        ? m.missingColumns(detection.lacking.adapter.label, detection.lacking.columns)
        : m.unknownHeader(table.header, formatList());
    problems.push({ file: table.file, line: 1, message });
    return [];
  });

  // Sources first: other files take their source id from the sources table's "files" patterns.
  detected.sort((a, b) => Number(b.adapter.format === 'sources') - Number(a.adapter.format === 'sources'));
  const records = emptyRecords();
  const rejects: Reject[] = [];
  const files: FileReport[] = [];
  for (const { table, path, adapter } of detected) {
    const fileProblems: Problem[] = [];
    const rejected: Record<string, number> = {};
    const context: AdapterContext = {
      file: table.file,
      fileSource: sourceForFile(table.file, records.sources),
      problem: (line, column, message) =>
        fileProblems.push({ file: table.file, line, ...(column ? { column } : {}), message }),
      reject: (line, reason) => {
        rejects.push({ file: table.file, line, reason });
        rejected[reason] = (rejected[reason] ?? 0) + 1;
      },
    };
    const read = adapter.read(table, context);
    problems.push(...fileProblems.slice(0, PROBLEMS_PER_FILE));
    if (fileProblems.length > PROBLEMS_PER_FILE) {
      problems.push({
        file: table.file,
        message: `and ${fileProblems.length - PROBLEMS_PER_FILE} more problems like these`,
      });
    }
    let used = 0;
    for (const key of Object.keys(read) as (keyof Records)[]) {
      const list = read[key] ?? [];
      (records[key] as unknown[]).push(...list);
      used += list.length;
    }
    files.push({
      file: table.file,
      format: adapter.format,
      sha256: await sha256File(path),
      rows: table.rows.length,
      used,
      rejected,
    });
  }

  addFileSources(records);
  problems.push(...checkSources(records), ...dedupeTrade(records));
  if (problems.length > 0) throw new InputError(problems);
  files.sort((a, b) => a.file.localeCompare(b.file));
  return { ...records, files, rejects };
}

async function listCsvFiles(dir: string): Promise<string[]> {
  try {
    await stat(dir);
  } catch {
    throw new InputError([{ file: dir, message: m.missingInputsDir() }]);
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.csv') && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const UNSOURCED = 'file:';

function sourceForFile(file: string, sources: SourceRecord[]): string {
  const name = file.split('/').pop() ?? file;
  const match = sources.find((s) =>
    s.files.some((pattern) => globMatches(pattern, file) || globMatches(pattern, name)),
  );
  return match?.id ?? `${UNSOURCED}${file}`;
}

/** Files with no sources-table entry are cited by name: a visible gap, not a hidden one. */
function addFileSources(records: Records): void {
  const ids = new Set(records.sources.map((s) => s.id));
  for (const row of [...records.trade, ...records.figures]) {
    if (!row.source.startsWith(UNSOURCED) || ids.has(row.source)) continue;
    ids.add(row.source);
    const file = row.source.slice(UNSOURCED.length);
    records.sources.push({
      id: row.source,
      title: file,
      publisher: '',
      url: '',
      files: [file],
      note: '',
      file,
      line: 0,
    });
  }
}

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${regex}$`, 'i').test(name);
}

function checkSources(records: Records): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, SourceRecord>();
  for (const source of records.sources) {
    if (ids.has(source.id)) {
      problems.push({
        file: source.file,
        line: source.line,
        column: 'id',
        message: m.duplicateSource(source.id),
      });
    }
    ids.set(source.id, source);
  }
  const known = [...ids.keys()];
  for (const row of [...records.trade, ...records.figures]) {
    if (ids.has(row.source)) continue;
    const message = m.unknownSource(row.source, closest(row.source, known));
    problems.push({ file: row.file, line: row.line, column: 'source', message });
  }
  return problems;
}

/**
 * Two rows for the same key from the same source must agree. Identical repeats (a file dropped in
 * twice, overlapping downloads) are kept once, so nothing is counted twice.
 */
function dedupeTrade(records: Records): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, TradeRecord>();
  records.trade = records.trade.filter((row) => {
    const key = [row.period, row.reporter, row.partner, row.flow, row.product, row.source].join('|');
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, row);
      return true;
    }
    if (earlier.value !== row.value) {
      const message = m.duplicateKey(
        earlier.line,
        String(earlier.value),
        earlier.file === row.file ? undefined : earlier.file,
      );
      problems.push({ file: row.file, line: row.line, column: 'value', message });
    }
    return false;
  });
  return problems;
}
