import type { FileReport } from '../ingest/records.ts';
import type { DataNote } from '../normalise/table.ts';
import type { FormulaId } from './formulas.ts';

export type IndicatorUnit = 'USD' | 'ratio' | 'index' | 'years' | 'persons' | 'permits' | 'trips' | string;

/** One value in indicators.json: what it is, for when, in what unit, by which formula, from which sources. */
export interface Indicator {
  id: string;
  label: string;
  period: string;
  /** null when the inputs don't allow it: `needs` then says what would. */
  value: number | null;
  /** Upper end where the source gives a range. */
  high?: number;
  unit: IndicatorUnit;
  formula: FormulaId;
  sources: string[];
  dims?: Record<string, string>;
  status: 'ok' | 'partial' | 'not_available';
  provisional?: boolean;
  needs?: string;
  note?: string;
}

export interface SourceEntry {
  id: string;
  title: string;
  publisher: string;
  url: string;
  note: string;
}

/** One heading's export potential, as the ranking table lists it (USD; shares as ratios). */
export interface HeadingPotential {
  /** 1 = largest untapped; null where the reporter's exports to the partner in it are not known. */
  rank: number | null;
  heading: string;
  demand: number;
  marketShare: number | null;
  worldShare: number;
  potential: number;
  exports: number | null;
  untapped: number | null;
  shareGap: number | null;
}

/** Export potential of every heading the data hold on both sides, for one year, ranked. */
export interface HeadingRanking {
  period: string;
  /** How many exporters "the world" of the world shares sums. */
  exporters: number;
  headings: HeadingPotential[];
}

/** The file indicators.json: everything the charts and the briefing read. */
export interface IndicatorSet {
  schema: 'tradebrief/indicators@1';
  meta: {
    reporter: string;
    partner: string;
    reporterName: string;
    partnerName: string;
    reporterNative?: string;
    partnerNative?: string;
    title: string;
    subtitle: string;
    organisation: { name: string; accent: string };
    /**
     * Present when the inputs hold only some products for the pair (no total): the HS codes, and the
     * scope in words for sentences (`label`) and tight spots such as KPI labels (`short`).
     */
    partialScope?: { products: string[]; label: string; short: string };
    /** Latest period of the pair's trade series, and whether it is provisional. */
    vintage: { period: string; basis: string; provisional: boolean };
  };
  indicators: Indicator[];
  chapters: { code: string; name: string; sector: string }[];
  sectors: { id: string; name: string; chapters: string[]; basis?: string }[];
  formulas: Record<string, { name: string; expression: string; citation: string; variant?: string }>;
  notes: DataNote[];
  sources: SourceEntry[];
  coverage: { files: Omit<FileReport, 'sha256'>[]; rejects: Record<string, number> };
  /** Export potential of every HS4 heading, ranked, where the inputs allow it (tables/headings.csv). */
  headingPotential?: HeadingRanking;
}
