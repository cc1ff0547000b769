import type { Config, Sector } from '../config/schema.ts';
import type { Basis } from '../core/periods.ts';
import type { FileReport, Flow, HsSectionRecord, SourceRecord, Status } from '../ingest/records.ts';
import type { TradeScope } from './scope.ts';

/** What normalise hands to indicators: one currency (USD), one product level (HS chapter), one pair. */
export interface TradeRow {
  period: string;
  basis: Basis;
  year: number;
  reporter: string;
  partner: string;
  flow: Flow;
  /** "TOTAL", a two-digit HS chapter, or "OTHER" (total minus the chapters given). */
  product: string;
  /** Sector id from the config, "other" for chapters in no sector; empty for TOTAL. */
  sector: string;
  valueUsd: number;
  status: Status;
  sources: string[];
  /** "file:line" of every input row behind the value. */
  refs: string[];
  /** For the world's exports as a file sums them (reporter and partner `WLD`): see `TradeRecord`. */
  exporters?: number;
}

/**
 * Trade in one HS4 heading or HS6 line, with its quantity where the inputs give one: the pair's, and
 * its two countries' and every exporter's with the world (reporter `WLD`: all exporters summed).
 */
export interface ProductRow {
  period: string;
  basis: Basis;
  year: number;
  reporter: string;
  partner: string;
  flow: 'export' | 'import';
  /** An HS code of 4 or 6 digits. */
  product: string;
  valueUsd: number;
  /** null when unknown, never 0 for unknown; weights in tons. */
  quantity: number | null;
  /** "t", or another unit as the file names it ("u", "l"); null with no quantity. */
  quantityUnit: string | null;
  status: Status;
  sources: string[];
  refs: string[];
  /** For the world's exports (reporter and partner `WLD`): how many exporters they sum. */
  exporters?: number;
}

export interface FigureRow {
  topic: string;
  measure: string;
  sector: string;
  scope: string;
  period: string;
  /** Calendar or fiscal start year read from the period label, when it has one. */
  year?: number;
  value: number;
  valueHigh?: number;
  /** "USD", "ratio" (from percent), or a count unit such as "persons". */
  unit: string;
  qualifier: string;
  source: string;
  confidence: string;
  note: string;
  ref: string;
}

export interface ChapterInfo {
  code: string;
  name: string;
  section: string;
  sector: string;
}

export interface SectorInfo extends Sector {
  /** The chapter ranges expanded: ["72", "73", …]. */
  chapterList: string[];
}

export interface DataNote {
  kind:
    | 'provisional'
    | 'conflict'
    | 'coverage'
    | 'unsourced'
    | 'basis'
    | 'figure'
    | 'availability'
    | 'analyst';
  text: string;
  sources: string[];
}

/** What normalise writes: the table alone; the config travels separately, so it is never stale. */
export interface NormalisedTable {
  trade: TradeRow[];
  /** The pair's HS4/HS6 detail, where the inputs have it (BACI, Comtrade HS4/HS6 downloads). */
  products: ProductRow[];
  /** What the pair's trade in the inputs covers: all products, or only some. */
  scope: TradeScope;
  figures: FigureRow[];
  sources: SourceRecord[];
  chapters: ChapterInfo[];
  sections: HsSectionRecord[];
  sectors: SectorInfo[];
  notes: DataNote[];
  files: FileReport[];
  rejects: Record<string, number>;
}

/** The table with the config of the run that reads it: what the indicators are computed from. */
export interface Normalised extends NormalisedTable {
  config: Config;
}
