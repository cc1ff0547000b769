import { WORLD } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { TradeRecord } from '../records.ts';
import { missingFacts, tableFacts, unreadableUnitLine, yearColumns } from '../wideTable.ts';

/** Trade Map publishes values in thousand US dollars. */
const TRADE_MAP_UNIT = 'USD thousand';
/** "Exported value in 2020", "Imported value in 2021", "Value in 2022", "Value exported in 2020 (USD thousand)". */
const VALUE_COLUMN = /^(?:(?:exported|imported)\s+)?value\s+(?:(?:exported|imported)\s+)?in\s+(\S+)/i;
/** Trade Map names the code column "Code" in some exports, "Product code" in others. */
const CODE_COLUMNS = ['Code', 'Product code'];
const EXAMPLE_NAME = 'trademap_IND_RUS_exports.csv';

/**
 * ITC Trade Map product lists (trademap.org, "List of products exported by India to Russian
 * Federation"): one row per product code, one column per calendar year. The first country named in
 * the title lines (or the file name) is the reporter, the second the partner; one country alone
 * means its trade with the world, as in Trade Map's own titles.
 */
export const tradeMap: Adapter = {
  format: 'trade-map',
  label: 'ITC Trade Map product list (Code,Product label,Exported value in 2020,…)',
  cues: ['Product label'],
  required: ['Product label'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const codeColumn = CODE_COLUMNS.find((c) => r.has(c));
    if (!codeColumn) ctx.problem(table.headerLine, undefined, m.missingOneOf(CODE_COLUMNS));
    const facts = tableFacts(table);
    if (facts.disagreement) {
      ctx.problem(table.headerLine, undefined, facts.disagreement);
      return {};
    }
    const { flow, unit = TRADE_MAP_UNIT } = facts;
    // The default holds only where the title states no unit: one it states is read, or refused.
    const unreadable = unreadableUnitLine(table);
    if (unreadable !== undefined) {
      ctx.problem(table.headerLine, undefined, m.unreadableUnitLine(unreadable));
      return {};
    }
    const [reporter, partner = WORLD] = facts.countries;
    const missing = missingFacts({ flow, reporter }, 'Trade Map', EXAMPLE_NAME);
    if (missing) ctx.problem(table.headerLine, undefined, missing);
    const years = yearColumns(table, ctx, (name) => VALUE_COLUMN.exec(name)?.[1], 'calendar');
    if (years.length === 0)
      ctx.problem(table.headerLine, undefined, m.noYearColumns('"Exported value in 2024"'));
    if (!codeColumn || !flow || !reporter || years.length === 0) return {};

    const trade: TradeRecord[] = [];
    for (const row of table.rows) {
      const product = r.product(row, codeColumn);
      if (!product) continue;
      for (const { index, period } of years) {
        // Trade Map leaves a cell blank where a country reported nothing for the year.
        if ((row.cells[index] ?? '') === '') continue;
        const value = r.tradeValueAt(row, index, unit);
        if (value === undefined) continue;
        trade.push({
          period: period.label,
          reporter,
          partner,
          flow,
          product,
          value,
          unit,
          source: ctx.fileSource,
          status: 'final',
          file: table.file,
          line: row.line,
        });
      }
    }
    return { trade };
  },
};
