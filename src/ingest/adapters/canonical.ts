import { inputMessages as m } from '../../core/messages.ts';
import { isBriefingRow } from '../../core/relevance.ts';
import { parseMoneyUnit } from '../../core/units.ts';
import { type Adapter, type AdapterContext, RowReader, type TableLayout } from '../adapter.ts';
import type { CsvRow } from '../readCsv.ts';
import { FLOWS, type ProductLabelRecord, STATUSES, type TradeRecord } from '../records.ts';

/** Our long format: one value per row (README, "Input format"). */
export const canonical: Adapter = {
  format: 'canonical',
  label: 'canonical long CSV (period,reporter,partner,flow,product,value,unit[,source][,status][,label])',
  cues: ['period', 'reporter', 'partner', 'flow', 'product', 'value'],
  required: ['period', 'reporter', 'partner', 'flow', 'product', 'value', 'unit'],
  read(table, ctx) {
    const reader = createCanonicalReader(table, ctx);
    for (const row of table.rows) reader.row(row);
    return reader.records();
  },
};

/**
 * Reads a canonical file row by row, whichever reader splits it: every row is checked, and only the
 * rows a briefing on the focus uses are kept (`isBriefingRow`); the others are counted as set aside, so
 * a file holding every pair costs memory for the focus's rows alone.
 */
export function createCanonicalReader(table: TableLayout, ctx: AdapterContext) {
  const r = new RowReader(table, ctx);
  const trade: TradeRecord[] = [];
  const productLabels: ProductLabelRecord[] = [];
  const focus = ctx.focus;
  const isUsed = (row: { reporter: string; partner: string; flow: string }) =>
    !focus || focus.partners.some((p) => isBriefingRow(row, focus.reporter, p));
  return {
    row(row: CsvRow): void {
      // HS unless a classification column says otherwise.
      if (r.has('classification') && !ctx.classify(row.line, 'classification', r.text(row, 'classification')))
        return;
      const period = r.period(row, 'period', '"FY2024-25" or "2024"');
      const reporter = r.country(row, 'reporter');
      const partner = r.country(row, 'partner');
      const flowText = r.text(row, 'flow');
      const flow = FLOWS.find((f) => f === flowText.toLowerCase());
      if (!flow) ctx.problem(row.line, 'flow', m.unknownFlow(flowText, FLOWS.join(', ')));
      const product = r.product(row, 'product');
      const unit = r.text(row, 'unit');
      if (!parseMoneyUnit(unit)) ctx.problem(row.line, 'unit', m.unknownUnit(unit));
      const value = r.tradeValue(row, 'value', unit);
      const source = r.has('source') ? r.required(row, 'source', 'a source id') : ctx.fileSource;
      const status = r.choice(row, 'status', STATUSES, 'final');
      if (!period || !reporter || !partner || !flow || !product || value === undefined || !source || !status)
        return;
      if (!isUsed({ reporter, partner, flow })) {
        ctx.reject(row.line, m.asideOtherPair());
        return;
      }
      const label = r.text(row, 'label');
      if (label && product !== 'TOTAL') productLabels.push({ code: product, name: label });
      trade.push({
        period: period.label,
        reporter,
        partner,
        flow,
        product,
        value,
        unit,
        source,
        status,
        file: ctx.file,
        line: row.line,
      });
    },
    records: () => ({ trade, productLabels }),
  };
}
