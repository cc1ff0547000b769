import type { Changes } from '../../changes/compare.ts';
import { formatChange, formatNumber, formatPercent, formatUsd } from '../../core/format.ts';
import { joinList } from '../narrative.ts';
import type { Writer } from '../writer.ts';

/** Revisions listed in the table: the largest first; changes.json has them all. */
const SHOWN = 12;

function formatIn(unit: string, value: number): string {
  if (unit === 'USD') return formatUsd(value);
  if (unit === 'ratio') return formatPercent(value);
  return formatNumber(value, Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : 0);
}

/** What this edition changed against the previous one; nothing at all for a first edition. */
export function writeChanges(w: Writer, changes: Changes): void {
  if (!changes.previous) return;
  const changed =
    changes.revised.length +
    changes.newPeriods.length +
    changes.nowFinal.length +
    changes.nowAvailable.length +
    changes.noLongerAvailable.length;
  // A new edition whose figures are all as before (a new title, say) has nothing to report here.
  if (changed === 0) return;
  w.section('Changes since the last edition', { keepWith: 120 });
  const parts = [
    changes.newPeriods.length
      ? `new period${changes.newPeriods.length > 1 ? 's' : ''} ${joinList(changes.newPeriods)}`
      : '',
    changes.nowFinal.length ? `final figures for ${joinList(changes.nowFinal)}` : '',
    `${changes.revised.length} revised value${changes.revised.length === 1 ? '' : 's'}`,
    changes.nowAvailable.length ? `${changes.nowAvailable.length} indicator values now available` : '',
    changes.noLongerAvailable.length ? `${changes.noLongerAvailable.length} no longer available` : '',
  ].filter(Boolean);
  w.paragraph(
    `Compared with the edition of ${changes.previous.vintage} (edition ${changes.previous.edition.slice(0, 8)}): ${joinList(parts)}.${changes.revised.length > 0 ? ' The largest revisions, by relative change:' : ''}`,
  );
  if (changes.revised.length === 0) return;
  w.table({
    columns: [
      { header: 'Indicator', width: 0.36 },
      { header: 'Period', width: 0.18 },
      { header: 'Before', width: 0.16, align: 'right' },
      { header: 'Now', width: 0.16, align: 'right' },
      { header: 'Change', width: 0.14, align: 'right' },
    ],
    rows: changes.revised
      .slice(0, SHOWN)
      .map((r) => [
        r.label,
        r.period,
        formatIn(r.unit, r.before),
        formatIn(r.unit, r.after),
        r.change === null
          ? 'n/a'
          : r.changeIn === 'points'
            ? `${r.change > 0 ? '+' : ''}${formatNumber(r.change, 1)} pp`
            : formatChange(r.change),
      ]),
  });
}
