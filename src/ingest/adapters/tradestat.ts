import { WORLD } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { CsvRow } from '../readCsv.ts';
import type { TradeRecord } from '../records.ts';
import { missingFacts, tableFacts, yearColumns } from '../wideTable.ts';

/** What may follow a whole year in a column's name: "(P)" for provisional, "(Apr-Mar)" for its months. */
const WHOLE_YEAR_MARK = /\s*\(\s*(?:p|provisional|apr\s*-\s*mar)\s*\)/gi;
const PROVISIONAL_MARK = /\(\s*(?:p|provisional)\s*\)/i;

/** EIDB and TradeStat publish India's trade only. */
const INDIA = 'IND';
const EXAMPLE_NAME = 'eidb_export_RUS_usd-million.csv';

/**
 * India's Export Import Data Bank / TradeStat tables (tradestat.commerce.gov.in): one row per HS code,
 * one column per April–March year ("2023-2024"), with %Share and %Growth columns beside them.
 * The flow, the unit and the partner are not columns: they come from the title lines or the file name.
 */
export const tradestat: Adapter = {
  format: 'tradestat',
  label: 'India EIDB/TradeStat table (S.No.,HSCode,Commodity,2023-2024,%Share,2024-2025,…)',
  cues: ['HSCode', 'Commodity'],
  required: ['HSCode', 'Commodity'],
  read(table, ctx) {
    const facts = tableFacts(table);
    if (facts.disagreement) {
      ctx.problem(table.headerLine, undefined, facts.disagreement);
      return {};
    }
    const { flow, unit } = facts;
    const partner = facts.countries.find((c) => c !== INDIA);
    const missing = missingFacts({ flow, unit, partner }, 'TradeStat', EXAMPLE_NAME);
    if (missing) ctx.problem(table.headerLine, undefined, missing);
    const years = yearColumns(
      table,
      ctx,
      (name) => (/\d{4}\s*-\s*\d{2,4}/.test(name) ? name.replace(WHOLE_YEAR_MARK, '') : undefined),
      'fiscal',
    );
    if (years.length === 0) ctx.problem(table.headerLine, undefined, m.noYearColumns('"2024-2025"'));
    if (!flow || !unit || !partner || years.length === 0) return {};

    const r = new RowReader(table, ctx);
    /** The product and partner of a row: an HS code, or one of the total rows under the table. */
    const rowKind = (row: CsvRow): { product: string; partner: string } | undefined => {
      if (r.text(row, 'HSCode') !== '') {
        const product = r.product(row, 'HSCode');
        return product ? { product, partner } : undefined;
      }
      const label = `${r.text(row, 'S.No.')} ${r.text(row, 'Commodity')}`.trim();
      if (/^total$/i.test(label)) return { product: 'TOTAL', partner };
      if (/^india['’]?s total$/i.test(label)) return { product: 'TOTAL', partner: WORLD };
      if (/^%\s*share$/i.test(label)) ctx.reject(row.line, m.asideShareRow());
      else ctx.problem(row.line, 'HSCode', m.expectedHsCodeOrTotal(label));
      return undefined;
    };
    const trade: TradeRecord[] = [];
    for (const row of table.rows) {
      const kind = rowKind(row);
      if (!kind) continue;
      for (const { index, period } of years) {
        // A blank cell is how the publisher shows a year without trade in that line.
        if ((row.cells[index] ?? '') === '') continue;
        const value = r.tradeValueAt(row, index, unit);
        if (value === undefined) continue;
        trade.push({
          period: period.label,
          reporter: INDIA,
          partner: kind.partner,
          flow,
          product: kind.product,
          value,
          unit,
          source: ctx.fileSource,
          status: PROVISIONAL_MARK.test(table.header[index] ?? '') ? 'provisional' : 'final',
          file: table.file,
          line: row.line,
        });
      }
    }
    return { trade };
  },
};
