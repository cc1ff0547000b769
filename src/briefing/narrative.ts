import { NOT_PRODUCTS } from '../core/hs.ts';
import { chapterName, sectorName } from '../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../indicators/types.ts';
import { change, latestYears, levelShift, pct, pick, select, usd, valueAt } from './facts.ts';

/**
 * The briefing's sentences, written from indicators.json: every number in them is looked up there,
 * none is typed into a template. A sentence whose numbers are missing is left out, not filled in.
 */
export function keyFindings(set: IndicatorSet): string[] {
  return [
    trend(set),
    balanceFinding(set),
    importFinding(set),
    exportFinding(set),
    opportunityFinding(set),
    potentialFinding(set),
    targetFinding(set),
  ].filter((s): s is string => s !== undefined);
}

function trend(set: IndicatorSet): string | undefined {
  const { latest, previous } = latestYears(set);
  const total = latest && pick(set, 'trade.total', latest);
  if (!latest || !total || total.value === null) return undefined;
  const yoy = valueAt(set, 'growth.total.yoy', latest);
  const cagr = pick(set, 'growth.total.cagr');
  return (
    `Trade ${scopeIn(set)}between ${set.meta.reporterName} and ${set.meta.partnerName} was ${usd(total.value, 'bn')} in ${latest}${total.provisional ? ' (provisional)' : ''}` +
    (yoy === undefined || !previous
      ? ''
      : `, ${yoy < 0 ? 'down' : 'up'} ${pct(Math.abs(yoy))} on ${previous} (${usd(valueAt(set, 'trade.total', previous), 'bn')})`) +
    (cagr?.value == null ? '.' : `; ${growthSentence(set, cagr)}.`)
  );
}

/** Growth since the first year, or, across a level shift, growth before and since it. */
function growthSentence(set: IndicatorSet, cagr: Indicator): string {
  const shifted = levelShift(set, 'total');
  if (!shifted?.before?.value || !shifted.after?.value)
    return `it has ${rate(cagr.value ?? 0, 'grown', 'fallen')} a year since ${cagr.dims?.from} (compound, endpoint)`;
  const { before, after } = { before: shifted.before.value, after: shifted.after.value };
  // The verb once where both rates go the same way: "grew 8.6 % … and 6.6 % …".
  const second = before < 0 === after < 0 ? pct(Math.abs(after)) : rate(after, 'grew', 'fell');
  return `it ${rate(before, 'grew', 'fell')} a year to ${shifted.before.dims?.to} and ${second} a year since ${shifted.shift.period}, when it jumped ${pct(shifted.shift.value ?? undefined)} in one year`;
}

/** "grown 2.0 %", "fallen 2.8 %": a fall is never called growth of a negative rate. */
export function rate(value: number, rise: string, fall: string): string {
  return value < 0 ? `${fall} ${pct(-value)}` : `${rise} ${pct(value)}`;
}

function balanceFinding(set: IndicatorSet): string | undefined {
  const { latest, previous } = latestYears(set);
  if (!latest) return undefined;
  const x = valueAt(set, 'trade.exports', latest);
  const m = valueAt(set, 'trade.imports', latest);
  const balance = valueAt(set, 'trade.balance', latest);
  const coverage = valueAt(set, 'trade.coverage', latest);
  if (x === undefined || m === undefined || balance === undefined || coverage === undefined) return undefined;
  const before = previous ? valueAt(set, 'trade.coverage', previous) : undefined;
  return (
    `${set.meta.reporterName} imported ${usd(m, 'bn')} and exported ${usd(x, 'm')}${scopeOf(set)}: a balance of ${usd(balance, 'bn')}, with exports covering ${pct(coverage)} of imports` +
    (before === undefined ? '.' : ` (${pct(before)} in ${previous}).`)
  );
}

