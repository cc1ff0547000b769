import { normaliseHsCode } from '../../core/hs.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { HsChapterRecord, HsSectionRecord } from '../records.ts';

/** HS nomenclature as published by datasets/harmonized-system: chapters (level 2) with their section. */
export const hsChapters: Adapter = {
  format: 'hs-chapters',
  label: 'HS chapters (section,hscode,description,parent,level)',
  cues: ['section', 'hscode', 'description', 'level'],
  required: ['section', 'hscode', 'description', 'level'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const out: HsChapterRecord[] = [];
    for (const row of table.rows) {
      if (r.text(row, 'level') !== '2') {
        ctx.reject(row.line, 'not a chapter (level 2) row');
        continue;
      }
      const text = r.text(row, 'hscode');
      const code = normaliseHsCode(text);
      if (code?.length !== 2) {
        ctx.problem(row.line, 'hscode', m.badHsCode(text));
        continue;
      }
      out.push({ code, name: r.text(row, 'description'), section: r.text(row, 'section') });
    }
    return { hsChapters: out };
  },
};

export const hsSections: Adapter = {
  format: 'hs-sections',
  label: 'HS sections (section,name)',
  cues: ['section', 'name'],
  required: ['section', 'name'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const out: HsSectionRecord[] = [];
    for (const row of table.rows) {
      const id = r.required(row, 'section', 'a section number such as XVI');
      if (id) out.push({ id, name: r.text(row, 'name') });
    }
    return { hsSections: out };
  },
};
