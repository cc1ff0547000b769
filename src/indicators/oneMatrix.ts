import type { Normalised, TradeRow } from '../normalise/table.ts';

/**
 * Formats that give one reconciled value per exporter, importer and product (CEPII BACI): an
 * exporter's exports to a country are that country's imports from it, and the importers' imports
 * from the world add up to the exporters' exports to it.
 */
const ONE_MATRIX = new Set(['baci']);

/** The file of a "file:line" reference. */
function fileOf(ref: string): string {
  const at = ref.lastIndexOf(':');
  return at > 0 && /^\d+$/.test(ref.slice(at + 1)) ? ref.slice(0, at) : ref;
}

/** Whether every row given comes from the files of one such matrix. */
export function fromOneMatrix(n: Pick<Normalised, 'files'>, rows: TradeRow[]): boolean {
  const files = new Set(n.files.filter((f) => ONE_MATRIX.has(f.format)).map((f) => f.file));
  if (files.size === 0 || rows.length === 0) return false;
  return rows.every((row) => row.refs.length > 0 && row.refs.every((ref) => files.has(fileOf(ref))));
}
