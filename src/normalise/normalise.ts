import type { Config } from '../config/schema.ts';
import { closest } from '../core/closest.ts';
import { OTHER_ASIA_NES } from '../core/countries.ts';
import { InputError, type Problem } from '../core/errors.ts';
import { formatPercent, formatUsd } from '../core/format.ts';
import { groupByFields } from '../core/group.ts';
import { expandChapterRange } from '../core/hs.ts';
import { dataNotes, inputMessages, normaliseMessages } from '../core/messages.ts';
import { type Period, parsePeriod } from '../core/periods.ts';
import { isBriefingRow, isPairRow } from '../core/relevance.ts';
import { compareText } from '../core/text.ts';
import type { HsSectionRecord, IngestResult, TradeRecord } from '../ingest/records.ts';
import { HS_REFERENCE } from '../reference/hs.ts';
import { toChapters } from './chapters.ts';
import { concernsPair, normaliseFigure } from './figures.ts';
import { matrixZeros } from './matrixZeros.ts';
import { createUsdConverter } from './money.ts';
import { toProductRows } from './products.ts';
import { locationOf } from './refs.ts';
import { tradeScope } from './scope.ts';
import type { ChapterInfo, DataNote, NormalisedTable, SectorInfo, TradeRow } from './table.ts';
import { unitSlips } from './unitSlips.ts';

/** Chapters that fall short of the total by more than this share get an explicit "Other" line. */
const OTHER_THRESHOLD = 0.001;
/** Differences between sources below this share are rounding, summarised in one note. */
const ROUNDING = 0.001;
/**
 * Chapters may add up to more than a total from another source or release (revisions, rounding; a
 * pair that trades one chapter has it over the total by any such difference); by more than a quarter,
 * one of them is wrong (a unit slip) and every share and concentration index would be too.
 */
const CHAPTERS_OVER_TOTAL = 0.25;

/**
 * Brings the ingested records to one currency, one product level and one pair: the rows the
 * indicators need, each still carrying its sources and the input lines behind it.
 */
