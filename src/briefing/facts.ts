import {
  formatAmount,
  formatChange,
  formatNumber,
  formatPercent,
  formatUsd,
  type UsdUnit,
  usdUnitFor,
} from '../core/format.ts';
import { parsePeriod } from '../core/periods.ts';
import { pick, publishers, select, valueAt } from '../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../indicators/types.ts';

/** The pair's latest and previous years, as the cover and the narrative name them. */
export function latestYears(set: IndicatorSet): { latest?: string; previous?: string } {
  const periods = select(set, 'trade.total')
    .filter((i) => i.value !== null)
    .map((i) => i.period);
  const exportsOrImports = [...select(set, 'trade.exports'), ...select(set, 'trade.imports')].map(
    (i) => i.period,
  );
  const list = periods.length ? periods : [...new Set(exportsOrImports)];
  return { latest: list[list.length - 1], previous: list[list.length - 2] };
}

export const usd = (value: number | undefined, unit?: UsdUnit): string =>
  value === undefined ? 'n/a' : formatUsd(value, unit);
/** A table cell in the table's unit, named in its column header: "4,881", "1.2", "<0.1". */
export const amount = (value: number | undefined, unit: UsdUnit): string =>
  value === undefined ? 'n/a' : formatAmount(value, unit);
/** A table cell in USD million, for a table whose header names that unit. */
export const millions = (value: number | undefined): string => amount(value, 'm');
export const pct = (value: number | undefined): string =>
  value === undefined ? 'n/a' : formatPercent(value);
export const change = (value: number | undefined): string =>
  value === undefined ? 'n/a' : formatChange(value);

export { pick, select, valueAt };

const QUALIFIER: Record<string, string> = { at_least: 'over ', approx: 'about ' };

/** A value in its own unit, with its range and qualifier: "about USD 10 bn", "over 120,000 persons". */
export function formatValue(i: Indicator): string {
  if (i.value === null) return 'not available';
  const one = (v: number) =>
    i.unit === 'USD' ? formatUsd(v) : i.unit === 'ratio' ? formatPercent(v) : `${formatNumber(v)} ${i.unit}`;
  const text = i.high === undefined ? one(i.value) : `${one(i.value)} to ${one(i.high)}`;
  return `${QUALIFIER[i.dims?.qualifier ?? ''] ?? ''}${text}`;
}

/** "Work permit quota, 2025: 71,817 permits (DNA India)". */
export function describeFigure(set: IndicatorSet, i: Indicator): string {
  const label = `${i.label.charAt(0).toUpperCase()}${i.label.slice(1)}`;
  const note = i.note ? ` ${i.note.charAt(0).toUpperCase()}${i.note.slice(1).replace(/\.?$/, '.')}` : '';
  return `${label}, ${i.period}: ${formatValue(i)} (${publishers(set, i.sources).join('; ')}).${note}`;
}

/** An index with its range where the indicator gives one: "0.85", "0.14 to 0.38". */
export function indexText(i: Indicator | undefined, digits = 2): string {
  if (i?.value == null) return 'n/a';
  const one = (v: number) => formatNumber(v, digits);
  // A range narrower than the printed precision reads as one value.
  return i.high === undefined || one(i.high) === one(i.value)
    ? one(i.value)
    : `${one(i.value)} to ${one(i.high)}`;
}

/** A ratio as a percentage with its range where the indicator gives one: "1.3 %", "1.3 % to 2.0 %". */
export function percentText(i: Indicator | undefined): string {
  if (i?.value == null) return 'n/a';
  const low = formatPercent(i.value);
  return i.high === undefined || formatPercent(i.high) === low ? low : `${low} to ${formatPercent(i.high)}`;
}

/**
 * "at least " or "at most " where the engine marks a value as a bound: its note then has a part
 * that starts so ("at least: some of its chapters are not itemised").
 */
export function bound(i: Indicator | undefined): string {
  const part = i?.note?.split('; ').find((p) => /^at (least|most)\b/.test(p));
  return part ? `${part.startsWith('at least') ? 'at least' : 'at most'} ` : '';
}

/** A USD range in one unit, as formatUsd would choose it for the high end: "USD 2,700–2,800 m". */
export function usdRange(value: number | undefined, high?: number, unit?: UsdUnit): string {
  if (value === undefined) return 'n/a';
  if (high === undefined) return usd(value, unit);
  const chosen = unit ?? usdUnitFor(high) ?? 'thousand';
  const low = usd(value, chosen)
    .replace(/^USD /, '')
    .replace(/ (bn|m|thousand)$/, '');
  return `USD ${low}–${usd(high, chosen).replace(/^USD /, '')}`;
}

/** What "the world" of RCA and world shares is for a period: "the 97 reporters' exports in the inputs". */
export function worldOf(set: IndicatorSet, period: string | undefined): string {
  const reporters = pick(set, 'specialisation.worldExports', period)?.dims?.reporters;
  return reporters
    ? `the exports of the ${reporters} reporters in the inputs`
    : 'the exports of the reporters in the inputs';
}

/** The latest level shift of a measure's series, with the growth before and after it, if there is one. */
export function levelShift(
  set: IndicatorSet,
  measure: 'total' | 'exports' | 'imports',
): { shift: Indicator; before?: Indicator; after?: Indicator } | undefined {
  const shift = select(set, `growth.${measure}.levelShift`).pop();
  if (shift?.value == null) return undefined;
  const segment = (name: string) => pick(set, `growth.${measure}.segment`, undefined, { segment: name });
  return { shift, before: segment('before'), after: segment('after') };
}

/** "8.6 % a year before it (FY2010-11–FY2021-22) and 6.6 % after (FY2022-23–FY2025-26)". */
export function beforeAndAfter(shift: { before?: Indicator; after?: Indicator }): string {
  const part = (i: Indicator | undefined, word: string) =>
    i?.value == null ? '' : `${pct(i.value)} a year ${word} (${i.period})`;
  return [part(shift.before, 'before it'), part(shift.after, 'after')].filter(Boolean).join(' and ');
}

/**
 * Said beside a figure older than the briefing's data: its year, and whether it predates the latest
 * level shift of the pair's trade (a finding drawn from before it may no longer hold).
 */
export function staleness(set: IndicatorSet, period: string, plural = false): string | undefined {
  const year = parsePeriod(period.split('–').pop() ?? period)?.year;
  const vintage = parsePeriod(set.meta.vintage.period)?.year;
  if (year === undefined || vintage === undefined || year >= vintage) return undefined;
  const shift = select(set, 'growth.total.levelShift').pop();
  const shiftYear = shift && parsePeriod(shift.period)?.year;
  const before = shiftYear !== undefined && year < shiftYear;
  return `${plural ? `${period} figures` : `${article(period)} ${period} figure`}, older than the ${set.meta.vintage.period} data${before ? `, from before the ${shift?.period} level shift in the pair's trade` : ''}`;
}

/**
 * The indefinite article a period label takes when read aloud: "an FY2024-25" (eff-why), "an 1890",
 * "an 8th"; "a 2019".
 */
export function article(label: string): 'a' | 'an' {
  return /^(FY|8|1[18]\d\d(?!\d))/.test(label) ? 'an' : 'a';
}

/** "; a 2019 figure, older than …": to close a parenthesis after a source, or nothing. */
export function staleBeside(set: IndicatorSet, period: string): string {
  const said = staleness(set, period);
  return said ? `; ${said}` : '';
}
