import type { RenderedChart } from '../../charts/build.ts';
import { parsePeriod } from '../../core/periods.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { bound, indexText, pct, percentText, pick, select, staleness } from '../facts.ts';
import { joinList } from '../narrative.ts';
import { COLOURS, TYPE } from '../style.ts';
import { type UnavailableGroup, unavailableGroups } from '../unavailable.ts';
import type { Writer } from '../writer.ts';
import { writeChart } from './chart.ts';

/** The formulas this section reports; what the inputs don't allow of them is named at its end. */
const FORMULAS = [
  'hhi',
  'hhiNormalised',
  'grubelLloyd',
  'grubelLloydAggregate',
  'marketShare',
  'intensity',
  'complementarity',
  'mirror',
] as const;

/**
 * Indices the section's chart plots with their values, and the raw HHI, the same concentration on a
 * scale that depends on the number of chapters: the table beside the chart gives the others.
 */
const CHARTED = ['concentration.hhiNormalised', 'concentration.hhi', 'intraIndustry.aggregate'];

/** Digits an index is printed with: the raw HHI runs small, so it needs one more. */
const DIGITS: Record<string, number> = { hhi: 3, grubelLloydAggregate: 3 };

/**
 * How the pair's trade is built: concentration by chapter, intra-industry trade, and, where the inputs
 * hold the partner's or the world's side, market share, intensity, complementarity and mirror checks.
 */
export function writeStructure(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  // The heading keeps its finding with it; the chart may open the next page.
  w.section('Structure of the trade', { keepWith: 110 });
  const charted = charts.some((c) => c.id === 'trade-structure' && c.svg);
  const available = latestOfEach(
    set.indicators.filter(
      (i) =>
        (FORMULAS as readonly string[]).includes(i.formula) &&
        i.value !== null &&
        !i.dims?.chapter &&
        // A heading's market share ranks export potential; its section gives it.
        !i.dims?.heading &&
        !(charted && CHARTED.includes(i.id)),
    ),
  );
  const sentences = [concentrationFinding(set), intraIndustryFinding(set)].filter(Boolean);
  if (sentences.length > 0) w.paragraph(sentences.join(' '));
  // Without chapter detail the section's closing line already says what the indices need.
  if (charted) writeChart(w, charts, 'trade-structure');
  if (available.length > 0) {
    const stale = available.map((i) => staleness(set, i.period));
    w.table({
      columns: [
        { header: 'Indicator', width: 0.5 },
        { header: 'Period', width: 0.16 },
        { header: 'Value', width: 0.16, align: 'right' },
        { header: 'Scale', width: 0.18 },
      ],
      rows: available.map((i, k) => [
        capitalise(i.label),
        stale[k] ? `${i.period} *` : i.period,
        valueText(i),
        scaleOf(i),
      ]),
    });
    const said = [...new Set(stale.filter((x): x is string => x !== undefined))];
    if (said.length > 0) {
      w.paragraph(`* ${capitalise(joinList(said))}: it describes the trade of that year, not of today.`, {
        size: TYPE.body - 0.5,
        colour: COLOURS.muted,
      });
    }
  }
  const byChapter = set.indicators.filter(
    (i) => (FORMULAS as readonly string[]).includes(i.formula) && i.value !== null && i.dims?.chapter,
  );
  if (byChapter.length > available.length) {
    w.paragraph(`The same measures by HS chapter are in the annex (table A1) and in tables/structure.csv.`, {
      size: TYPE.body - 0.5,
      colour: COLOURS.muted,
    });
  }
  const missing = unavailableGroups(set, FORMULAS);
  if (missing.length > 0) {
    w.paragraph(
      `Not available from these inputs: ${missing.map(missingText).join('; ')}. The data notes say what each needs.`,
      { size: TYPE.body - 0.5, colour: COLOURS.muted },
    );
  }
}

/**
 * A group of indicators the inputs don't allow: by direction where it has one (the table above may
 * give the other direction), else by name and count.
 */
function missingText(group: UnavailableGroup): string {
  if (group.indicators.every((i) => i.dims?.exporter)) return group.indicators.map((i) => i.label).join('; ');
  return `${group.name}${group.indicators.length > 1 ? ` (${group.indicators.length} cases)` : ''}`;
}

