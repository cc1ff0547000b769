import { formatPercent } from '../core/format.ts';
import { indicatorNotes as t } from '../core/messages.ts';
import { findIndicator, type IndicatorContext, inherit, latestPairPeriod, notAvailable } from './context.ts';
import type { Indicator } from './types.ts';
import { chapterCount, unlistedCap, unlistedFill } from './unlisted.ts';

/** Grubel–Lloyd: 1 − |X − M| / (X + M); undefined where nothing is traded either way. */
export function grubelLloyd(x: number, m: number): number | null {
  return x + m > 0 ? 1 - Math.abs(x - m) / (x + m) : null;
}

/** The chapters of one period, as far as each side itemises them. */
export interface ChapterSides {
  /** Chapters known on both sides (a side that itemises every chapter knows the rest are zero). */
  known: { x: number; m: number }[];
  /** Exports of chapters itemised in exports only, their imports hidden in the import side's rest. */
  exportOnly: number[];
  /** Imports of chapters itemised in imports only. */
  importOnly: number[];
  /** Chapters itemised on neither side. */
  neither: number;
  /** The unitemised rest of each flow, and the most one of its chapters can hold. */
  rest: { x: number; m: number };
  cap: { x: number; m: number };
}

/**
 * The trade-weighted aggregate 1 − Σ|X_k − M_k| / Σ(X_k + M_k) = 2·Σ min(X_k, M_k) / (X + M).
 * With every chapter known it is exact; otherwise the chapters known on both sides give the low end,
 * and the high end adds the most the hidden chapters can match: the import rest first goes to the
 * chapters exported alone (each up to its exports and the import cap), the export rest to the chapters
 * imported alone, and what is left of both to chapters itemised on neither side.
 */
export function grubelLloydAggregate(
  sides: ChapterSides,
  totals: { x: number; m: number },
  complete: boolean,
): { low: number; high: number } | null {
  const overlap = sides.known.reduce((sum, c) => sum + Math.min(c.x, c.m), 0);
  if (complete) {
    const traded = sides.known.reduce((sum, c) => sum + c.x + c.m, 0);
    return traded > 0 ? { low: (2 * overlap) / traded, high: (2 * overlap) / traded } : null;
  }
  const traded = totals.x + totals.m;
  if (traded <= 0) return null;
  const { rest, cap } = sides;
  const toExportOnly = Math.min(
    rest.m,
    sides.exportOnly.reduce((sum, x) => sum + Math.min(x, cap.m), 0),
  );
  const toImportOnly = Math.min(
    rest.x,
    sides.importOnly.reduce((sum, m) => sum + Math.min(m, cap.x), 0),
  );
  const toNeither = unlistedFill(
    Math.min(rest.m - toExportOnly, rest.x - toImportOnly),
    sides.neither,
    Math.min(cap.x, cap.m),
  );
  const high = overlap + toExportOnly + toImportOnly + toNeither;
  return { low: (2 * overlap) / traded, high: (2 * high) / traded };
}

type Side = { chapters: Map<string, Indicator>; unitemised: boolean };

/** A chapter's value on one side: itemised, zero when the side is fully itemised, else unknown. */
function sideValue(side: Side, chapter: string): number | undefined {
  const value = side.chapters.get(chapter)?.value;
  return value ?? (side.unitemised ? undefined : 0);
}

/** What each side itemises of one period, and what its rest can hold; the loop fills in `known`. */
function chapterSides(
  ctx: IndicatorContext,
  exports: Side,
  imports: Side,
  totals: { x: number; m: number },
): ChapterSides {
  const values = (side: Side) => [...side.chapters.values()].map((i) => i.value ?? 0);
  const only = (one: Side, other: Side) =>
    [...one.chapters]
      .filter(([code]) => !other.chapters.has(code) && other.unitemised)
      .map(([, i]) => i.value ?? 0);
  const listed = new Set([...exports.chapters.keys(), ...imports.chapters.keys()]);
  const products = chapterCount(
    ctx.n.chapters.map((c) => c.code),
    [...listed],
  );
  const restOf = (side: Side, total: number) =>
    side.unitemised ? Math.max(0, total - values(side).reduce((sum, v) => sum + v, 0)) : 0;
  const rest = { x: restOf(exports, totals.x), m: restOf(imports, totals.m) };
  const capOf = (side: Side, sideRest: number) =>
    unlistedCap(values(side), sideRest, products - side.chapters.size);
  return {
    known: [],
    exportOnly: only(exports, imports),
    importOnly: only(imports, exports),
    neither: exports.unitemised && imports.unitemised ? products - listed.size : 0,
    rest,
    cap: { x: capOf(exports, rest.x), m: capOf(imports, rest.m) },
  };
}