export function normalise(ingested: IngestResult, config: Config): NormalisedTable {
  const { reporter, partner } = config;
  const notes: DataNote[] = [];
  const sectors: SectorInfo[] = config.sectors.map((s) => ({
    ...s,
    chapterList: s.chapters.flatMap(expandChapterRange),
  }));
  const sectorOf = new Map(sectors.flatMap((s) => s.chapterList.map((c) => [c, s.id] as const)));

  const known = ingested.sources.map((s) => s.id);
  const unknownNoteSources = config.notes.flatMap((note, i) =>
    note.sources
      .filter((id) => !known.includes(id))
      .map((id) => ({
        file: 'config',
        key: `notes.${i}.sources`,
        message: inputMessages.unknownSource(id, closest(id, known)),
      })),
  );
  // An id in sourcePriority that no source has ranks nothing. Where it is a slip for a source the list
  // does not rank otherwise, and a source of the inputs ranked below it would now win, that changes a
  // figure; anything else is a source these inputs lack.
  const misspeltPriorities = config.sourcePriority.flatMap((id, i) => {
    const meant = known.includes(id) ? undefined : closest(id, known);
    const outranked = config.sourcePriority.slice(i + 1).some((later) => known.includes(later));
    return meant && outranked && !config.sourcePriority.includes(meant)
      ? [{ file: 'config', key: `sourcePriority.${i}`, message: inputMessages.misspeltPriority(id, meant) }]
      : [];
  });
  const unknownIds = [...unknownNoteSources, ...misspeltPriorities];
  if (unknownIds.length > 0) throw new InputError(unknownIds);
  const relevant = ingested.trade.filter((r) => isBriefingRow(r, reporter, partner));
  const pairRows = relevant.filter((r) => isPairRow(r, reporter, partner));
  if (pairRows.length === 0) {
    const aside = setAside(ingested);
    throw new InputError([
      { file: 'inputs', message: inputMessages.noTradeForPair(reporter, partner, aside) },
    ]);
  }
  // The briefing speaks from the reporter's side, with its own figures: the partner's alone would leave
  // every figure of the pair unavailable, on a cover with no date.
  if (!pairRows.some((r) => r.reporter === reporter))
    throw new InputError([{ file: 'inputs', message: inputMessages.onlyPartnerReports(reporter, partner) }]);
  // 1. Each row in US dollars, at the product level its file gives.
  const usd = createUsdConverter(ingested.rates);
  const products: TradeRow[] = [];
  // A file names a few periods over thousands of rows: each is parsed once.
  const periods = new Map<string, Period | undefined>();
  for (const record of [...relevant, ...matrixZeros(relevant, ingested.files, reporter, partner)]) {
    const valueUsd = usd.toUsd(record.value, record.unit, record.period, record);
    if (valueUsd === undefined) continue;
    const rateSource = usd.rateSource(record.unit, record.period);
    // A flow a matrix is silent on has no line behind it, but the whole file.
    const ref = record.line > 0 ? `${record.file}:${record.line}` : record.file;
    const refs = rateSource ? [ref, `rate:${rateSource}`] : [ref];
    if (!periods.has(record.period)) periods.set(record.period, parsePeriod(record.period));
    products.push(toRow(record, periods.get(record.period), valueUsd, refs));
  }
  const productRows = toProductRows(
    ingested.products,
    config,
    (record) => usd.toUsd(record.value, record.unit, record.period, record),
    config.sourcePriority,
  );
  usd.throwIfProblems();

  // 2. One value per period, reporter, partner, flow and product: the preferred source's.
  const publisher = (id: string) => ingested.sources.find((s) => s.id === id)?.publisher || id;
  const preferred = chooseSources(products, config.sourcePriority, notes, publisher);

  // 3. HS chapters from the products of every file and source, without counting any twice.
  const chosen = toChapterRows(preferred, sectorOf);
  const trade = [...chosen, ...reconcileTotals(chosen, notes)].sort(compareRows);
  // Totals as the inputs give them: one summed from a year's few chapters is no slip.
  const slips = unitSlips(chosen);
  if (slips.problems.length > 0) throw new InputError(slips.problems);
  notes.push(...slips.notes);
  notes.unshift(...provisionalNotes(trade, ingested));
  notes.push(...taiwanNotes(trade, ingested));

  const sourceIds = new Set(ingested.sources.map((s) => s.id));
  const pairFigures = ingested.figures.filter(
    (f) => concernsPair(f.scope, reporter, partner) && sourceIds.has(f.source),
  );
  const figures = pairFigures.map((f) => normaliseFigure(f, usd));
  usd.throwIfProblems();
  const sectorIds = sectors.map((s) => s.id);
  const unknownSectors = pairFigures
    .filter((f) => f.topic === 'sector' && !sectorIds.includes(f.sector))
    .map((f) => ({
      file: f.file,
      line: f.line,
      column: 'sector',
      message: inputMessages.unknownFigureSector(f.sector, closest(f.sector, sectorIds)),
    }));
  if (unknownSectors.length > 0) throw new InputError(unknownSectors);
  for (const source of ingested.sources) {
    if (source.id.startsWith('file:'))
      notes.push({ kind: 'unsourced', text: dataNotes.unsourcedFile(source.title), sources: [source.id] });
  }
  const chapters: ChapterInfo[] = chapterNames(ingested).map((c) => ({
    ...c,
    sector: sectorOf.get(c.code) ?? 'other',
  }));
  return {
    trade,
    products: productRows,
    scope: tradeScope(pairRows, ingested.files),
    figures,
    sources: ingested.sources,
    chapters,
    sections: sectionNames(ingested),
    sectors,
    notes,
    files: ingested.files,
    rejects: rejectsOf(ingested),
  };
}

