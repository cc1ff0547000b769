import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import type { Flow } from '../records.ts';

/** UN Comtrade's flow codes (Comtrade Plus flowCode; the 2021 portal's Trade Flow) for whole flows. */
export const FLOW_CODES: Record<string, Flow> = {
  X: 'export',
  M: 'import',
  RX: 're-export',
  RM: 're-import',
};

/** Flows that break X or M down (domestic exports, foreign imports, processing, …): counted within X or M. */
export const BREAKDOWN_FLOWS = ['DX', 'FM', 'MIP', 'XIP', 'MOP', 'XOP', 'MIF', 'XIF'];

/** A breakdown column, the values meaning "all" in it, and why a row with another value is set aside. */
export interface TotalOf {
  column: string;
  all: readonly string[];
  reason: () => string;
}

/**
 * Breakdown columns of a Comtrade Plus download: any value but "all" is a part of a total row the
 * file also holds, so it is set aside (summing both would count the trade twice).
 */
export const PLUS_TOTAL_OF: readonly TotalOf[] = [
  { column: 'partner2Code', all: ['0'], reason: () => m.asideSecondPartner('partner2Code') },
  { column: 'motCode', all: ['0'], reason: () => m.asideTransport('motCode') },
  { column: 'mosCode', all: ['0'], reason: m.asideSupply },
  { column: 'customsCode', all: ['C00'], reason: () => m.asideCustoms('customsCode') },
];

/** The same columns as the legacy site's full layout and the 2021 portal name them. */
export const LEGACY_TOTAL_OF: readonly TotalOf[] = [
  { column: '2nd Partner Code', all: ['0'], reason: () => m.asideSecondPartner('2nd Partner Code') },
  { column: 'Mode of Transport Code', all: ['0'], reason: () => m.asideTransport('Mode of Transport Code') },
  { column: 'Customs Proc. Code', all: ['C00'], reason: () => m.asideCustoms('Customs Proc. Code') },
];

/** The first breakdown a row is part of, by the text of its cells; blank cells mean "all". */
export function breakdownOf(
  cell: (column: string) => string,
  totalOf: readonly TotalOf[],
): (() => string) | undefined {
  return totalOf.find(({ column, all }) => {
    const text = cell(column).toUpperCase();
    return text !== '' && !all.includes(text);
  })?.reason;
}

/**
 * The country Comtrade's numeric code names when the row's ISO code names another: which the row is
 * about cannot be told (Comtrade's own files never disagree).
 */
export function countryOfDisagreeingCode(iso: string, code: string): string | undefined {
  const byIso = toIso3(iso);
  const byCode = toIso3(code);
  return byIso !== undefined && byCode !== undefined && byIso !== byCode ? byCode : undefined;
}
