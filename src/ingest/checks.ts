import { closest } from '../core/closest.ts';
import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import type { CountryCodeRecord, RateRecord, Records, SourceRecord, TradeRecord } from './records.ts';

/** Every row cites a source defined once in the sources table. */
export function checkSources(records: Records): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, SourceRecord>();
  for (const source of records.sources) {
    if (ids.has(source.id)) {
      problems.push({
        file: source.file,
        line: source.line,
        column: 'id',
        message: m.duplicateSource(source.id),
      });
    }
    ids.set(source.id, source);
  }
  const known = [...ids.keys()];
  for (const row of [...records.trade, ...records.figures, ...records.rates]) {
    if (ids.has(row.source)) continue;
    const message = m.unknownSource(row.source, closest(row.source, known));
    problems.push({ file: row.file, line: row.line, column: 'source', message });
  }
  return problems;
}

/**
 * Rows with the same key must agree. Identical repeats (a file dropped in twice, overlapping
 * downloads) are kept once, so nothing is counted twice.
 */
function dedupe<T extends { file: string; line: number }>(
  rows: T[],
  key: (row: T) => string,
  value: (row: T) => number | string,
  conflict: (earlier: T, row: T) => Problem,
): { kept: T[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Map<string, T>();
  const kept = rows.filter((row) => {
    const rowKey = key(row);
    const earlier = seen.get(rowKey);
    if (!earlier) {
      seen.set(rowKey, row);
      return true;
    }
    if (value(earlier) !== value(row)) problems.push(conflict(earlier, row));
    return false;
  });
  return { kept, problems };
}

const otherFile = (earlier: { file: string }, row: { file: string }) =>
  earlier.file === row.file ? undefined : earlier.file;

export function dedupeTrade(records: Records): Problem[] {
  const { kept, problems } = dedupe<TradeRecord>(
    records.trade,
    (r) => `${r.period}|${r.reporter}|${r.partner}|${r.flow}|${r.product}|${r.source}`,
    (r) => r.value,
    (earlier, row) => ({
      file: row.file,
      line: row.line,
      column: 'value',
      message: m.duplicateKey(earlier.line, String(earlier.value), otherFile(earlier, row)),
    }),
  );
  records.trade = kept;
  return problems;
}

export function dedupeRates(records: Records): Problem[] {
  const { kept, problems } = dedupe<RateRecord>(
    records.rates,
    (r) => [r.period, r.currency].join('|'),
    (r) => r.perUsd,
    (earlier, row) => ({
      file: row.file,
      line: row.line,
      column: 'per_usd',
      message: m.duplicateRate(earlier.line, String(earlier.perUsd), otherFile(earlier, row)),
    }),
  );
  records.rates = kept;
  return problems;
}

export function dedupeCountryCodes(records: Records): Problem[] {
  const { kept, problems } = dedupe<CountryCodeRecord>(
    records.countryCodes,
    (r) => r.code,
    (r) => r.iso3,
    (earlier, row) => ({
      file: row.file,
      line: row.line,
      column: 'country_code',
      message: m.duplicateCountryCode(row.code, earlier.iso3, earlier.line, otherFile(earlier, row)),
    }),
  );
  records.countryCodes = kept;
  return problems;
}
