import type { Changes, Revision } from '../../changes/compare.ts';
import { shortChapterLabel } from '../../charts/labels.ts';
import { formatChange, formatNumber, formatPercent, formatUsd } from '../../core/format.ts';
import { chapterName } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { joinList } from '../narrative.ts';
import type { Writer } from '../writer.ts';

/** Revisions listed in the table: the largest first; changes.json has them all. */
export const SHOWN_REVISIONS = 12;

/** The revisions table's headers; revisionCells gives a row in the same order. */
export const REVISION_COLUMNS = ['Indicator', 'Period', 'Before', 'Now', 'Change'] as const;

function formatIn(unit: string, value: number): string {
  if (unit === 'USD') return formatUsd(value);
  if (unit === 'ratio') return formatPercent(value);
  return formatNumber(value, Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : 0);
}

/** Characters a chapter's name keeps in the Indicator column, so a row stays on one or two lines. */
const NAME_LENGTH = 28;

/** A revision's label with its chapter named, as the other sections name it: "HS 07 Edible vegetables". */
function labelOf(r: Revision, set: IndicatorSet): string {
  const chapter = r.dims.chapter;
  if (!chapter || !set.chapters.some((c) => c.code === chapter)) return r.label;
  const hs = `HS ${chapter}`;
  return r.label.replace(hs, `${hs} ${shortChapterLabel(chapterName(set, chapter), NAME_LENGTH)}`);
}

/** A revision as the briefing, the archive site and the e-mails print it. */
export function revisionCells(r: Revision, set: IndicatorSet): string[] {
  return [
    labelOf(r, set),
    r.period,
    formatIn(r.unit, r.before),
    formatIn(r.unit, r.after),
    r.change === null
      ? 'n/a'
      : r.changeIn === 'points'
        ? `${r.change > 0 ? '+' : ''}${formatNumber(r.change, 1)} pp`
        : formatChange(r.change),
  ];
}

/**
 * "Compared with the edition of …: 3 revised values." Undefined for a first edition, and for a new
 * edition whose figures are all as before (a new title, say): it has nothing to report.
 */
export function changesSummary(changes: Changes): string | undefined {
  if (!changes.previous) return undefined;
  const changed =
    changes.revised.length +
    changes.newPeriods.length +
    changes.nowFinal.length +
    changes.nowAvailable.length +
    changes.noLongerAvailable.length;
  if (changed === 0) return undefined;
  const parts = [
    changes.newPeriods.length
      ? `new period${changes.newPeriods.length > 1 ? 's' : ''} ${joinList(changes.newPeriods)}`
      : '',
    changes.nowFinal.length ? `final figures for ${joinList(changes.nowFinal)}` : '',
    `${changes.revised.length} revised value${changes.revised.length === 1 ? '' : 's'}`,
    changes.nowAvailable.length ? `${changes.nowAvailable.length} indicator values now available` : '',
    changes.noLongerAvailable.length ? `${changes.noLongerAvailable.length} no longer available` : '',
  ].filter(Boolean);
  return `Compared with the edition of ${changes.previous.vintage} (edition ${changes.previous.edition.slice(0, 8)}): ${joinList(parts)}.`;
}

/** What this edition changed against the previous one; nothing at all for a first edition. */
export function writeChanges(w: Writer, set: IndicatorSet, changes: Changes): void {
  const summary = changesSummary(changes);
  if (!summary) return;
  w.section('Changes since the last edition', { keepWith: 120 });
  w.paragraph(`${summary}${changes.revised.length > 0 ? ' The largest revisions, by relative change:' : ''}`);
  if (changes.revised.length === 0) return;
  const widths = [0.36, 0.18, 0.16, 0.16, 0.14];
  w.table({
    columns: REVISION_COLUMNS.map((header, i) => ({
      header,
      width: widths[i] ?? 0,
      ...(i >= 2 ? { align: 'right' as const } : {}),
    })),
    rows: changes.revised.slice(0, SHOWN_REVISIONS).map((r) => revisionCells(r, set)),
  });
}
