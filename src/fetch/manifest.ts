import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic.ts';
import { toJson } from '../core/context.ts';
import type { ReleaseStamp } from './source.ts';

/** Kept beside the files it describes; not a table, so a run does not read it as an input. */
export const MANIFEST_FILE = 'fetch-manifest.json';

/** One reporter-year file: what was asked, what came back, and the release it came from. */
export interface DatasetEntry {
  reporter: string;
  reporterCode: number;
  year: number;
  file: string;
  rows: number;
  sha256: string;
  /** What the file holds (partners, flows, commodities): another request for it means a refetch. */
  scope: string;
  /** The requests that brought the rows: path and query sorted by name, never the key. */
  queries: string[];
  release: ReleaseStamp[];
  /** When this file was fetched: kept here, out of the CSV, so that the briefing stays reproducible. */
  fetchedAt: string;
}

export interface FetchManifest {
  schema: 'tradebrief/fetch@1';
  /** Base address and endpoint of the last fetch that wrote files. */
  baseUrl: string;
  endpoint: string;
  fetchedAt: string;
  datasets: DatasetEntry[];
}

/** The manifest, or undefined when there is none or it cannot be read (every dataset is then new). */
export async function readManifest(folder: string): Promise<FetchManifest | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(join(folder, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const manifest = JSON.parse(text) as Partial<FetchManifest>;
    if (manifest.schema !== 'tradebrief/fetch@1' || !Array.isArray(manifest.datasets)) return 'unreadable';
    return manifest as FetchManifest;
  } catch {
    return 'unreadable';
  }
}

export async function writeManifest(folder: string, manifest: FetchManifest): Promise<void> {
  const datasets = [...manifest.datasets].sort((a, b) =>
    a.reporter === b.reporter ? a.year - b.year : a.reporter < b.reporter ? -1 : 1,
  );
  await writeFileAtomic(join(folder, MANIFEST_FILE), toJson({ ...manifest, datasets }));
}
