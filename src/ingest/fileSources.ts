import { citeDownload } from '../reference/citations.ts';
import type { FileReport, Records, SourceRecord } from './records.ts';

/** Source ids of files no sources-table entry covers: `file:` and the file's name. */
export const UNSOURCED = 'file:';

/** The source id for a file's rows: the sources-table entry whose "files" pattern matches its name. */
export function sourceForFile(file: string, sources: SourceRecord[]): string {
  const name = file.split('/').pop() ?? file;
  const match = sources.find((s) =>
    s.files.some((pattern) => globMatches(pattern, file) || globMatches(pattern, name)),
  );
  return match?.id ?? `${UNSOURCED}${file}`;
}

/**
 * Rows of files with no sources-table entry cite the download they come from, named by publisher,
 * dataset, release and classification ("CEPII BACI, HS17, release 202501"); files that are no
 * recognised download are cited by name: a visible gap, not a hidden one.
 */
export function addFileSources(
  records: Records,
  files: Pick<FileReport, 'file' | 'format' | 'classification'>[],
): void {
  const ids = new Set(records.sources.map((s) => s.id));
  const citedAs = new Map<string, string>();
  for (const row of [...records.trade, ...records.products, ...records.figures, ...records.rates]) {
    if (!row.source.startsWith(UNSOURCED)) continue;
    const file = row.source.slice(UNSOURCED.length);
    const known = citedAs.get(file);
    if (known) {
      row.source = known;
      continue;
    }
    const report = files.find((f) => f.file === file);
    const citation = report && citeDownload(report);
    const source = citation
      ? { ...citation, note: '' }
      : { id: row.source, title: file, publisher: '', url: '', note: '' };
    citedAs.set(file, source.id);
    row.source = source.id;
    if (ids.has(source.id)) continue;
    ids.add(source.id);
    records.sources.push({ ...source, files: [file], file, line: 0 });
  }
}

function globMatches(pattern: string, name: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${regex}$`, 'i').test(name);
}
