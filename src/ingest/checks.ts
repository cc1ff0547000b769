import { closest } from '../core/closest.ts';
import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';
import { baseAmount, parseMoneyUnit } from '../core/units.ts';
import { UNSOURCED } from './fileSources.ts';
import type {
  CountryCodeRecord,
  FileReport,
  RateRecord,
  Records,
  SourceRecord,
  TradeRecord,
} from './records.ts';

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

/**
 * Trade rows with the same period, reporter, partner, flow and product. One that repeats an earlier
 * row's amount (after its unit: 4.8813 USD bn is 4881.3 USD mn) from the same source, or from another
 * file no source covers (a download dropped in twice), is set aside and counted so in its file's
 * report. A different amount from the same source is a problem; from another source, it is left to
 * normalise, where `sourcePriority` decides.
 */
export function dedupeTrade(records: Records, files: FileReport[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, TradeRecord[]>();
  const repeats: { row: TradeRecord; of: TradeRecord }[] = [];
  records.trade = records.trade.filter((row) => {
    const key = [row.period, row.reporter, row.partner, row.flow, row.product].join('|');
    const earlier = seen.get(key) ?? [];
    const comparable = earlier.filter((e) => e.source === row.source || (isUnsourced(e) && isUnsourced(row)));
    const repeat = comparable.find((e) => sameAmount(e, row));
    if (repeat) {
      if (row.status === 'final' && repeat.status !== 'final') {
        // The same amount delivered again as final (a release confirming it): the final row is kept.
        const earlierRow = { ...repeat };
        Object.assign(repeat, row);
        repeats.push({ row: earlierRow, of: repeat });
      } else repeats.push({ row, of: repeat });
      return false;
    }
    const rival = comparable.find((e) => e.source === row.source);
    if (rival) {
      problems.push({
        file: row.file,
        line: row.line,
        // Only our own format has one value column; other formats name the value in the message.
        ...(files.find((f) => f.file === row.file)?.format === 'canonical' ? { column: 'value' } : {}),
        message: m.duplicateKey(rival.line, `${rival.value} ${rival.unit}`, otherFile(rival, row)),
      });
      return false;
    }
    seen.set(key, [...earlier, row]);
    return true;
  });
  setRepeatsAside(repeats, records.trade, files);
  return problems;
}

function isUnsourced(row: TradeRecord): boolean {
  return row.source.startsWith(UNSOURCED);
}

/** Same currency and the same amount in it, to the cent; unknown units never match (they are a problem already). */
function sameAmount(a: TradeRecord, b: TradeRecord): boolean {
  const unitA = parseMoneyUnit(a.unit);
  const unitB = parseMoneyUnit(b.unit);
  return (
    unitA !== undefined &&
    unitB !== undefined &&
    unitA.currency === unitB.currency &&
    baseAmount(a.value, unitA) === baseAmount(b.value, unitB)
  );
}

/**
 * Counts repeated rows as set aside in their files' reports. A file whose every record repeats
 * another's is set aside whole; otherwise a row is set aside when no record it gave is kept (a wide
 * table's row gives one record per year).
 */
function setRepeatsAside(
  repeats: { row: TradeRecord; of: TradeRecord }[],
  kept: TradeRecord[],
  files: FileReport[],
): void {
  const inUse = new Set(kept.map((r) => `${r.file}\0${r.line}`));
  for (const report of files) {
    const list = repeats.filter((r) => r.row.file === report.file);
    if (list.length === 0) continue;
    const setAside = (count: number, reason: string) => {
      report.rejected[reason] = (report.rejected[reason] ?? 0) + count;
      report.used -= count;
    };
    const of = list[0]?.of.file ?? report.file;
    if (list.length === report.records && of !== report.file) setAside(report.used, m.asideRepeatedFile(of));
    else {
      const lines = new Set(
        list.map((r) => r.row.line).filter((line) => !inUse.has(`${report.file}\0${line}`)),
      );
      setAside(lines.size, m.asideRepeat());
    }
    report.records -= list.length;
  }
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
