import { isIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { parsePeriod } from '../../core/periods.ts';
import { parseMoneyUnit } from '../../core/units.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { FigureRecord } from '../records.ts';

const QUALIFIERS = ['', 'approx', 'range', 'at_least'] as const;
const CONFIDENCE = ['high', 'medium', 'low'] as const;
/** One country, both ways between two (`IND-RUS`), or one way (`IND->RUS`). */
const SCOPE = /^([A-Z]{3})(?:(?:-|->)([A-Z]{3}))?$/;
/** A unit that names money: a currency's code or sign, first or last; not a price (per barrel). */
const CURRENCY =
  /^\s*(?:USD|INR|EUR|GBP|RUB|CNY|RMB|JPY|CHF|AED|SAR|BRL|ZAR|KES|NGN|US\$|Rs\.?|[$₹€£¥₽])(?:\s|$)|\b(?:USD|INR|EUR|GBP|RUB|CNY|dollars?|rupees?|euros?|roubles?|rubles?)\s*$/i;
/** Measures the briefing reads as amounts of trade, never below zero (a net figure may be). */
const AMOUNTS = new Set(['import_demand', 'exports', 'imports', 'total_trade', 'trade_target']);

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
      // A scope not read as the pair's would drop the figure in silence, as would a country's name.
      const codes = SCOPE.exec(scope)?.slice(1).filter(Boolean);
      if (!codes?.every(isIso3)) {
        ctx.problem(row.line, 'scope', m.badScope(scope));
        continue;
      }
      if (valueHigh !== undefined && valueHigh < value) {
        ctx.problem(row.line, 'value_high', m.rangeBackwards(value, valueHigh));
        continue;
      }
      const money = parseMoneyUnit(unit);
      // Money in a unit not read as such would stay a bare number, never converted nor compared.
      if (!money && CURRENCY.test(unit) && !/\bper\b|\//i.test(unit)) {
        ctx.problem(row.line, 'unit', m.unknownUnit(unit));
        continue;
      }
      // Converted at the rate of its period: "annual" or "2019 H1" has none.
      if (money && money.currency !== 'USD' && !parsePeriod(period)) {
        ctx.problem(row.line, 'period', m.undatedCurrency(money.currency, period));
        continue;
      }
      if (value < 0 && money && AMOUNTS.has(measure)) {
        ctx.problem(row.line, 'value', m.negativeFigure(measure));
        continue;
      }
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
