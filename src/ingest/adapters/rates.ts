import { inputMessages as m } from '../../core/messages.ts';
import { parseNumber } from '../../core/numbers.ts';
import { parseMoneyUnit } from '../../core/units.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { RateRecord } from '../records.ts';

/**
 * Rupees per US dollar a rate may be. Outside it, a rate is a mistake of direction (dollars per rupee),
 * of scale (paise) or of a decimal point, which would make every converted value wrong by that factor.
 */
const PLAUSIBLE_INR_PER_USD = { min: 4, max: 500 };

/** Exchange rates for values published in rupees: local currency units per US dollar, by period. */
export const rates: Adapter = {
  format: 'rates',
  label: 'exchange rates (period,currency,per_usd[,source])',
  cues: ['period', 'currency', 'per_usd'],
  required: ['period', 'currency', 'per_usd'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const out: RateRecord[] = [];
    for (const row of table.rows) {
      const period = r.period(row, 'period', '"FY2024-25" or "2024"');
      const currencyText = r.text(row, 'currency');
      const currency = parseMoneyUnit(currencyText)?.currency;
      if (currency !== 'INR') ctx.problem(row.line, 'currency', m.unknownCurrency(currencyText));
      const rateText = r.text(row, 'per_usd');
      if (r.shownOtherwise(row, 'per_usd')) continue;
      const perUsd = parseNumber(rateText, ctx.numbers);
      const { min, max } = PLAUSIBLE_INR_PER_USD;
      const plausible = perUsd !== undefined && perUsd >= min && perUsd <= max;
      if (perUsd === undefined || perUsd <= 0) ctx.problem(row.line, 'per_usd', m.badRate(rateText));
      else if (currency === 'INR' && !plausible)
        ctx.problem(row.line, 'per_usd', m.implausibleRate(rateText, min, max));
      const source = r.has('source') ? r.required(row, 'source', 'a source id') : ctx.fileSource;
      if (!period || currency !== 'INR' || !plausible || !source) continue;
      out.push({ period: period.label, currency, perUsd, source, file: table.file, line: row.line });
    }
    return { rates: out };
  },
};
