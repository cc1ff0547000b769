import { type Adapter, RowReader } from '../adapter.ts';
import type { SourceRecord } from '../records.ts';

/** The sources table: every figure in a briefing cites one of these ids. */
export const sources: Adapter = {
  format: 'sources',
  label: 'sources table (id,title,publisher,url[,files][,note])',
  cues: ['id', 'title', 'publisher', 'url'],
  required: ['id', 'title', 'publisher', 'url'],
  readFirst: true,
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const out: SourceRecord[] = [];
    for (const row of table.rows) {
      const id = r.required(row, 'id', 'a source id');
      const title = r.required(row, 'title', 'a title');
      if (!id || !title) continue;
      out.push({
        id,
        title,
        publisher: r.text(row, 'publisher'),
        url: r.text(row, 'url'),
        files: r
          .text(row, 'files')
          .split(/[;\s]+/)
          .filter(Boolean),
        note: r.text(row, 'note'),
        file: table.file,
        line: row.line,
      });
    }
    return { sources: out };
  },
};
