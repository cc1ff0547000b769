import { compactChapters, expandChapterRange } from '../../core/hs.ts';
import { methodologyText } from '../../core/messages.ts';
import { select } from '../../indicators/query.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { worldOf } from '../facts.ts';
import type { Writer } from '../writer.ts';

/** Formulas with their citations, the sector definitions, and what was read from which file. */
export function writeMethodology(w: Writer, set: IndicatorSet): void {
  w.section('Methodology', { keepWith: 200 });
  w.paragraph(
    'Values are converted to US dollars and brought to HS chapter level before any indicator is computed. Fiscal years (April–March) and calendar years are kept apart. Every indicator in indicators.json carries its unit, period, formula and the source ids of the rows behind it; X is the reporter’s exports to the partner, M its imports from the partner.',
  );
  w.paragraph(methodologyText.setAside());
  const potential = potentialMethod(set);
  if (potential) w.paragraph(potential);
  const used = new Set(set.indicators.map((i) => i.formula));
  w.table({
    heading: 'Formulas',
    columns: [
      { header: 'Indicator', width: 0.27 },
      { header: 'Formula', width: 0.4 },
      { header: 'Reference', width: 0.33 },
    ],
    rows: Object.entries(set.formulas)
      .filter(([id]) => used.has(id as never))
      .map(([, f]) => [f.name, f.variant ? `${f.expression} (${f.variant})` : f.expression, f.citation]),
  });
  w.table({
    heading: 'Sectors',
    columns: [
      { header: 'Sector', width: 0.24 },
      { header: 'HS chapters', width: 0.2 },
      { header: 'Basis', width: 0.56 },
    ],
    rows: set.sectors.map((s) => [
      s.name,
      compactChapters(s.chapters.flatMap(expandChapterRange)),
      s.basis ?? 'HS chapter definition',
    ]),
  });
  w.table({
    heading: 'Inputs read',
    columns: [
      { header: 'File', width: 0.42 },
      { header: 'Format', width: 0.2 },
      { header: 'Rows', width: 0.12, align: 'right' },
      { header: 'Used', width: 0.12, align: 'right' },
      { header: 'Set aside', width: 0.14, align: 'right' },
    ],
    rows: set.coverage.files.map((f) => [
      f.file,
      f.format,
      f.rows.toLocaleString('en-GB'),
      f.used.toLocaleString('en-GB'),
      Object.values(f.rejected)
        .reduce((a, b) => a + b, 0)
        .toLocaleString('en-GB'),
    ]),
  });
}

/** Which export-potential method the briefing computed, from what, and what its "world" is. */
function potentialMethod(set: IndicatorSet): string | undefined {
  const { reporterName, partnerName } = set.meta;
  const computed = select(set, 'matrix.untapped').find((i) => i.value !== null);
  if (!computed) return undefined;
  const published = select(set, 'potential.exports').some((i) => i.value !== null);
  const headings = select(set, 'heading.untappedTotal')[0];
  const byHeading = headings
    ? ` The same by HS4 heading (${headings.period}), over ${headings.dims?.headings === '1' ? 'the one heading' : `the ${headings.dims?.headings ?? ''} headings`} the data hold on both sides, each heading summing its HS6 lines where no HS4 row is given; the world there is the exports of the ${headings.dims?.exporters ?? ''} exporters in the inputs.`
    : '';
  return `Export potential is computed from the data by the demand × supply “lite” method: ${partnerName}'s imports from the world in each HS chapter (${computed.period}) times ${reporterName}'s share of “world” exports in the chapter, less ${reporterName}'s exports to ${partnerName}; and ${reporterName}'s share of ${partnerName}'s imports set against its world share (the market-share gap). “The world” of the world shares is ${worldOf(set, computed.period)} for ${computed.period}, not every exporter.${byHeading}${published ? ' Published demand estimates are shown beside as a second opinion, with their source and confidence.' : ''}`;
}
