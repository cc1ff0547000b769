import type { IndicatorSet } from '../../indicators/types.ts';
import type { Writer } from '../writer.ts';

/** The sources table: every id cited in indicators.json, with publisher, title and address. */
export function writeSources(w: Writer, set: IndicatorSet): void {
  w.section('Sources', { keepWith: 160 });
  const cited = new Set(set.indicators.flatMap((i) => i.sources));
  const sources = set.sources.filter((s) => cited.has(s.id));
  w.table({
    columns: [
      { header: 'Publisher', width: 0.25 },
      { header: 'Title and address', width: 0.55 },
      { header: 'Note', width: 0.2 },
    ],
    rows: sources.map((s) => [s.publisher || s.id, s.url ? `${s.title}\n${s.url}` : s.title, s.note]),
  });
}
