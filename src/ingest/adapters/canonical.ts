import { inputMessages as m } from '../../core/messages.ts';
import { parsePeriod } from '../../core/periods.ts';
import { parseMoneyUnit } from '../../core/units.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import { FLOWS, type ProductLabelRecord, STATUSES, type TradeRecord } from '../records.ts';

/** Our long format: one value per row (README, "Input format"). */
export const canonical: Adapter = {
  format: 'canonical',
  label: 'canonical long CSV (period,reporter,partner,flow,product,value,unit[,source][,status][,label])',
  cues: ['period', 'reporter', 'partner', 'flow', 'product', 'value'],
  required: ['period', 'reporter', 'partner', 'flow', 'product', 'value', 'unit'],
  read(table, ctx) {
    const r = new RowReader(table.header, ctx);
    const trade: TradeRecord[] = [];
    const productLabels: ProductLabelRecord[] = [];
    for (const row of table.rows) {
      // HS unless a classification column says otherwise.
      if (r.has('classification') && !ctx.classify(row.line, 'classification', r.text(row, 'classification')))
        continue;
      const periodText = r.text(row, 'period');
      const period = parsePeriod(periodText);
      if (!period) ctx.problem(row.line, 'period', m.malformedPeriod(periodText, '"FY2024-25" or "2024"'));
      const reporter = r.country(row, 'reporter');
      const partner = r.country(row, 'partner');
      const flowText = r.text(row, 'flow').toLowerCase();
      const flow = FLOWS.find((f) => f === flowText);
      if (!flow) ctx.problem(row.line, 'flow', m.unknownFlow(flowText, FLOWS.join(', ')));
      const product = r.product(row, 'product');
      const unit = r.text(row, 'unit');
      if (!parseMoneyUnit(unit)) ctx.problem(row.line, 'unit', m.unknownUnit(unit));
      const value = r.tradeValue(row, 'value', unit);
      const source = r.has('source') ? r.required(row, 'source', 'a source id') : ctx.fileSource;
      const status = r.choice(row, 'status', STATUSES, 'final');
      if (!period || !reporter || !partner || !flow || !product || value === undefined || !source || !status)
        continue;
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
        file: table.file,
        line: row.line,
      });
    }
    return { trade, productLabels };
  },
};