function importFinding(set: IndicatorSet): string | undefined {
  const shares = select(set, 'composition.chapter.share', { flow: 'import' }).filter(
    (i) => i.value !== null && i.dims?.chapter !== 'OTHER',
  );
  const period = shares[shares.length - 1]?.period;
  const top = shares
    .filter((s) => s.period === period)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 2);
  const [first, second] = top;
  if (!first || !period || singleChapterScope(set)) return undefined;
  const name = (code: string | undefined) => chapterPhrase(set, code ?? '');
  return (
    `${capitalise(name(first.dims?.chapter))} made up ${pct(first.value ?? undefined)} of imports${scopeOf(set)} from ${set.meta.partnerName} in ${period}` +
    (second ? `; ${name(second.dims?.chapter)} a further ${pct(second.value ?? undefined)}.` : '.')
  );
}

function exportFinding(set: IndicatorSet): string | undefined {
  const values = select(set, 'composition.chapter.value', { flow: 'export' }).filter((i) => i.value !== null);
  const period = values[values.length - 1]?.period;
  const latest = values.filter((v) => v.period === period);
  const top = latest
    .filter((v) => v.dims?.chapter !== 'OTHER' && !NOT_PRODUCTS.has(v.dims?.chapter ?? ''))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .slice(0, 3);
  if (top.length === 0 || !period || singleChapterScope(set)) return undefined;
  const other = pick(set, 'composition.chapter.share', period, { flow: 'export', chapter: 'OTHER' });
  const list = top.map((v) => chapterPhrase(set, v.dims?.chapter ?? '', usd(v.value ?? undefined, 'm')));
  return (
    `${set.meta.reporterName}'s largest exports${scopeOf(set)} to ${set.meta.partnerName} in ${period} were ${joinList(list)}` +
    (other?.value == null
      ? '.'
      : `; ${pct(other.value)} of exports is not itemised by chapter in the source.`)
  );
}

function opportunityFinding(set: IndicatorSet): string | undefined {
  const shares = select(set, 'opportunity.shareOfDemand').filter(
    (s) => s.value !== null && s.status === 'ok',
  );
  const best = shares.sort((a, b) => (a.value ?? 0) - (b.value ?? 0))[0];
  if (!best) return undefined;
  const sector = best.dims?.sector ?? '';
  const demand = pick(set, 'opportunity.demand', undefined, { sector });
  const supply = pick(set, 'composition.sector.value', best.period, { flow: 'export', sector });
  if (!demand || demand.value === null || !supply) return undefined;
  return `${set.meta.partnerName}'s ${sectorName(set, sector).toLowerCase()} imports are put at ${demand.high ? `${usd(demand.value, 'bn')}–${usd(demand.high, 'bn')}` : `about ${usd(demand.value, 'bn')}`} a year (${/\d{4}/.test(demand.period) ? `published estimate for ${demand.period}` : 'published estimate, year not stated'}); ${set.meta.reporterName}'s exports of ${usd(supply.value ?? undefined, 'm')} in ${supply.period} would be ${pct(best.value ?? undefined)} of that market.`;
}

/** The untapped export potential computed from the partner's imports from the world, where there is one. */
function potentialFinding(set: IndicatorSet): string | undefined {
  const untapped = select(set, 'matrix.untapped').filter((i) => i.value !== null);
  const first = untapped.find((i) => i.dims?.rank === '1');
  const chapter = first?.dims?.chapter;
  if (!first?.value || first.value <= 0 || !chapter) return undefined;
  const positive = untapped.filter((i) => (i.value ?? 0) > 0);
  const total = positive.reduce((sum, i) => sum + (i.value ?? 0), 0);
  const net = untapped.reduce((sum, i) => sum + (i.value ?? 0), 0);
  // A chapter with no potential and no exports (0 − 0) is not one where it sells more.
  const above = untapped.filter((i) => (i.value ?? 0) < 0).length;
  const { reporterName, partnerName } = set.meta;
  const chapters = `${positive.length} HS chapter${positive.length === 1 ? '' : 's'}`;
  return (
    `At its share of “world” exports, ${reporterName} would sell ${partnerName} ${usd(total)} more than it does in the ${chapters} where it sells below that share (${first.period}, from ${partnerName}'s imports from the world)` +
    (above === 0 ? '' : `; ${netOf(net, above)}`) +
    `; the most in HS ${chapter} (${chapterName(set, chapter).toLowerCase()}), ${usd(first.value)}.`
  );
}