/** The latest period of each indicator (id and dims apart from the period). */
function latestOfEach(list: Indicator[]): Indicator[] {
  const key = (i: Indicator) => `${i.id}|${JSON.stringify(i.dims ?? {})}`;
  const latest = new Map<string, Indicator>();
  for (const i of list) {
    const seen = latest.get(key(i));
    if (!seen || (parsePeriod(i.period)?.year ?? 0) >= (parsePeriod(seen.period)?.year ?? 0))
      latest.set(key(i), i);
  }
  return list.filter((i) => latest.get(key(i)) === i);
}

function valueText(i: Indicator): string {
  return `${bound(i)}${i.unit === 'ratio' ? percentText(i) : indexText(i, DIGITS[i.formula] ?? 2)}`;
}

/** What the number is measured against, so a reader needs no annex to place it. */
function scaleOf(i: Indicator): string {
  switch (i.formula) {
    case 'hhi':
      return '1/N to 1';
    case 'hhiNormalised':
    case 'grubelLloyd':
    case 'grubelLloydAggregate':
      return '0 to 1';
    case 'intensity':
      return 'above 1 = more than expected';
    case 'complementarity':
      return '0 to 100';
    case 'mirror':
      return '−100 % to 100 %; 0 = reports agree';
    default:
      return i.unit === 'ratio' ? 'share' : '';
  }
}

function concentrationFinding(set: IndicatorSet): string | undefined {
  const { partnerName } = set.meta;
  const at = (flow: string) => {
    const normalised = select(set, 'concentration.hhiNormalised', { flow })
      .filter((i) => i.value !== null)
      .pop();
    const other =
      normalised && pick(set, 'composition.chapter.share', normalised.period, { flow, chapter: 'OTHER' });
    return { normalised, other };
  };
  const imports = at('import');
  const exports = at('export');
  if (!imports.normalised || !exports.normalised) return undefined;
  const range = (x: typeof imports) =>
    x.other?.value == null || !indexText(x.normalised).includes(' to ')
      ? indexText(x.normalised)
      : `${indexText(x.normalised)} (a range, as ${pct(x.other.value)} of the flow is not itemised by chapter)`;
  return `On the normalised concentration index (0 = spread evenly over every HS chapter, 1 = a single chapter), imports from ${partnerName} in ${imports.normalised.period} stand at ${range(imports)}; exports to ${partnerName} at ${range(exports)}.`;
}

/** Chapters an intra-industry sentence names: those with the most two-way trade. */
const MOST_CHAPTERS = 3;

function intraIndustryFinding(set: IndicatorSet): string | undefined {
  // The latest year, as the table beside it gives.
  const aggregate = select(set, 'intraIndustry.aggregate')
    .filter((i) => i.value !== null)
    .pop();
  if (!aggregate) return undefined;
  const flowOf = (chapter: string, flow: string) =>
    pick(set, 'composition.chapter.value', aggregate.period, { flow, chapter })?.value ?? 0;
  // The chapters that weigh most in the aggregate: the largest overlap of exports and imports.
  const overlap = (i: Indicator) =>
    Math.min(flowOf(i.dims?.chapter ?? '', 'export'), flowOf(i.dims?.chapter ?? '', 'import'));
  // Only chapters traded both ways: a chapter known on both sides with one of them zero has no overlap.
  const chapters = select(set, 'intraIndustry.chapter').filter(
    (i) => i.value !== null && i.status === 'ok' && i.period === aggregate.period && overlap(i) > 0,
  );
  const named = [...chapters].sort((a, b) => overlap(b) - overlap(a)).slice(0, MOST_CHAPTERS);
  const list = joinList(named.map((c) => `HS ${c.dims?.chapter} (${indexText(c)})`));
  return (
    `Intra-industry trade (Grubel–Lloyd, 0 = trade one way only, 1 = fully two-way) is ${indexText(aggregate, 3)} over all chapters in ${aggregate.period}` +
    (named.length === 0
      ? '.'
      : named.length === chapters.length
        ? `; ${chapters.length === 1 ? 'one chapter is' : `${chapters.length} chapters are`} traded both ways, by value of two-way trade: ${list}.`
        : `; of the ${chapters.length} chapters traded both ways, those with the most two-way trade by value are ${list}.`)
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
