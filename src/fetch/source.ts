import type { Area } from './areas.ts';

/**
 * What a source says about one reporter-year it has published: compared with the stamp kept in the
 * fetch manifest, it tells a new or revised dataset from one already in the inputs. Kept as the
 * server wrote it (Comtrade's times carry no time zone), compared as text.
 */
export interface ReleaseStamp {
  classificationCode: string;
  lastReleased: string;
  datasetChecksum: string;
  totalRecords: number;
}

/** One reporter-year's rows, and the requests (path and query, no key) that brought them. */
export interface Download {
  rows: Record<string, unknown>[];
  queries: string[];
}

/** A data source the fetch can read: a new one (BACI, WITS) is one more implementation. */
export interface Source {
  /** Folder under the inputs that holds this source's files and its fetch manifest. */
  folder: string;
  /** The endpoint the data comes from, as the manifest and the log name it. */
  endpoint: string;
  /** The sources-table entry citing every file of the folder. */
  sourcesCsv: string;
  /** Release stamps of a reporter's published years; an empty map when it lists none. */
  releases(reporter: Area): Promise<Map<number, ReleaseStamp[]>>;
  /** What a reporter-year's file holds for these partners: a different request means a refetch. */
  scope(partners: Area[]): string;
  /** The reporter's rows with the partners and the World for each year, by year. */
  download(reporter: Area, partners: Area[], years: number[]): Promise<Map<number, Download>>;
  /** A reporter-year's rows as a CSV file the ingest reads. */
  toCsv(rows: Record<string, unknown>[]): string;
  /** The totals (a partner and flow, in words) a file `toCsv` wrote holds and `rows` lack. */
  lostTotals(previousCsv: string, rows: Record<string, unknown>[]): string[];
}
