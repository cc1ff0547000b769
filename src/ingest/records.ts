import type { Encoding } from './sniffText.ts';

/** What the ingest stage hands to normalise: canonical records, each traceable to file and line. */
export const FLOWS = ['export', 'import', 're-export', 're-import'] as const;
export type Flow = (typeof FLOWS)[number];

export const STATUSES = ['final', 'provisional'] as const;
export type Status = (typeof STATUSES)[number];

export interface TradeRecord {
  /** "FY2024-25" (April–March) or "2024" (calendar). */
  period: string;
  reporter: string;
  partner: string;
  flow: Flow;
  /** "TOTAL" or an HS code of 2–6 digits, as text. */
  product: string;
  value: number;
  /** A money unit as parsed by parseMoneyUnit, e.g. "USD mn". */
  unit: string;
  source: string;
  status: Status;
  /** Where the row was read, for audit trails and error messages. */
  file: string;
  line: number;
  /**
   * For the world's exports as a file sums them (reporter and partner `WLD`): how many exporters make
   * that world, those with exports in products (not chapters 77, 98, 99), or on those chapters every one.
   */
  exporters?: number;
}

/**
 * Trade in one HS4 or HS6 product with its quantity, where the file gives one: the detail behind the
 * chapter sums, for the products section (a pair's flows) and export potential by heading (flows with
 * the world). Read beside the trade records, never summed into them.
 */
export interface ProductRecord {
  period: string;
  reporter: string;
  partner: string;
  flow: Flow;
  /** An HS code of 4 or 6 digits, as text. */
  product: string;
  value: number;
  /** A money unit as parsed by parseMoneyUnit, e.g. "USD thousand". */
  unit: string;
  /** null when the file gives none (BACI's "NA", Comtrade's empty or zero quantity): unknown, never 0. */
  quantity: number | null;
  /** The quantity's unit as the file names it ("t", "kg", "u"); null with no quantity. */
  quantityUnit: string | null;
  source: string;
  status: Status;
  file: string;
  line: number;
  /**
   * For a sum of every exporter's exports to the world (reporter and partner both the world, as a bulk
   * file gives it): how many exporters it sums.
   */
  exporters?: number;
}

/** A published figure that is not a trade flow: sector demand, people flows, targets. */
export interface FigureRecord {
  topic: string;
  measure: string;
  sector: string;
  scope: string;
  period: string;
  value: number;
  valueHigh?: number;
  unit: string;
  qualifier: '' | 'approx' | 'range' | 'at_least';
  source: string;
  confidence: 'high' | 'medium' | 'low';
  note: string;
  file: string;
  line: number;
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string;
  url: string;
  /** Glob patterns of input files this source covers (for formats without a source column). */
  files: string[];
  note: string;
  file: string;
  line: number;
}

export interface HsChapterRecord {
  code: string;
  name: string;
  section: string;
}

/** A product's name as a trade file gives it, for codes the HS nomenclature lacks (national chapters 98, 99). */
export interface ProductLabelRecord {
  code: string;
  name: string;
}

export interface HsSectionRecord {
  id: string;
  name: string;
}

/** Local currency units per US dollar over a period, for converting ₹ values. */
export interface RateRecord {
  period: string;
  currency: string;
  perUsd: number;
  source: string;
  file: string;
  line: number;
}

/** A country code of an all-pairs dataset (BACI's country_codes file) and the ISO3 code it stands for. */
export interface CountryCodeRecord {
  code: string;
  iso3: string;
  name: string;
  file: string;
  line: number;
}

/** A row read but not used, with why: aggregates, breakdowns that would double count, other pairs. */
export interface Reject {
  file: string;
  line: number;
  reason: string;
}

export interface FileReport {
  file: string;
  format: string;
  /** How a text file's bytes were read ("utf-8", "windows-1252", …). */
  encoding?: Encoding;
  sha256: string;
  /** Data rows read (header and title lines excluded). */
  rows: number;
  /** Rows that gave records: rows less those set aside. */
  used: number;
  /** Rows set aside, by reason: rows = used + the sum of these. */
  rejected: Record<string, number>;
  /** Columns set aside (a part-year column of a wide table), by reason. */
  rejectedColumns: Record<string, number>;
  /** Records made: several per row in wide tables, one per aggregate for BACI. */
  records: number;
  /** The classification the file states in a column of its own (Comtrade's "H6"), if it does. */
  classification?: string;
  /** Product classifications of the file's trade rows, e.g. "H5" = "HS 2017"; empty for other tables. */
  classifications: ClassificationUse[];
}

/** A classification as a file states it, and its name for the methodology. */
export interface ClassificationUse {
  code: string;
  name: string;
}

export interface Records {
  trade: TradeRecord[];
  /** HS4/HS6 detail of trade already in `trade` (as chapter sums or product rows): not counted again. */
  products: ProductRecord[];
  figures: FigureRecord[];
  sources: SourceRecord[];
  hsChapters: HsChapterRecord[];
  productLabels: ProductLabelRecord[];
  hsSections: HsSectionRecord[];
  rates: RateRecord[];
  countryCodes: CountryCodeRecord[];
}

export interface IngestResult extends Records {
  files: FileReport[];
  /** The classifications of all trade files, by name ("HS 2017"), with the codes and files stating each. */
  classifications: { name: string; codes: string[]; files: string[] }[];
  /** Examples of rows set aside (a few per reason and file); FileReport.rejected has the counts. */
  rejects: Reject[];
}

export function emptyRecords(): Records {
  return {
    trade: [],
    products: [],
    figures: [],
    sources: [],
    hsChapters: [],
    productLabels: [],
    hsSections: [],
    rates: [],
    countryCodes: [],
  };
}
