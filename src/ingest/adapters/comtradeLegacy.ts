import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { parsePeriod } from '../../core/periods.ts';
import { type Adapter, RowReader } from '../adapter.ts';
import type { CsvRow } from '../readCsv.ts';
import type { Flow, TradeRecord } from '../records.ts';

const FLOW_NAMES: Record<string, Flow> = {
  export: 'export',
  import: 'import',
  're-export': 're-export',
  're-import': 're-import',
};

/** UN Comtrade legacy CSV (the pre-2023 site and API): one row per reporter, partner, flow and commodity. */
export const comtradeLegacy: Adapter = {
  format: 'comtrade-legacy',
  label:
    'UN Comtrade legacy CSV (Classification,Year,Trade Flow,Reporter ISO,Partner ISO,Commodity Code,Trade Value (US$))',
  cues: ['Trade Flow', 'Reporter ISO', 'Partner ISO', 'Commodity Code'],
  required: ['Year', 'Trade Flow', 'Reporter ISO', 'Partner ISO', 'Commodity Code', 'Trade Value (US$)'],
  read(table, ctx) {
    const r = new RowReader(table.header, ctx);
    const trade: TradeRecord[] = [];
    /** ISO code, else Comtrade's numeric code; null for "nes" groups, which have neither. */
    const area = (row: CsvRow, side: 'Reporter' | 'Partner'): string | null | undefined => {
      if (r.text(row, `${side} ISO`) !== '') return r.country(row, `${side} ISO`);
      const code = r.text(row, `${side} Code`);
      return code !== '' && toIso3(code) ? toIso3(code) : null;
    };
    for (const row of table.rows) {
      if (r.has('Classification') && !ctx.classify(row.line, 'Classification', r.text(row, 'Classification')))
        continue;
      const yearText = r.text(row, 'Year');
      const period = parsePeriod(yearText);
      if (period?.basis !== 'calendar')
        ctx.problem(row.line, 'Year', m.malformedPeriod(yearText, 'a year such as 2019'));
      const flowText = r.text(row, 'Trade Flow');
      const flow = FLOW_NAMES[flowText.toLowerCase()];
      if (!flow)
        ctx.problem(
          row.line,
          'Trade Flow',
          m.unknownFlow(flowText, 'Export, Import, Re-Export or Re-Import'),
        );
      const reporter = area(row, 'Reporter');
      const partner = area(row, 'Partner');
      if (reporter === null || partner === null) {
        ctx.reject(row.line, m.asideAreaGroup());
        continue;
      }
      const product = r.product(row, 'Commodity Code');
      const value = r.tradeValue(row, 'Trade Value (US$)', 'USD');
      if (period?.basis !== 'calendar' || !flow || !reporter || !partner || !product || value === undefined)
        continue;
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
    return { trade };
  },
};
