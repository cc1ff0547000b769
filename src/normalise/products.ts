import { WORLD } from '../core/countries.ts';
import { parsePeriod } from '../core/periods.ts';
import { isBriefingRow } from '../core/relevance.ts';
import { compareText } from '../core/text.ts';
import type { ProductRecord } from '../ingest/records.ts';
import type { ProductRow } from './table.ts';

/** Quantity units read as another, by a factor: weights in tons, as BACI gives them. */
const QUANTITY_UNITS: Record<string, { unit: string; factor: number }> = {
  kg: { unit: 't', factor: 1e-3 },
  t: { unit: 't', factor: 1 },
};

/**
 * The HS4/HS6 rows a briefing on the pair uses (`isBriefingRow`: the pair's flows, and flows with the
 * world, including every exporter's exports to it), in US dollars and with weights in tons: one row per
 * period, reporter, partner, flow and product (the preferred source's, then the first read), in a
 * stable order. Other quantity units are kept as the file names them, so only like quantities are ever
 * compared.
 */
export function toProductRows(
  records: ProductRecord[],
  pair: { reporter: string; partner: string },
  toUsd: (record: ProductRecord) => number | undefined,
  priority: string[],
): ProductRow[] {
  const rank = (r: ProductRecord) => {
    const i = priority.indexOf(r.source);
    return i === -1 ? priority.length : i;
  };
  const chosen = new Map<string, ProductRecord & { flow: 'export' | 'import' }>();
  for (const record of records) {
    if (!isExportOrImport(record)) continue;
    if (!isBriefingRow(record, pair.reporter, pair.partner)) continue;
    if (record.reporter === record.partner && record.reporter !== WORLD) continue;
    const key = [record.period, record.reporter, record.partner, record.flow, record.product].join('|');
    const held = chosen.get(key);
    if (!held || rank(record) < rank(held)) chosen.set(key, record);
  }
  const rows: ProductRow[] = [];
  for (const record of chosen.values()) {
    const valueUsd = toUsd(record);
    const period = parsePeriod(record.period);
    if (valueUsd === undefined || !period) continue;
    const scale =
      record.quantityUnit === null ? undefined : QUANTITY_UNITS[record.quantityUnit.toLowerCase()];
    const known = record.quantity !== null && record.quantityUnit !== null;
    rows.push({
      period: period.label,
      basis: period.basis,
      year: period.year,
      reporter: record.reporter,
      partner: record.partner,
      flow: record.flow,
      product: record.product,
      valueUsd,
      quantity: known ? (record.quantity as number) * (scale?.factor ?? 1) : null,
      quantityUnit: known ? (scale?.unit ?? record.quantityUnit) : null,
      status: record.status,
      sources: [record.source],
      refs: [`${record.file}:${record.line}`],
      ...(record.exporters === undefined ? {} : { exporters: record.exporters }),
    });
  }
  return rows.sort(
    (a, b) =>
      compareText(a.reporter, b.reporter) ||
      compareText(a.flow, b.flow) ||
      a.year - b.year ||
      compareText(a.product, b.product),
  );
}

function isExportOrImport(r: ProductRecord): r is ProductRecord & { flow: 'export' | 'import' } {
  return r.flow === 'export' || r.flow === 'import';
}
