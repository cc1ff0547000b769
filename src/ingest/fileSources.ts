import type { Records, SourceRecord } from './records.ts';

const UNSOURCED = 'file:';

/** The source id for a file's rows: the sources-table entry whose "files" pattern matches its name. */
export function sourceForFile(file: string, sources: SourceRecord[]): string {
  const name = file.split('/').pop() ?? file;
  const match = sources.find((s) =>
    s.files.some((pattern) => globMatches(pattern, file) || globMatches(pattern, name)),
  );
  return match?.id ?? `${UNSOURCED}${file}`;
}

/** Files with no sources-table entry are cited by name: a visible gap, not a hidden one. */
export function addFileSources(records: Records): void {
  const ids = new Set(records.sources.map((s) => s.id));
  for (const row of [...records.trade, ...records.figures, ...records.rates]) {
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
