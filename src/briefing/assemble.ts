import type { Changes } from '../changes/compare.ts';
import type { RenderedChart } from '../charts/build.ts';
import type { IndicatorSet } from '../indicators/types.ts';
import { createDocument, toBuffer } from './document.ts';
import { unprintedText } from './fallbackText.ts';
import { writeFurniture } from './furniture.ts';
import { writeAnnex } from './sections/annex.ts';
import { writeBalance } from './sections/balance.ts';
import { writeChanges } from './sections/changes.ts';
import { writeComposition } from './sections/composition.ts';
import { reserveContents, writeCover } from './sections/cover.ts';
import { writeMethodology } from './sections/methodology.ts';
import { writeNotes } from './sections/notes.ts';
import { writeOpportunity } from './sections/opportunity.ts';
import { writePeople } from './sections/people.ts';
import { writePotential } from './sections/potential.ts';
import { writeProducts } from './sections/products.ts';
import { writeScenarios } from './sections/scenarios.ts';
import { writeSources } from './sections/sources.ts';
import { writeSpecialisation } from './sections/specialisation.ts';
import { writeStructure } from './sections/structure.ts';
import { writeTargets } from './sections/targets.ts';
import { Writer } from './writer.ts';

export interface BriefingInput {
  set: IndicatorSet;
  charts: RenderedChart[];
  changes: Changes;
  /** The document date: from the data or SOURCE_DATE_EPOCH, never the clock. */
  date: Date;
  /** The organisation's logo (PNG or JPEG bytes), read from config organisation.logo. */
  logo?: Uint8Array;
  /** Told of each text printed with characters no embedded font has (they print as empty boxes). */
  onUnprintable?: (items: { text: string; characters: string[] }[]) => void;
}

/** The briefing PDF: cover, sections in reading order, the annex of tables, notes, sources and methodology. */
export async function assembleBriefing({
  set,
  charts,
  changes,
  date,
  logo,
  onUnprintable,
}: BriefingInput): Promise<Buffer> {
  const { meta } = set;
  const vintage = `${meta.vintage.period}${meta.vintage.provisional ? ' (provisional)' : ''}`;
  const doc = createDocument({
    title: meta.title,
    author: meta.organisation.name,
    subject: `Trade between ${meta.reporterName} and ${meta.partnerName}, data to ${vintage}`,
    keywords: [meta.reporterName, meta.partnerName, 'trade', 'briefing', meta.vintage.period],
    date,
    lang: 'en-GB',
    vintage,
  });
  const w = new Writer(doc, meta.organisation.accent);
  writeCover(w, set, set.coverage.files.length, logo);
  const writeContents = reserveContents(w);
  writeChanges(w, set, changes);
  writeBalance(w, set, charts);
  writeComposition(w, set, charts, 'import');
  writeComposition(w, set, charts, 'export');
  writeProducts(w, set, charts);
  writeSpecialisation(w, set, charts);
  writeStructure(w, set, charts);
  writeOpportunity(w, set, charts);
  writePotential(w, set, charts);
  writeScenarios(w, set, charts);
  writePeople(w, set, charts);
  writeTargets(w, set, charts);
  writeAnnex(w, set);
  writeNotes(w, set);
  writeSources(w, set);
  writeMethodology(w, set);
  writeContents?.(w.sections);
  w.close();
  writeFurniture(doc, `${meta.title} · data to ${vintage}`, meta.organisation.name);
  const unprinted = unprintedText(doc);
  if (unprinted.length > 0) onUnprintable?.(unprinted);
  return toBuffer(doc);
}
