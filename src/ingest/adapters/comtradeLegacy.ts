import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { isCalendarYear } from '../../core/periods.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { CsvRow } from '../readCsv.ts';
import type { Flow, TradeRecord } from '../records.ts';
import {
  BREAKDOWN_FLOWS,
  breakdownOf,
  countryOfDisagreeingCode,
  FLOW_CODES,
  LEGACY_TOTAL_OF,
} from './comtradeCodes.ts';

/** Flows by name (Trade Flow) and by the legacy numeric Trade Flow Code. */
const FLOW_NAMES: Record<string, Flow> = {
  export: 'export',
  import: 'import',
  're-export': 're-export',
  're-import': 're-import',
  '1': 'import',
  '2': 'export',
  '3': 're-export',
  '4': 're-import',
};
/** Names of the 2021 portal's partial flows (DX, FM). */
const BREAKDOWN_NAMES = ['domestic export', 'foreign import'];

type FlowCell = { flow: Flow } | { part: string } | undefined;

/**
 * UN Comtrade legacy CSV (the pre-2023 site and API) and the 2021 portal's layout, which adds second
 * partner, customs procedure and mode of transport columns and writes flows as codes (X, M, RX, RM,
 * DX, FM): one row per reporter, partner, flow and commodity, and per breakdown in the 2021 layout.
 */
export const comtradeLegacy: Adapter = {
  format: 'comtrade-legacy',
  label:
    'UN Comtrade legacy CSV (Classification,Year,Trade Flow,Reporter ISO,Partner ISO,Commodity Code,Trade Value (US$))',
  cues: ['Trade Flow', 'Reporter ISO', 'Partner ISO', 'Commodity Code'],
  required: ['Year', 'Trade Flow', 'Reporter ISO', 'Partner ISO', 'Commodity Code', 'Trade Value (US$)'],
  read(table, ctx) {
    const r = new RowReader(table, ctx);
    const trade: TradeRecord[] = [];
    /**
     * ISO code, else Comtrade's numeric code; null for groups ("EUR" for the EU, "Areas, nes");
     * undefined, with a problem, when the two name different countries.
     */
    const area = (row: CsvRow, side: 'Reporter' | 'Partner'): string | null | undefined => {
      const iso = r.text(row, `${side} ISO`);
      const code = r.text(row, `${side} Code`);
      const disagree = countryOfDisagreeingCode(iso, code);
      if (disagree)
        ctx.problem(row.line, `${side} Code`, m.areaCodesDisagree(code, disagree, `${side} ISO`, iso));
      return disagree ? undefined : (toIso3(iso) ?? toIso3(code) ?? null);
    };
    /** A flow from the name or code in Trade Flow, else from Trade Flow Code. */
    const flowOf = (row: CsvRow): FlowCell => {
      for (const column of ['Trade Flow', 'Trade Flow Code']) {
        const text = r.text(row, column);
        const code = text.toUpperCase();
        const name = text.toLowerCase();
        if (Object.hasOwn(FLOW_CODES, code)) return { flow: FLOW_CODES[code] as Flow };
        if (Object.hasOwn(FLOW_NAMES, name)) return { flow: FLOW_NAMES[name] as Flow };
        if (BREAKDOWN_FLOWS.includes(code) || BREAKDOWN_NAMES.includes(name)) return { part: text };
      }
      return undefined;
    };
    for (const row of table.rows) {
      if (r.has('Classification') && !ctx.classify(row.line, 'Classification', r.text(row, 'Classification')))
        continue;
      // Rows that are part of another row of the file: counting them too would count the trade twice.
      const flowCell = flowOf(row);
      if (flowCell && 'part' in flowCell) {
        ctx.reject(row.line, m.asideFlowBreakdown(flowCell.part));
        continue;
      }
      const breakdown = breakdownOf((column) => r.text(row, column), LEGACY_TOTAL_OF);
      if (breakdown) {
        ctx.reject(row.line, breakdown());
        continue;
      }
      if (r.shownOtherwise(row, 'Period')) continue;
      const periodText = r.text(row, 'Period');
      if (periodText !== '' && !/^\d{4}$/.test(periodText)) {
        ctx.reject(row.line, m.asideNotAnnualPeriod(periodText));
        continue;
      }
      const period = r.period(row, 'Year', 'a year such as 2019', isCalendarYear);
      if (!flowCell) {
        const flowText = r.text(row, 'Trade Flow');
        ctx.problem(
          row.line,
          'Trade Flow',
          m.unknownFlow(flowText, 'Export, Import, Re-Export or Re-Import (or X, M, RX, RM)'),
        );
      }
      const reporter = area(row, 'Reporter');
      const partner = area(row, 'Partner');
      if (reporter === null || partner === null) {
        ctx.reject(row.line, m.asideNotCountry(reporter === null ? 'reporter' : 'partner'));
        continue;
      }
      const product = r.product(row, 'Commodity Code');
      const value = r.tradeValue(row, 'Trade Value (US$)', 'USD');
      if (!period || !flowCell || !product || value === undefined) continue;
      if (reporter === undefined || partner === undefined) continue;
      trade.push({
        period: period.label,
        reporter,
        partner,
        flow: flowCell.flow,
        product,
        value,
        unit: 'USD',
        source: ctx.fileSource,
        status: 'final',
        file: table.file,
        line: row.line,
      });
    }
    return { trade };
  },
};