/** The untapped potential net of the chapters where exports already exceed it. */
export function netOf(net: number, above: number): string {
  const where = `the ${above} chapter${above === 1 ? '' : 's'} where it already sells more`;
  return net >= 0 ? `${usd(net)} net of ${where}` : `net of ${where}, ${usd(-net)} less than at that share`;
}

function targetFinding(set: IndicatorSet): string | undefined {
  const needed = select(set, 'target.requiredCagr').find((i) => i.value !== null);
  const target =
    needed && pick(set, 'target.value', undefined, { targetYear: needed.dims?.targetYear ?? '' });
  if (!needed || !target) return undefined;
  const shifted = levelShift(set, 'total');
  const achieved = shifted?.after ?? pick(set, 'growth.total.cagr');
  const { latest } = latestYears(set);
  const lastYoy = latest ? valueAt(set, 'growth.total.yoy', latest) : undefined;
  const others = select(set, 'target.requiredCagrReading', { targetYear: needed.dims?.targetYear ?? '' })
    .map((i) => i.value)
    .filter((v): v is number => v !== null);
  const range =
    others.length > 0
      ? ` if ${target.period} means ${needed.period.split('–').pop()} (${pct(Math.min(...others))} to ${pct(Math.max(...others))} on other readings)`
      : ` over ${needed.period}`;
  const since = shifted?.after ? `since ${shifted.shift.period}` : `achieved since ${achieved?.dims?.from}`;
  return (
    `The ${usd(target.value ?? undefined, 'bn')} target for ${target.period} needs ${pct(needed.value ?? undefined)} growth a year${range}` +
    (achieved?.value == null ? '' : `, against ${pct(achieved.value)} a year ${since}`) +
    (lastYoy === undefined || shifted ? '.' : ` and ${change(lastYoy)} in ${latest}.`)
  );
}

/** "in electronic integrated circuits, HS 8542 " where the inputs hold only some products; else nothing. */
function scopeIn(set: IndicatorSet): string {
  return set.meta.partialScope ? `in ${set.meta.partialScope.label} ` : '';
}

/** " of HS 8542" where the inputs hold only some products; else nothing. */
function scopeOf(set: IndicatorSet): string {
  return set.meta.partialScope ? ` of ${set.meta.partialScope.short}` : '';
}

/** A scope within one chapter: its chapter shares are 100 % by construction and say nothing. */
function singleChapterScope(set: IndicatorSet): boolean {
  const products = set.meta.partialScope?.products ?? [];
  return products.length > 0 && new Set(products.map((p) => p.slice(0, 2))).size === 1;
}

/** "mineral fuels (HS 27)", or "HS 27" alone where the inputs give no name for the chapter. */
function chapterPhrase(set: IndicatorSet, code: string, extra?: string): string {
  const tail = extra ? `, ${extra}` : '';
  if (!set.chapters.some((c) => c.code === code)) return `HS ${code}${extra ? ` (${extra})` : ''}`;
  return `${shortName(chapterName(set, code)).toLowerCase()} (HS ${code}${tail})`;
}

/** A sentence takes a chapter's name to its first ";", and a long clause to its first comma. */
const CLAUSE = 48;

/**
 * "Natural, cultured pearls", "Mineral fuels": the name's first clause, cut at its first comma where
 * that runs long, but never after a single word ("Natural," alone names nothing).
 */
export function shortName(name: string): string {
  const clause = (name.split(';')[0] ?? name).trim();
  const comma = clause.indexOf(',');
  if (clause.length <= CLAUSE || comma < 0 || !clause.slice(0, comma).includes(' ')) return clause;
  return clause.slice(0, comma);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
