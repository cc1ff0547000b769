import { findCountries } from '../core/countries.ts';
import { inputMessages as m } from '../core/messages.ts';
import { type Period, parsePeriod } from '../core/periods.ts';
import type { AdapterContext } from './adapter.ts';
import type { CsvTable } from './readCsv.ts';

/**
 * Wide tables (years as columns) say in their title lines, not in a column, what they hold:
 * "Export :: Country-wise all commodities", "Values in US$ Million", "Country: RUSSIA".
 * When the title lines were not kept, the file name says it: "eidb_export_RUS_usd-million.csv".
 */
export interface TableFacts {
  flow?: 'export' | 'import';
  unit?: string;
  /** Countries named, in order of mention. */
  countries: string[];
  /** Why the flow or unit cannot be told: the title lines, header and file name state different ones. */
  disagreement?: string;
}

const SCALE_WORDS: Record<string, string> = {
  thousand: 'thousand',
  thousands: 'thousand',
  million: 'million',
  millions: 'million',
  mn: 'million',
  billion: 'billion',
  billions: 'billion',
  bn: 'billion',
  crore: 'crore',
  crores: 'crore',
  cr: 'crore',
  lakh: 'lakh',
  lakhs: 'lakh',
};
const CURRENCY = String.raw`(us\s*\$|usd|us\s+dollars?|inr|rs\.?|₹|rupees?)`;
const SCALE = '(thousands?|millions?|mn|billions?|bn|crores?|cr|lakhs?)';
const CURRENCY_FIRST = new RegExp(String.raw`(?<![a-z])${CURRENCY}\s*${SCALE}(?![a-z])`, 'i');
const SCALE_FIRST = new RegExp(String.raw`(?<![a-z])${SCALE}\s+(?:of\s+)?${CURRENCY}(?![a-z])`, 'i');
/** A title line stating the unit, as Trade Map writes one: "Unit : US Dollar thousand". */
const UNIT_LINE = /^\s*unit\s*:/i;
const RUPEE_SCALE = /(?<![a-z])(crores?|lakhs?)(?![a-z])/i;

/**
 * Flow and unit from the first line that states them (a title block may say "Export Import Data
 * Bank" before "Import :: …"), unless another line, the header or the file name states another;
 * countries from the first of title block, header, file name naming any.
 */
export function tableFacts(table: CsvTable): TableFacts {
  const name = (table.file.split('/').pop() ?? table.file).replace(/\.[^.]*$/, '').replace(/[_\-.]+/g, ' ');
  const header = table.header.join(' ');
  const countries = [table.preamble.join('\n'), header, name]
    .map(findCountries)
    .find((found) => found.length > 0);
  const sources: [string, string[]][] = [
    ['the title', table.preamble],
    ['the header', [header]],
    ['the file name', [name]],
  ];
  const flow = statedIn(sources, flowIn);
  const unit = statedIn(sources, unitIn);
  const disagreement = disagreementOf('flow', flow) ?? disagreementOf('unit', unit);
  return {
    flow: flow[0]?.value,
    unit: unit[0]?.value,
    countries: countries ?? [],
    ...(disagreement ? { disagreement } : {}),
  };
}

/** The title line where a table states its unit ("Unit : US Dollar thousand"), when it cannot be read. */
export function unreadableUnitLine(table: CsvTable): string | undefined {
  return table.preamble.find((line) => UNIT_LINE.test(line) && unitIn(line) === undefined);
}

/** What each line of each source states, in order. */
function statedIn<T extends string>(
  sources: [string, string[]][],
  read: (text: string) => T | undefined,
): { where: string; value: T }[] {
  return sources.flatMap(([where, texts]) =>
    texts.flatMap((text) => {
      const value = read(text);
      return value === undefined ? [] : [{ where, value }];
    }),
  );
}

function disagreementOf(fact: string, stated: { where: string; value: string }[]): string | undefined {
  if (new Set(stated.map((s) => s.value)).size < 2) return undefined;
  const said = [...new Set(stated.map((s) => `${s.where} says ${s.value}`))];
  return m.tableFactsDisagree(fact, said);
}

function flowIn(text: string): TableFacts['flow'] {
  const kinds = new Set(
    [...text.matchAll(/(?<![a-z])(export|import)(?:s|ed|ers?)?(?![a-z])/gi)].map((x) => x[1]?.toLowerCase()),
  );
  // "Export Import Data Bank" names both: it says nothing about this table.
  if (kinds.size !== 1) return undefined;
  return kinds.has('export') ? 'export' : 'import';
}

function unitIn(text: string): string | undefined {
  const words = unitWords(text.replace(/\s+/g, ' '));
  const scale = SCALE_WORDS[words?.scale.toLowerCase() ?? ''];
  if (!words || !scale) return undefined;
  return `${/^us/i.test(words.currency) ? 'USD' : 'INR'} ${scale}`;
}

/** The currency and scale words of a unit phrase: "US$ Million", "thousand USD", "₹ Crore". */
function unitWords(text: string): { currency: string; scale: string } | undefined {
  const currencyFirst = CURRENCY_FIRST.exec(text);
  if (currencyFirst) return { currency: currencyFirst[1] ?? '', scale: currencyFirst[2] ?? '' };
  const scaleFirst = SCALE_FIRST.exec(text);
  if (scaleFirst) return { currency: scaleFirst[2] ?? '', scale: scaleFirst[1] ?? '' };
  // Crore and lakh are rupee scales: titles give them without a currency ("Values in Crore").
  const rupees = RUPEE_SCALE.exec(text);
  return rupees ? { currency: 'inr', scale: rupees[1] ?? '' } : undefined;
}

export interface YearColumn {
  index: number;
  period: Period;
}

/**
 * The header's year columns, by `yearOf` (which returns the period text of a value column, or
 * undefined for other columns). A column for part of a year ("2025-2026(Apr-Sep)", "2024-M03") is
 * set aside: summing it with whole years would understate them.
 */
export function yearColumns(
  table: CsvTable,
  ctx: AdapterContext,
  yearOf: (header: string) => string | undefined,
  basis: Period['basis'],
): YearColumn[] {
  const columns: YearColumn[] = [];
  table.header.forEach((name, index) => {
    const text = yearOf(name);
    if (text === undefined) return;
    const period = parsePeriod(text);
    if (period?.basis === basis) columns.push({ index, period });
    else ctx.reject(table.headerLine, m.asidePartialPeriod(name));
  });
  return columns;
}

/** The problem to report when facts a table needs are missing, or undefined when all are there. */
export function missingFacts(
  facts: Partial<Record<'flow' | 'unit' | 'reporter' | 'partner', unknown>>,
  format: string,
  example: string,
): string | undefined {
  const missing = Object.entries(facts)
    .filter(([, value]) => value === undefined)
    .map(([fact]) => fact);
  return missing.length === 0 ? undefined : m.missingTableFacts(format, missing, example);
}
