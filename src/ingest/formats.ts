import type { Adapter } from './adapter.ts';
import { columnKey } from './adapter.ts';
import { baci } from './adapters/baci.ts';
import { baciCountryCodes, baciCountryCodesLegacy, baciProductCodes } from './adapters/baciCodes.ts';
import { canonical } from './adapters/canonical.ts';
import { comtradeLegacy } from './adapters/comtradeLegacy.ts';
import { comtradePlus } from './adapters/comtradePlus.ts';
import { figures } from './adapters/figures.ts';
import { hsChapters, hsSections } from './adapters/hsNomenclature.ts';
import { rates } from './adapters/rates.ts';
import { sources } from './adapters/sources.ts';
import { tradeMap } from './adapters/tradeMap.ts';
import { tradestat } from './adapters/tradestat.ts';

/** Every supported input format; the order breaks ties (more specific cues first). */
export const ADAPTERS: readonly Adapter[] = [
  canonical,
  rates,
  comtradePlus,
  comtradeLegacy,
  baci,
  baciCountryCodes,
  baciCountryCodesLegacy,
  baciProductCodes,
  tradestat,
  tradeMap,
  figures,
  sources,
  hsChapters,
  hsSections,
];

/** A column named more than once, as the header writes it first, and its places (from 1). */
export interface RepeatedColumn {
  name: string;
  positions: number[];
}

export type Detection =
  | { adapter: Adapter }
  | { lacking: { adapter: Adapter; columns: string[] } }
  | { repeated: { adapter: Adapter; columns: RepeatedColumn[] } }
  | { unknown: true };

/**
 * The format whose cues are all in the header. A header that has most cues of one format but not all
 * is reported as that format with the missing columns named, which is what the user needs to fix it.
 * One that names a column the format reads twice (two "value" columns) is refused: which to read
 * cannot be told.
 */
export function detectFormat(header: readonly string[]): Detection {
  const present = new Set(header.map(columnKey));
  const missing = (columns: readonly string[]) => columns.filter((c) => !present.has(columnKey(c)));
  for (const adapter of ADAPTERS) {
    if (missing(adapter.cues).length > 0) continue;
    const lacking = missing(adapter.required);
    if (lacking.length > 0) return { lacking: { adapter, columns: lacking } };
    const repeated = repeatedColumns(header, [
      ...adapter.cues,
      ...adapter.required,
      ...(adapter.optional ?? []),
    ]);
    return repeated.length === 0 ? { adapter } : { repeated: { adapter, columns: repeated } };
  }
  let best: { adapter: Adapter; columns: string[] } | undefined;
  for (const adapter of ADAPTERS) {
    const expected = [...new Set([...adapter.cues, ...adapter.required])];
    const columns = missing(expected);
    const found = expected.length - columns.length;
    if (found * 2 > expected.length && (!best || columns.length < best.columns.length)) {
      best = { adapter, columns };
    }
  }
  return best ? { lacking: best } : { unknown: true };
}

/** A row that could be a header: title lines above a download's header match no format. */
export function isHeaderRow(cells: readonly string[]): boolean {
  return !('unknown' in detectFormat(cells));
}

export function formatList(): string {
  return ADAPTERS.map((a) => a.label).join('; ');
}

/** The columns among `read` that the header names more than once. */
function repeatedColumns(header: readonly string[], read: readonly string[]): RepeatedColumn[] {
  const keys = header.map(columnKey);
  return [...new Set(read.map(columnKey))].flatMap((key) => {
    const positions = keys.flatMap((k, i) => (k === key ? [i + 1] : []));
    const first = positions[0];
    return positions.length > 1 && first !== undefined ? [{ name: header[first - 1] ?? key, positions }] : [];
  });
}
