import { OTHER_ASIA_NES, WORLD } from './countries.ts';

/** The ends of a trade flow: who reports it, and with whom. */
interface Ends {
  reporter: string;
  partner: string;
}

/**
 * Whether a briefing on `reporter`–`partner` uses a trade row: the pair's flows as either side reports
 * them, with each other or with the world, and every country's exports to the world (the world market
 * of specialisation indices). Normalise keeps these rows, and ingest keeps no others from a long file;
 * the BACI extract keeps the same (`focusExtract`).
 */
export function isBriefingRow(r: Ends & { flow: string }, reporter: string, partner: string): boolean {
  const own = r.reporter === reporter || r.reporter === partner;
  if (r.partner === WORLD) return own || r.flow === 'export';
  return own && (r.partner === reporter || r.partner === partner);
}

/** A flow between the pair's two countries, as either reports it. */
export function isPairRow(r: Ends, reporter: string, partner: string): boolean {
  return (
    (r.reporter === reporter && r.partner === partner) || (r.reporter === partner && r.partner === reporter)
  );
}

/** Whether a record or row is the world's exports as a file sums them: reporter `WLD`, its exporters counted. */
export function isWorldSum(r: { reporter: string; exporters?: number }): boolean {
  return r.reporter === WORLD && r.exporters !== undefined;
}

/**
 * Whether an exporter's own exports to the world stay beside the world's as a file sums them (BACI's
 * extract, reporter `WLD`): the briefings' countries' do, and Taiwan's, whose note (code 490 read as
 * Taiwan) looks for its rows. Every other exporter's count in the sum alone.
 */
export function apartFromWorldSum(exporter: string, countries: ReadonlySet<string>): boolean {
  return countries.has(exporter) || exporter === OTHER_ASIA_NES.iso3;
}
