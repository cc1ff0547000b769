import { WORLD } from '../core/countries.ts';
import type { FileReport, TradeRecord } from '../ingest/records.ts';

/**
 * Formats of one reconciled matrix that lists every exporter–importer flow it holds (CEPII BACI): a
 * flow it does not list is a flow of zero.
 */
const LISTS_EVERY_FLOW = new Set(['baci']);

/**
 * The pair's flows such a file is silent on, as records of zero: in a year for which the file holds
 * the exporter's exports to the world and the importer's imports from the world (both countries in the
 * matrix that year, on the side the flow needs), no row of the flow between them means there was none.
 * Only where no input gives the reporter's figure for that flow and year. A file cut down to some
 * countries' rows, or a country BACI counts inside another (Liechtenstein in Switzerland), lacks one of
 * the two world totals, and says nothing of the flow. The record has no line: the whole file is behind
 * it (`line` 0).
 */
export function matrixZeros(
  records: readonly TradeRecord[],
  files: readonly Pick<FileReport, 'file' | 'format'>[],
  reporter: string,
  partner: string,
): TradeRecord[] {
  const matrices = new Set(files.filter((f) => LISTS_EVERY_FLOW.has(f.format)).map((f) => f.file));
  if (matrices.size === 0) return [];
  const given = new Set<string>();
  const worlds = new Map<string, TradeRecord>();
  for (const r of records) {
    if (r.reporter === reporter && r.partner === partner) given.add(`${r.period}\n${r.flow}`);
    else if (r.partner === WORLD && matrices.has(r.file))
      worlds.set(`${r.file}\n${r.period}\n${r.reporter}\n${r.flow}`, r);
  }
  const zeros: TradeRecord[] = [];
  for (const world of worlds.values()) {
    if (world.reporter !== reporter) continue;
    // The partner's side of the same flow: its imports from the world for the reporter's exports.
    const partnerFlow = world.flow === 'export' ? 'import' : 'export';
    if (!worlds.has(`${world.file}\n${world.period}\n${partner}\n${partnerFlow}`)) continue;
    const key = `${world.period}\n${world.flow}`;
    if (given.has(key)) continue;
    given.add(key);
    zeros.push({ ...world, partner, product: 'TOTAL', value: 0, status: 'final', line: 0 });
  }
  return zeros;
}
