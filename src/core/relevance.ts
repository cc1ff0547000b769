import { WORLD } from './countries.ts';

/** The ends of a trade flow: who reports it, and with whom. */
interface Ends {
  reporter: string;
  partner: string;
}

/**
 * Whether a briefing on `reporter`–`partner` uses a trade row: the pair's flows as either side reports
 * them (with each other or with the world), and every country's trade with the world. Normalise keeps
 * these rows, and ingest keeps no others from a long file.
 */
export function isBriefingRow(r: Ends, reporter: string, partner: string): boolean {
  const ends = [reporter, partner, WORLD];
  return (
    r.partner === WORLD || ((r.reporter === reporter || r.reporter === partner) && ends.includes(r.partner))
  );
}

/** A flow between the pair's two countries, as either reports it. */
export function isPairRow(r: Ends, reporter: string, partner: string): boolean {
  return (
    (r.reporter === reporter && r.partner === partner) || (r.reporter === partner && r.partner === reporter)
  );
}