/** How many rows the inputs set aside, by reason. */
function rejectsOf(ingested: IngestResult): Record<string, number> {
  const rejects: Record<string, number> = {};
  for (const file of ingested.files) {
    for (const [reason, count] of Object.entries(file.rejected))
      rejects[reason] = (rejects[reason] ?? 0) + count;
  }
  return rejects;
}

/** How many rows the inputs set aside, and the reason given most; undefined when none. */
function setAside(ingested: IngestResult): { rows: number; most: string } | undefined {
  const byReason = Object.entries(rejectsOf(ingested));
  const [most] = byReason.sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  if (!most) return undefined;
  return { rows: byReason.reduce((sum, [, count]) => sum + count, 0), most: most[0] };
}

/**
 * HS chapter names: the inputs' own HS names file first, the built-in HS 2022 nomenclature for the
 * rest, and for chapters neither has (national 98, 99) the name a trade file gives.
 */
function chapterNames(ingested: IngestResult): { code: string; name: string; section: string }[] {
  const own = new Set(ingested.hsChapters.map((c) => c.code));
  const chapters = [...ingested.hsChapters, ...HS_REFERENCE.chapters.filter((c) => !own.has(c.code))];
  const known = new Set(chapters.map((c) => c.code));
  const extra = new Map<string, string>();
  for (const label of ingested.productLabels) {
    if (label.code.length !== 2 || known.has(label.code) || extra.has(label.code)) continue;
    // Official tables often shout ("PROJECT GOODS; SOME SPECIAL USES."): print them as sentences.
    const name = label.name.replace(/\.$/, '');
    extra.set(label.code, name === name.toUpperCase() ? name.charAt(0) + name.slice(1).toLowerCase() : name);
  }
  return [...chapters, ...[...extra].map(([code, name]) => ({ code, name, section: '' }))];
}

/** HS section names: the inputs' own first, the built-in nomenclature for the rest. */
function sectionNames(ingested: IngestResult): HsSectionRecord[] {
  const own = new Set(ingested.hsSections.map((s) => s.id));
  return [...ingested.hsSections, ...HS_REFERENCE.sections.filter((s) => !own.has(s.id))];
}

/** A record as a row of the table, still at its own product level. */
function toRow(record: TradeRecord, period: Period | undefined, valueUsd: number, refs: string[]): TradeRow {
  if (!period) throw new Error(`ingest let through an unparsed period: ${record.period}`);
  return {
    period: period.label,
    basis: period.basis,
    year: period.year,
    reporter: record.reporter,
    partner: record.partner,
    flow: record.flow,
    product: record.product,
    sector: '',
    valueUsd,
    status: record.status,
    sources: [record.source],
    refs,
    ...(record.exporters === undefined ? {} : { exporters: record.exporters }),
  };
}

/** Product rows summed to HS chapters per period, reporter, partner and flow (`toChapters`). */
function toChapterRows(rows: TradeRow[], sectorOf: Map<string, string>): TradeRow[] {
  return groupByFields(rows, REPORT).flatMap((report) =>
    toChapters(report).map(({ product, valueUsd, refs, parts }) => ({
      ...(parts[0] as TradeRow),
      product,
      sector: product === 'TOTAL' ? '' : (sectorOf.get(product) ?? 'other'),
      valueUsd,
      status: parts.some((p) => p.status === 'provisional') ? 'provisional' : 'final',
      sources: sourcesOf(parts),
      refs,
    })),
  );
}

/** The sources of `rows`, each once, sorted. */
function sourcesOf(rows: TradeRow[]): string[] {
  // Most chapters sum one row of one source.
  const only = rows.length === 1 ? rows[0]?.sources : undefined;
  if (only?.length === 1) return [...only];
  return [...new Set(rows.flatMap((r) => r.sources))].sort();
}

/** The fields of one report: a period, reporter, partner and flow; and of one row of it. */
const REPORT = ['period', 'reporter', 'partner', 'flow'] as const;
const ROW = [...REPORT, 'product'] as const;

