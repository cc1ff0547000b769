import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { isCalendarYear } from '../../core/periods.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { CsvRow } from '../readCsv.ts';
import type { ProductRecord, TradeRecord } from '../records.ts';
import {
  BREAKDOWN_FLOWS,
  breakdownOf,
  countryOfDisagreeingCode,
  FLOW_CODES,
  PLUS_TOTAL_OF,
} from './comtradeCodes.ts';

/**
 * UN Comtrade Plus (comtradeplus.un.org downloads, the comtradeapicall and comtradr API clients):
 * one row per reporter, partner, flow, commodity and breakdown. Aggregate (chapter, TOTAL) and leaf
 * commodity rows are both kept: normalise uses one level per chapter.
 */
export const comtradePlus: Adapter = {
  format: 'comtrade-plus',
  label: 'UN Comtrade Plus CSV (refYear,reporterISO,partnerISO,flowCode,cmdCode,primaryValue,…)',
  cues: ['refYear', 'reporterISO', 'partnerISO', 'flowCode', 'cmdCode', 'primaryValue'],
  required: ['refYear', 'reporterISO', 'partnerISO', 'flowCode', 'cmdCode', 'primaryValue'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const trade: TradeRecord[] = [];
    /**
     * ISO code, else Comtrade's numeric code (0 is World); null for groups of areas, which have a code of
     * their own ("S19", "_X", 899); undefined, with a problem, for no code at all or one no area has (a
     * name, more than three digits).
     */
    const area = (row: CsvRow, side: 'reporter' | 'partner'): string | null | undefined => {
      const iso = r.text(row, `${side}ISO`);
      const code = r.text(row, `${side}Code`);
      const disagree = countryOfDisagreeingCode(iso, code);
      if (disagree) {
        ctx.problem(row.line, `${side}Code`, m.areaCodesDisagree(code, disagree, `${side}ISO`, iso));
        return undefined;
      }
      const found = toIso3(iso) ?? toIso3(code);
      if (found !== undefined) return found;
      if (iso !== '' ? iso.length <= 3 : /^\d{1,3}$/.test(code)) return null;
      const [column, text] = iso === '' && code !== '' ? [`${side}Code`, code] : [`${side}ISO`, iso];
      const expected = "an ISO country code (or Comtrade's numeric one)";
      ctx.problem(row.line, column, text === '' ? m.missingValue(expected) : m.unknownCountry(text));
      return undefined;
    };
    const asideReason = (row: CsvRow): string | undefined => {
      const type = r.text(row, 'typeCode').toUpperCase();
      if (type !== '' && type !== 'C') return m.asideNotGoods(type);
      const freq = r.text(row, 'freqCode').toUpperCase();
      if (freq !== '' && freq !== 'A') return m.asideNotAnnual(freq);
      // Without freqCode the month tells: an annual row's refMonth is 52, not a month; its period a year.
      if (freq === '') {
        const month = r.text(row, 'refMonth');
        if (month !== '' && month !== '52') return m.asideNotAnnualMonth(month);
        const period = r.text(row, 'period');
        if (/^\d{6}$/.test(period)) return m.asideNotAnnualPeriod(period);
      }
      const flow = r.text(row, 'flowCode').toUpperCase();
      if (BREAKDOWN_FLOWS.includes(flow)) return m.asideFlowBreakdown(flow);
      return breakdownOf((column) => r.text(row, column), PLUS_TOTAL_OF)?.();
    };
    // classificationCode names the revision (H6); classificationSearchCode only the family (HS, SITC).
    const classification = ['classificationCode', 'classificationSearchCode'].find((c) => r.has(c));
    const products: ProductRecord[] = [];
    /**
     * A row's quantity: its net weight in kg where given, else `qty` in its own unit. Comtrade writes a
     * missing quantity as 0 or empty, with unit "N/A": unknown, never 0.
     */
    const measured = (row: CsvRow): Pick<ProductRecord, 'quantity' | 'quantityUnit'> | undefined => {
      const weight = r.has('netWgt') ? r.quantity(row, 'netWgt') : null;
      const qty = r.has('qty') ? r.quantity(row, 'qty') : null;
      if (weight === undefined || qty === undefined) return undefined;
      if (weight !== null && weight > 0) return { quantity: weight, quantityUnit: 'kg' };
      const unit = r.text(row, 'qtyUnitAbbr');
      if (qty !== null && qty > 0 && unit !== '' && unit.toUpperCase() !== 'N/A')
        return { quantity: qty, quantityUnit: unit };
      return { quantity: null, quantityUnit: null };
    };
    for (const row of table.rows) {
      const aside = asideReason(row);
      if (aside) {
        ctx.reject(row.line, aside);
        continue;
      }
      if (classification && !ctx.classify(row.line, classification, r.text(row, classification))) continue;
      const flowText = r.text(row, 'flowCode');
      const flow = FLOW_CODES[flowText.toUpperCase()];
      if (!flow) ctx.problem(row.line, 'flowCode', m.unknownFlow(flowText, 'X, M, RX or RM'));
      const period = r.period(row, 'refYear', 'a year such as 2023', isCalendarYear);
      const product = r.product(row, 'cmdCode');
      const value = r.tradeValue(row, 'primaryValue', 'USD');
      const reporter = area(row, 'reporter');
      const partner = area(row, 'partner');
      if (reporter === undefined || partner === undefined) continue;
      if (reporter === null || partner === null) {
        ctx.reject(row.line, m.asideNotCountry(reporter === null ? 'reporter' : 'partner'));
        continue;
      }
      // Headings and HS6 lines are also kept with their quantities, for the products section.
      const detail = product?.length === 4 || product?.length === 6 ? measured(row) : undefined;
      if (!period || !flow || !product || value === undefined) continue;
      if (detail) {
        products.push({
          period: period.label,
          reporter,
          partner,
          flow,
          product,
          value,
          unit: 'USD',
          ...detail,
          source: ctx.fileSource,
          status: 'final',
          file: table.file,
          line: row.line,
        });
      }
      trade.push({
        period: period.label,
        reporter,
        partner,
        flow,
        product,
        value,
        unit: 'USD',
        source: ctx.fileSource,
        status: 'final',
        file: table.file,
        line: row.line,
      });
    }
    return { trade, products };
  },
};
