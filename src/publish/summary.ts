import { keyFindings } from '../briefing/narrative.ts';
import { changesSummary, revisionCells, SHOWN_REVISIONS } from '../briefing/sections/changes.ts';
import { kpiTiles, type Tile } from '../briefing/sections/cover.ts';
import type { PublishedEdition } from './editions.ts';

/** What the site, the feed and the e-mails say about an edition: all of it read from the edition's files. */
export interface EditionSummary {
  title: string;
  /** "India–Russia". */
  pairName: string;
  /** "FY2025-26 (provisional)". */
  vintage: string;
  /** "31 March 2026". */
  date: string;
  /** "2026-03-31". */
  isoDate: string;
  kpis: Tile[];
  findings: string[];
  /** One sentence on what changed since the previous edition; undefined for a first edition. */
  changes: string | undefined;
  /** The largest revisions as rows (indicator, period, before, now, change). */
  revisions: string[][];
  /** How many revisions changes.json lists beyond those rows. */
  moreRevisions: number;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A date as the site prints it, the same in every locale: "31 March 2026". */
export function formatDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function summarise(edition: PublishedEdition): EditionSummary {
  const { meta } = edition.set;
  const revised = edition.changes?.revised ?? [];
  return {
    title: meta.title,
    pairName: `${meta.reporterName}–${meta.partnerName}`,
    vintage: `${meta.vintage.period}${meta.vintage.provisional ? ' (provisional)' : ''}`,
    date: formatDate(edition.date),
    isoDate: edition.date.toISOString().slice(0, 10),
    kpis: kpiTiles(edition.set),
    findings: keyFindings(edition.set),
    changes: edition.changes && changesSummary(edition.changes),
    revisions: revised.slice(0, SHOWN_REVISIONS).map((r) => revisionCells(r, edition.set)),
    moreRevisions: Math.max(0, revised.length - SHOWN_REVISIONS),
  };
}