/** One value per key: the preferred source wins; disagreements become data notes. */
function chooseSources(
  rows: TradeRow[],
  priority: string[],
  notes: DataNote[],
  publisher: (id: string) => string,
): TradeRow[] {
  const rank = (r: TradeRow): [number, string] => {
    const i = priority.indexOf(r.sources[0] ?? '');
    return [i === -1 ? priority.length : i, r.sources[0] ?? ''];
  };
  const groups = groupByFields(rows, ROW);
  let rounding = 0;
  const roundingSources = new Set<string>();
  const chosen: TradeRow[] = [];
  const undecided: Problem[] = [];
  for (const group of groups) {
    // Most keys have one row: nothing to choose between.
    if (group.length === 1) {
      chosen.push(group[0] as TradeRow);
      continue;
    }
    group.sort((a, b) => {
      const [ra, sa] = rank(a);
      const [rb, sb] = rank(b);
      return ra - rb || compareText(sa, sb);
    });
    const [best, ...others] = group as [TradeRow, ...TradeRow[]];
    chosen.push(best);
    const differing = others.filter((o) => o.valueUsd !== best.valueUsd);
    if (differing.length === 0) continue;
    const worst = Math.max(
      ...differing.map((o) => Math.abs(o.valueUsd - best.valueUsd) / Math.max(best.valueUsd, 1)),
    );
    if (worst < ROUNDING) {
      rounding += 1;
      for (const r of [best, ...differing]) roundingSources.add(r.sources[0] ?? '');
      continue;
    }
    const what = `${best.period} ${best.reporter}→${best.partner} ${best.flow}s, ${best.product === 'TOTAL' ? 'total' : `HS ${best.product}`}`;
    if (rank(best)[0] === priority.length) {
      // No source is preferred: picking one would be a guess.
      const rival = differing[0] as TradeRow;
      undecided.push({
        ...locationOf(rival.refs[0] ?? ''),
        message: normaliseMessages.undecidedConflict(
          what,
          formatUsd(rival.valueUsd),
          formatUsd(best.valueUsd),
          best.refs[0] ?? '',
          [best, ...differing].map((r) => r.sources[0] ?? ''),
        ),
      });
      continue;
    }
    const othersText = differing
      .map((o) => `${publisher(o.sources[0] ?? '')} gives ${formatUsd(o.valueUsd)}`)
      .join('; ');
    notes.push({
      kind: 'conflict',
      text: dataNotes.sourceConflict(
        what,
        `${formatUsd(best.valueUsd)} from ${publisher(best.sources[0] ?? '')}`,
        othersText,
      ),
      sources: [best, ...differing].map((r) => r.sources[0] ?? ''),
    });
  }
  if (rounding > 0) {
    notes.push({
      kind: 'conflict',
      text: dataNotes.roundingDifferences(rounding),
      sources: [...roundingSources].sort(),
    });
  }
  if (undecided.length > 0) throw new InputError(undecided);
  return chosen;
}

/**
 * Totals and chapters agree: where chapters fall short of the total, the remainder becomes an explicit
 * "OTHER" row; where a report has chapters but no total, the total is their sum (and a note says so).
 */
