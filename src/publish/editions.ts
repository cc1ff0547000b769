import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Changes } from '../changes/compare.ts';
import { ARCHIVE, type ArchivedEdition, hasPdfHash, isArchivedEdition } from '../core/archive.ts';
import { InputError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { publishMessages as m } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';
import { parsePeriod, periodEnd } from '../core/periods.ts';
import type { IndicatorSet } from '../indicators/types.ts';

/** One archived edition, with what the site and the e-mails say about it. */
export interface PublishedEdition {
  pair: string;
  /** The edition folder's name, `<vintage>_<pdf hash>`: its place in the site and in the deliveries record. */
  name: string;
  /** The edition folder on disk. */
  dir: string;
  id: string;
  pdfSha256: string;
  pdfBytes: number;
  set: IndicatorSet;
  /** changes.json; absent from editions archived before it existed. */
  changes: Changes | undefined;
  /** File names in the edition's tables/ (empty for editions archived without them). */
  tables: string[];
  /** The edition's own date: the end of its data's latest period, never the clock. */
  date: Date;
}

/** A pair's archive: its editions in the order they were made, the latest last. */
export interface PairArchive {
  pair: string;
  /** The archive/<PAIR>/ folder, where the deliveries record is kept too. */
  dir: string;
  editions: PublishedEdition[];
}

const PAIR = /^[A-Z]{3}-[A-Z]{3}$/;

/**
 * Every pair archived in the output folder: `<out>/archive/<PAIR>/`, and `<out>/<PAIR>/archive/<PAIR>/`
 * as `tradebrief batch` lays them out. Pairs in alphabetical order.
 */
export async function readArchives(outDir: string, log: Logger): Promise<PairArchive[]> {
  const folders = [join(outDir, ARCHIVE)];
  for (const entry of await entries(outDir)) if (PAIR.test(entry)) folders.push(join(outDir, entry, ARCHIVE));
  const pairs = new Map<string, PairArchive>();
  for (const folder of folders) {
    for (const pair of await entries(folder)) {
      if (!PAIR.test(pair)) continue;
      const dir = join(folder, pair);
      if (pairs.has(pair)) {
        log.log('warn', 'pair-archived-twice', m.pairTwice(pair, shownPath(dir)), { pair });
        continue;
      }
      const editions = await readPair(dirOfOut(folder), pair, dir, log);
      if (editions.length > 0) pairs.set(pair, { pair, dir, editions });
    }
  }
  return [...pairs.values()].sort((a, b) => (a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0));
}

/** The output folder an archive/ folder belongs to: edition folders in editions.json are relative to it. */
function dirOfOut(archiveFolder: string): string {
  return join(archiveFolder, '..');
}

async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

async function readPair(outDir: string, pair: string, dir: string, log: Logger): Promise<PublishedEdition[]> {
  const listFile = join(dir, 'editions.json');
  const list = await readJson<ArchivedEdition[]>(listFile);
  if (list === undefined) return [];
  if (!Array.isArray(list) || !list.every((entry) => isArchivedEdition(entry) && hasPdfHash(entry)))
    throw new InputError([{ file: shownPath(listFile), message: m.notEditionList() }]);
  const editions: PublishedEdition[] = [];
  for (const entry of list) {
    const editionDir = join(outDir, entry.dir);
    const pdf = await stat(join(editionDir, 'briefing.pdf')).catch(() => undefined);
    const set = pdf ? await readJson<IndicatorSet>(join(editionDir, 'indicators.json')) : undefined;
    if (!pdf || !set) {
      // Someone removed it by hand: the rest of the archive is still published.
      log.log('warn', 'edition-missing', m.editionMissing(shownPath(editionDir)), {
        pair,
        edition: entry.id,
      });
      continue;
    }
    const period = parsePeriod(set.meta.vintage.period);
    editions.push({
      pair,
      name: basename(entry.dir),
      dir: editionDir,
      id: entry.id,
      pdfSha256: entry.pdf,
      pdfBytes: pdf.size,
      set,
      changes: await readJson<Changes>(join(editionDir, 'changes.json')),
      tables: (await entries(join(editionDir, 'tables'))).filter((f) => f.endsWith('.csv')),
      date: period ? periodEnd(period) : new Date(0),
    });
  }
  return editions;
}

/** A JSON file tradebrief wrote; undefined when it is not there, an error naming it when it is garbled. */
async function readJson<T>(path: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new InputError([{ file: shownPath(path), message: m.notJson() }]);
  }
}
