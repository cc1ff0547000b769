import { chapterOf, compactChapters } from '../core/hs.ts';
import { coverageMessages as m } from '../core/messages.ts';
import { type Basis, parsePeriod } from '../core/periods.ts';
import { compareText, escapeControls } from '../core/text.ts';
import { UNSTATED_HS } from './classification.ts';
import { FLOWS, type Flow, type IngestResult } from './records.ts';
import type { Encoding } from './sniffText.ts';

export interface ReasonCount {
  reason: string;
  count: number;
}

export interface RowCounts {
  rows: number;
  used: number;
  /** Rows set aside: rows less rows used. */
  setAside: number;
  /** Rows set aside, by reason, most frequent first. */
  reasons: ReasonCount[];
  /** Columns set aside (part-year columns of wide tables), by reason. */
  columns: ReasonCount[];
  records: number;
}

export interface FileCoverage extends RowCounts {
  file: string;
  format: string;
  encoding?: Encoding;
  /** "HS 2017 (H5)", one per classification the file states. */
  classifications: string[];
}

export interface Coverage {
  files: FileCoverage[];
  overall: RowCounts & { files: number };
  /** Periods of the trade records, calendar years first, each in order. */
  years: { label: string; basis: Basis; year: number }[];
  flows: Flow[];
  /** Two-digit HS chapters with at least one trade record. */
  chapters: string[];
}

/** What the inputs hold: rows read, used and set aside (by reason) per file and overall; years, flows, chapters. */
export function summariseCoverage(result: IngestResult): Coverage {
  const files = result.files.map((f) => ({
    file: f.file,
    format: f.format,
    ...(f.encoding ? { encoding: f.encoding } : {}),
    rows: f.rows,
    used: f.used,
    setAside: f.rows - f.used,
    reasons: byCount(Object.entries(f.rejected)),
    columns: byCount(Object.entries(f.rejectedColumns)),
    records: f.records,
    classifications: f.classifications.map((c) =>
      c.code === UNSTATED_HS.code ? c.name : `${c.name} (${c.code})`,
    ),
  }));
  const sum = (key: 'rows' | 'used' | 'setAside' | 'records') => files.reduce((s, f) => s + f[key], 0);

  const periods = new Map<string, { label: string; basis: Basis; year: number }>();
  for (const row of result.trade) {
    const period = parsePeriod(row.period);
    if (period) periods.set(period.label, period);
  }
  const chapters = new Set(
    result.trade.filter((r) => r.product !== 'TOTAL').map((r) => chapterOf(r.product)),
  );
  return {
    files,
    overall: {
      files: files.length,
      rows: sum('rows'),
      used: sum('used'),
      setAside: sum('setAside'),
      reasons: totalled(result.files.map((f) => f.rejected)),
      columns: totalled(result.files.map((f) => f.rejectedColumns)),
      records: sum('records'),
    },
    years: [...periods.values()].sort((a, b) => compareText(a.basis, b.basis) || a.year - b.year),
    flows: FLOWS.filter((flow) => result.trade.some((r) => r.flow === flow)),
    chapters: [...chapters].sort(),
  };
}

function totalled(counts: Record<string, number>[]): ReasonCount[] {
  const total = new Map<string, number>();
  for (const [reason, count] of counts.flatMap(Object.entries))
    total.set(reason, (total.get(reason) ?? 0) + count);
  return byCount([...total]);
}

function byCount(entries: [string, number][]): ReasonCount[] {
  return entries
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || compareText(a.reason, b.reason));
}

/** The coverage as lines of text for the terminal; a file name's control characters are shown escaped. */
export function formatCoverage(coverage: Coverage): string {
  const { overall } = coverage;
  const setAsideLines = ({ reasons, columns }: RowCounts, indent: string) => [
    ...reasons.map((r) => `${indent}${m.setAside(r.count, r.reason)}`),
    ...columns.map((r) => `${indent}${m.columnsSetAside(r.count, r.reason)}`),
  ];
  const groups = (['calendar', 'fiscal'] as const).flatMap((basis) => {
    const labels = coverage.years.filter((y) => y.basis === basis).map((y) => y.label);
    return labels.length > 0 ? [m.yearGroup(labels, basis)] : [];
  });
  return [
    m.title(),
    `  ${m.overall(overall.files, overall.rows, overall.used, overall.setAside, overall.records)}`,
    ...setAsideLines(overall, '    '),
    ...coverage.files.flatMap((f) => [
      `  ${m.file(f.file, m.formatIn(f.format, f.encoding), f.rows, f.used, f.setAside)}`,
      ...setAsideLines(f, '    '),
      ...(f.classifications.length > 0 ? [`    ${m.classifications(f.classifications)}`] : []),
    ]),
    `  ${groups.length > 0 ? m.years(groups) : m.years([m.none()])}`,
    `  ${m.flows(coverage.flows.length > 0 ? [...coverage.flows] : [m.none()])}`,
    `  ${m.chapters(compactChapters(coverage.chapters) || m.none(), coverage.chapters.length)}`,
  ]
    .map(escapeControls)
    .join('\n');
}
