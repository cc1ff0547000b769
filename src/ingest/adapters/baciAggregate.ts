import { WORLD } from '../../core/countries.ts';
import { chapterOf, normaliseHsCode } from '../../core/hs.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { parseNumber } from '../../core/numbers.ts';
import { parsePeriod } from '../../core/periods.ts';
import type { Focus } from '../adapter.ts';
import type { Flow, TradeRecord } from '../records.ts';

/** BACI values are in thousands of US dollars. */
export const BACI_UNIT = 'USD thousand';

/** One BACI record as text, by column: t year, i exporter, j importer, k HS6 product, v value. */
export interface BaciCells {
  t: string;
  i: string;
  j: string;
  k: string;
  v: string;
}

export interface BaciRow {
  line: number;
  year: string;
  exporter: string;
  importer: string;
  hs6: string;
  value: number;
}

const CODE = /^\d{1,4}$/;

/**
 * Checks one record's cells; each bad cell is reported with its column. Shared by every reader of
 * BACI files, so a faster one keeps the same validation.
 */
export function parseBaciRow(
  cells: BaciCells,
  line: number,
  problem: (column: keyof BaciCells, message: string) => void,
): BaciRow | undefined {
  const period = parsePeriod(cells.t);
  if (period?.basis !== 'calendar') problem('t', m.malformedPeriod(cells.t, 'a year such as 2022'));
  for (const column of ['i', 'j'] as const) {
    if (!CODE.test(cells[column])) problem(column, m.badBaciCountry(cells[column]));
  }
  const hs6 = normaliseHsCode(cells.k);
  if (hs6?.length !== 6) problem('k', m.badHs6(cells.k));
  const value = parseNumber(cells.v);
  if (value === undefined) problem('v', m.notANumber(cells.v));
  else if (value < 0) problem('v', m.negativeValue(cells.v));
  if (period?.basis !== 'calendar' || hs6?.length !== 6 || value === undefined || value < 0) return undefined;
  if (!CODE.test(cells.i) || !CODE.test(cells.j)) return undefined;
  return {
    line,
    year: period.label,
    exporter: String(Number(cells.i)),
    importer: String(Number(cells.j)),
    hs6,
    value,
  };
}

export type AddOutcome =
  | { used: boolean }
  | { repeatOf: number }
  | { duplicateOf: { line: number; value: number } };

/**
 * Sums BACI's every-pair HS6 flows to what a briefing on `focus` needs, by HS chapter:
 * the focus pairs both ways (from the reporter's side: BACI is already reconciled, so the partner's
 * mirror would only repeat it), every country's exports to the world, and each focus country's
 * imports from the world (its import demand). Without a focus, every country's exports to and
 * imports from the world.
 */
export function createBaciAggregator(options: { focus?: Focus; iso3: (code: string) => string | undefined }) {
  const { focus, iso3 } = options;
  const focusCountries = focus ? new Set([focus.reporter, ...focus.partners]) : undefined;
  const seen = new Map<string, { line: number; value: number }>();
  const sums = new Map<string, Omit<TradeRecord, 'file' | 'source'>>();

  const addTo = (row: BaciRow, reporter: string, partner: string, flow: Flow): void => {
    const product = chapterOf(row.hs6);
    const key = [row.year, reporter, partner, flow, product].join('|');
    const sum = sums.get(key);
    if (sum) sum.value += row.value;
    else {
      const { year: period, value, line } = row;
      sums.set(key, {
        period,
        reporter,
        partner,
        flow,
        product,
        value,
        unit: BACI_UNIT,
        status: 'final',
        line,
      });
    }
  };

  return {
    add(row: BaciRow): AddOutcome {
      const key = [row.year, row.exporter, row.importer, row.hs6].join('|');
      const earlier = seen.get(key);
      if (earlier) return earlier.value === row.value ? { repeatOf: earlier.line } : { duplicateOf: earlier };
      seen.set(key, { line: row.line, value: row.value });
      const exporter = iso3(row.exporter);
      const importer = iso3(row.importer);
      let used = false;
      if (exporter) {
        addTo(row, exporter, WORLD, 'export');
        used = true;
      }
      if (importer && (!focusCountries || focusCountries.has(importer))) {
        addTo(row, importer, WORLD, 'import');
        used = true;
      }
      if (focus && exporter && importer) {
        if (exporter === focus.reporter && focus.partners.includes(importer))
          addTo(row, exporter, importer, 'export');
        if (importer === focus.reporter && focus.partners.includes(exporter))
          addTo(row, importer, exporter, 'import');
      }
      return { used };
    },
    /** One record per sum; its line is the first BACI row behind it. */
    records(file: string, source: string): TradeRecord[] {
      return [...sums.values()].map((sum) => ({ ...sum, file, source }));
    },
  };
}
