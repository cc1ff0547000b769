import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type Adapter, columnKey } from '../adapter.ts';
import { type BaciCells, createBaciAggregator, parseBaciRow } from './baciAggregate.ts';

const COLUMNS = ['t', 'i', 'j', 'k', 'v'] as const;

/**
 * CEPII BACI (BACI_HS17_Y2022_V202401.csv …): every exporter–importer pair by HS6 product, values in
 * thousand USD, countries by BACI's numeric codes. Summed to HS chapters for the briefing's focus.
 */
export const baci: Adapter = {
  format: 'baci',
  label: 'CEPII BACI (t,i,j,k,v,q)',
  cues: COLUMNS,
  required: COLUMNS,
  read(table, ctx) {
    const index = Object.fromEntries(
      COLUMNS.map((c) => [c, table.header.findIndex((h) => columnKey(h) === c)]),
    ) as Record<keyof BaciCells, number>;
    const aggregator = createBaciAggregator({
      ...(ctx.focus ? { focus: ctx.focus } : {}),
      iso3: (code) => ctx.countryCodes.get(code) ?? toIso3(code),
    });
    for (const row of table.rows) {
      const cell = (c: keyof BaciCells) => row.cells[index[c]] ?? '';
      const cells: BaciCells = { t: cell('t'), i: cell('i'), j: cell('j'), k: cell('k'), v: cell('v') };
      const parsed = parseBaciRow(cells, row.line, (column, message) =>
        ctx.problem(row.line, column, message),
      );
      if (!parsed) continue;
      const outcome = aggregator.add(parsed);
      if ('duplicateOf' in outcome) {
        const { line, value } = outcome.duplicateOf;
        ctx.problem(row.line, 'v', m.duplicateBaciRow(line, String(value)));
      } else if ('repeatOf' in outcome) ctx.reject(row.line, m.asideRepeat());
      else if (!outcome.used) ctx.reject(row.line, m.asideBaciArea(parsed.exporter));
    }
    return { trade: aggregator.records(table.file, ctx.fileSource) };
  },
};