function reconcileTotals(rows: TradeRow[], notes: DataNote[]): TradeRow[] {
  const added: TradeRow[] = [];
  const problems: Problem[] = [];
  const summed = new Set<string>();
  for (const report of groupByFields(rows, REPORT)) {
    let total: TradeRow | undefined;
    const chapters: TradeRow[] = [];
    for (const row of report) {
      if (row.product === 'TOTAL') total = row;
      else chapters.push(row);
    }
    if (!total && chapters.length > 0) {
      const first = chapters[0] as TradeRow;
      added.push({
        ...first,
        product: 'TOTAL',
        sector: '',
        valueUsd: chapters.reduce((s, r) => s + r.valueUsd, 0),
        status: chapters.some((r) => r.status === 'provisional') ? 'provisional' : 'final',
        sources: sourcesOf(chapters),
        refs: chapters.flatMap((r) => r.refs),
      });
      for (const r of chapters) summed.add(r.sources[0] ?? '');
      continue;
    }
    if (!total || chapters.length === 0) continue;
    const sum = chapters.reduce((s, r) => s + r.valueUsd, 0);
    const rest = total.valueUsd - sum;
    const sources = sourcesOf([total, ...chapters]);
    if (rest > OTHER_THRESHOLD * total.valueUsd) {
      added.push({ ...total, product: 'OTHER', sector: 'other', valueUsd: rest, sources, refs: total.refs });
      notes.push({
        kind: 'coverage',
        text: dataNotes.otherLine(
          total.period,
          total.flow,
          chapters.length,
          formatPercent(sum / total.valueUsd),
          formatPercent(rest / total.valueUsd),
        ),
        sources,
      });
    } else if (-rest > OTHER_THRESHOLD * total.valueUsd) {
      const largest = chapters.reduce((a, b) => (b.valueUsd > a.valueUsd ? b : a));
      if (-rest > CHAPTERS_OVER_TOTAL * total.valueUsd)
        problems.push({
          ...locationOf(largest.refs[0] ?? ''),
          column: 'value',
          message: inputMessages.chaptersOverTotal(
            `${total.period} ${total.flow}s`,
            largest.product,
            formatUsd(largest.valueUsd),
            formatUsd(sum),
            formatUsd(total.valueUsd),
            total.refs[0] ?? '',
          ),
        });
      notes.push({
        kind: 'coverage',
        text: dataNotes.chaptersExceedTotal(total.period, total.flow, formatUsd(-rest)),
        sources,
      });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  if (summed.size > 0)
    notes.push({ kind: 'coverage', text: dataNotes.totalsFromChapters(), sources: [...summed].sort() });
  return added;
}

function provisionalNotes(trade: TradeRow[], ingested: IngestResult): DataNote[] {
  const provisional = trade.filter((r) => r.status === 'provisional');
  if (provisional.length === 0) return [];
  const periods = [...new Set(provisional.map((r) => r.period))].sort();
  const sources = [...new Set(provisional.flatMap((r) => r.sources))].sort();
  const names = sources.map((id) => ingested.sources.find((s) => s.id === id)?.publisher || id);
  return [
    { kind: 'provisional', text: dataNotes.provisional(periods, [...new Set(names)].join('; ')), sources },
  ];
}

/** Formats that list Taiwan as "Other Asia, nes" (code 490), which is read as Taiwan. */
const OTHER_ASIA_AS_TAIWAN = new Set(['comtrade-plus', 'comtrade-legacy', 'baci']);

/** Says how Taiwan was read, when rows of a format listing it as "Other Asia, nes" name it. */
function taiwanNotes(trade: TradeRow[], ingested: IngestResult): DataNote[] {
  const files = new Set(ingested.files.filter((f) => OTHER_ASIA_AS_TAIWAN.has(f.format)).map((f) => f.file));
  const taiwan = OTHER_ASIA_NES.iso3;
  const rows = trade.filter(
    (r) =>
      (r.reporter === taiwan || r.partner === taiwan) &&
      r.refs.some((ref) => files.has(locationOf(ref).file)),
  );
  if (rows.length === 0) return [];
  const sources = [...new Set(rows.flatMap((r) => r.sources))].sort();
  return [{ kind: 'coverage', text: dataNotes.taiwanAsOtherAsia(), sources }];
}

function compareRows(a: TradeRow, b: TradeRow): number {
  return (
    compareText(a.reporter, b.reporter) ||
    compareText(a.partner, b.partner) ||
    compareText(a.flow, b.flow) ||
    compareText(a.basis, b.basis) ||
    a.year - b.year ||
    productOrder(a.product) - productOrder(b.product) ||
    compareText(a.product, b.product)
  );
}

function productOrder(product: string): number {
  return product === 'TOTAL' ? 0 : product === 'OTHER' ? 2 : 1;
}
