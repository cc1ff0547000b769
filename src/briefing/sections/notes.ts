import { dataNotes } from '../../core/messages.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { TYPE } from '../style.ts';
import { unavailableGroups } from '../unavailable.ts';
import type { Writer } from '../writer.ts';

/** Every caveat a reader needs: provisional years, conflicting sources, partial coverage, gaps. */
export function writeNotes(w: Writer, set: IndicatorSet): void {
  w.section('Data notes', { keepWith: 120 });
  // What is not available is listed once, grouped by formula, below; the engine's own line per
  // indicator would say the same again.
  const revisions = revisionsNote(set);
  const notes = [
    ...set.notes.filter((n) => n.kind !== 'availability').map((n) => n.text),
    ...(revisions ? [revisions] : []),
    ...unavailableNotes(set),
  ];
  if (notes.length === 0) {
    w.paragraph('No caveats: every figure comes from a single, final source.');
    return;
  }
  w.bullets(notes, { numbered: true, size: TYPE.body - 0.5 });
}

/** One line per formula the inputs don't allow: what it would need, and why the data is missing. */
function unavailableNotes(set: IndicatorSet): string[] {
  return unavailableGroups(set).map((g) => {
    const cases = g.indicators.length > 1 ? ` in ${g.indicators.length} cases` : '';
    // Two distinct needs read well in full; beyond that (one per chapter, say) the first stands for all.
    const needs =
      g.needs.length <= 2
        ? g.needs.join('; ')
        : `${g.needs[0]}; and ${g.needs.length - 1} more of the same kind`;
    const why = g.notes.length > 0 ? ` ${g.notes.join(' ')}` : '';
    return `${g.name}: not available${cases} (${needs}).${why}`;
  });
}

/**
 * The HS revisions the inputs' trade rows are in, where they are more than one: a source's own
 * description (a download "in HS 2017") may not say that some of its reporters used an older one.
 * `validate` and stages/ingest.json name the files of each.
 */
function revisionsNote(set: IndicatorSet): string | undefined {
  const names = new Set(set.coverage.files.flatMap((file) => file.classifications.map((c) => c.name)));
  // Named revisions in order, the unstated one last.
  const sorted = [...names].sort(
    (a, b) => Number(a.includes('(')) - Number(b.includes('(')) || a.localeCompare(b),
  );
  return names.size < 2 ? undefined : dataNotes.hsRevisions(sorted);
}
