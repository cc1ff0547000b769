import { type Adapter, RowReader } from '../adapter.ts';
import type { FigureRecord } from '../records.ts';

const QUALIFIERS = ['', 'approx', 'range', 'at_least'] as const;
const CONFIDENCE = ['high', 'medium', 'low'] as const;

/** Published figures that are not trade flows (README, "Published figures"). */
export const figures: Adapter = {
  format: 'figures',
  label:
    'published figures (topic,measure,sector,scope,period,value,value_high,unit,qualifier,source,confidence,note)',
  cues: ['topic', 'measure', 'scope', 'value', 'source'],
  required: ['topic', 'measure', 'sector', 'scope', 'period', 'value', 'unit', 'source', 'confidence'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const out: FigureRecord[] = [];
    for (const row of table.rows) {
      const topic = r.required(row, 'topic', 'a topic such as trade, sector, people, labour, target');
      const measure = r.required(row, 'measure', 'a measure name');
      const scope = r.required(row, 'scope', 'a scope such as IND-RUS or IND->RUS');
      const period = r.required(row, 'period', 'a period label');
      const value = r.number(row, 'value');
      const valueHigh = r.text(row, 'value_high') === '' ? undefined : r.number(row, 'value_high');
      const unit = r.required(row, 'unit', 'a unit');
      const qualifier = r.choice(row, 'qualifier', QUALIFIERS, '');
      const source = r.required(row, 'source', 'a source id');
      const confidence = r.choice(row, 'confidence', CONFIDENCE);
      if (!topic || !measure || !scope || !period || value === undefined || !unit || !source || !confidence)
        continue;
      if (qualifier === undefined) continue;
      out.push({
        topic,
        measure,
        sector: r.text(row, 'sector'),
        scope,
        period,
        value,
        ...(valueHigh === undefined ? {} : { valueHigh }),
        unit,
        qualifier,
        source,
        confidence,
        note: r.text(row, 'note'),
        file: table.file,
        line: row.line,
      });
    }
    return { figures: out };
  },
};