/** Intra-industry trade of the pair by chapter and in aggregate, for each period with both flows by chapter. */
export function intraIndustryIndicators(ctx: IndicatorContext): Indicator[] {
  const values = ctx.computed.filter((i) => i.id === 'composition.chapter.value' && i.value !== null);
  const out: Indicator[] = [];
  for (const period of [...new Set(values.map((i) => i.period))]) {
    const side = (flow: string): Side => {
      const rows = values.filter((i) => i.period === period && i.dims?.flow === flow);
      return {
        chapters: new Map(
          rows.filter((i) => i.dims?.chapter !== 'OTHER').map((i) => [i.dims?.chapter ?? '', i] as const),
        ),
        unitemised: rows.some((i) => i.dims?.chapter === 'OTHER'),
      };
    };
    const exports = side('export');
    const imports = side('import');
    const totalX = findIndicator(ctx.computed, 'trade.exports', {}, period);
    const totalM = findIndicator(ctx.computed, 'trade.imports', {}, period);
    if (exports.chapters.size === 0 || imports.chapters.size === 0 || !totalX || !totalM) continue;
    const totals = { x: totalX.value ?? 0, m: totalM.value ?? 0 };
    const sides = chapterSides(ctx, exports, imports, totals);
    const known = sides.known;
    const used: Indicator[] = [totalX, totalM];
    const chapters = [...new Set([...exports.chapters.keys(), ...imports.chapters.keys()])].sort();
    for (const chapter of chapters) {
      const x = sideValue(exports, chapter);
      const m = sideValue(imports, chapter);
      const base = {
        id: 'intraIndustry.chapter',
        label: t.grubelLloydChapterLabel(chapter),
        period,
        unit: 'index',
        formula: 'grubelLloyd' as const,
        dims: { chapter },
      };
      const from = [exports.chapters.get(chapter), imports.chapters.get(chapter)].filter(
        (i): i is Indicator => i !== undefined,
      );
      if (x === undefined || m === undefined) {
        // One side hides the chapter in its rest, at most its cap: from no overlap to the most it can match.
        const shown = x ?? m ?? 0;
        const hidden = Math.min(shown, x === undefined ? sides.cap.x : sides.cap.m);
        const high = grubelLloyd(shown, hidden);
        const flow = x === undefined ? 'export' : 'import';
        if (high === null) continue;
        out.push({
          ...base,
          value: 0,
          high,
          status: 'partial',
          note: t.grubelLloydChapterRange(flow === 'export' ? 'exports' : 'imports'),
          ...inherit(from),
        });
        continue;
      }
      sides.known.push({ x, m });
      const value = grubelLloyd(x, m);
      if (value === null) continue;
      used.push(...from);
      out.push({ ...base, value, status: 'ok', ...inherit(from) });
    }
    const complete = !exports.unitemised && !imports.unitemised;
    const aggregate = grubelLloydAggregate(sides, totals, complete);
    if (!aggregate) continue;
    const covered =
      known.reduce((sum, c) => sum + c.x + c.m, 0) / ((totalX.value ?? 0) + (totalM.value ?? 0));
    out.push({
      id: 'intraIndustry.aggregate',
      label: t.grubelLloydAggregateLabel(),
      period,
      value: aggregate.low,
      ...(complete ? {} : { high: aggregate.high }),
      unit: 'index',
      formula: 'grubelLloydAggregate',
      status: complete ? 'ok' : 'partial',
      ...(complete ? {} : { note: t.grubelLloydRange(known.length, formatPercent(covered)) }),
      ...inherit(used),
    });
  }
  if (!out.some((i) => i.id === 'intraIndustry.aggregate')) {
    const label = t.grubelLloydAggregateLabel();
    const needs = t.needsBothFlowsByChapter(ctx.partnerName);
    out.push(
      notAvailable(
        {
          id: 'intraIndustry.aggregate',
          label,
          period: latestPairPeriod(ctx),
          unit: 'index',
          formula: 'grubelLloydAggregate',
        },
        needs,
      ),
    );
  }
  return out;
}
