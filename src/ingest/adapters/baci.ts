import { type Adapter, columnKey, shownOtherwiseProblem } from '../adapter.ts';
import { createBaciReader, recordsOf } from './baciReader.ts';
import { BACI_COLUMNS, BACI_QUANTITY, type BaciCells } from './baciRow.ts';

/**
 * CEPII BACI (BACI_HS17_Y2022_V202401.csv …): every exporter–importer pair by HS6 product, values in
 * thousand USD, q in metric tons, countries by BACI's numeric codes. Summed to HS chapters for the
 * briefing's focus; the focus pairs' HS6 rows are kept with their quantities.
 * Large files take the bulk reader (`bulk/`), which checks and sums through the same reader.
 */
export const baci: Adapter = {
  format: 'baci',
  label: 'CEPII BACI (t,i,j,k,v,q)',
  cues: BACI_COLUMNS,
  required: BACI_COLUMNS,
  optional: [BACI_QUANTITY],
  read(table, ctx) {
    const index = baciColumnIndex(table.header);
    const reader = createBaciReader({
      ...(ctx.focus ? { reporter: ctx.focus.reporter } : {}),
      countryCodes: ctx.countryCodes,
      problem: ctx.problem,
    });
    for (const row of table.rows) {
      // A workbook may show a year as a date, or a value or a quantity scaled (see RowReader): such a row
      // is reported, not read.
      let shown = false;
      for (const column of ['t', 'v', 'q'] as const) {
        const problem = index[column] < 0 ? undefined : shownOtherwiseProblem(table, row, index[column]);
        if (problem === undefined) continue;
        ctx.problem(row.line, column, problem);
        shown = true;
      }
      if (!shown) reader.cells(baciCellsOf(row.cells, index), row.line);
    }
    return recordsOf(reader.extract(), ctx);
  },
};

/** Where each BACI column is in a header: the first column of that name (-1 for a missing `q`). */
export function baciColumnIndex(header: readonly string[]): Record<keyof BaciCells, number> {
  return Object.fromEntries(
    [...BACI_COLUMNS, BACI_QUANTITY].map((c) => [c, header.findIndex((h) => columnKey(h) === c)]),
  ) as Record<keyof BaciCells, number>;
}

/** A row's BACI cells, by column. */
export function baciCellsOf(cells: readonly string[], index: Record<keyof BaciCells, number>): BaciCells {
  const cell = (i: number) => cells[i] ?? '';
  return {
    t: cell(index.t),
    i: cell(index.i),
    j: cell(index.j),
    k: cell(index.k),
    v: cell(index.v),
    q: cell(index.q),
  };
}
