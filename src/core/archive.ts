import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_MARK, writeFileAtomic } from './atomic.ts';
import type { Edition } from './context.ts';
import { InputError } from './errors.ts';
import { sha256File } from './hash.ts';
import { runMessages as m } from './messages.ts';
import { shownPath } from './paths.ts';

export const ARCHIVE = 'archive';
/** What an archived edition keeps: enough to trace a distributed copy and to compare with the next. */
const KEPT = ['briefing.pdf', 'indicators.json', 'manifest.json', 'changes.json'];
/** Folders kept file by file: the tables the archive site links to beside each edition's PDF. */
const KEPT_FOLDERS = ['tables'];

export interface ArchivedEdition extends Edition {
  /** sha256 of the archived briefing.pdf: what identifies a copy that was sent round. */
  pdf: string;
}

function pairDir(outDir: string, pair: string): string {
  return join(outDir, ARCHIVE, pair);
}

/**
 * The pair's archived editions, oldest first; none before the first. A list that is no longer what
 * tradebrief wrote is an error naming it: rewritten from nothing, the history it holds would be lost.
 */
export async function listEditions(outDir: string, pair: string): Promise<ArchivedEdition[]> {
  const file = join(pairDir(outDir, pair), 'editions.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    list = undefined;
  }
  if (Array.isArray(list) && list.every(isArchivedEdition)) return list;
  throw new InputError([{ file: shownPath(file), message: m.damagedEditionList() }]);
}

/**
 * Whether an entry of editions.json has the fields archiveEdition writes; the PDF's hash is not in the
 * entries of the first archives, and only publishing needs it (`hasPdfHash`).
 */
export function isArchivedEdition(entry: unknown): entry is ArchivedEdition {
  const fields = entry as Partial<Record<keyof ArchivedEdition, unknown>> | null;
  return (
    typeof fields === 'object' &&
    fields !== null &&
    typeof fields.dir === 'string' &&
    typeof fields.id === 'string' &&
    (fields.pdf === undefined || typeof fields.pdf === 'string')
  );
}

/** Whether an archived edition names the hash of its PDF, which a sent copy is traced by. */
export function hasPdfHash(entry: ArchivedEdition): boolean {
  return typeof entry.pdf === 'string';
}

/** An edition's folder as archiveEdition names it: one folder under archive/<pair>/, never elsewhere. */
function isEditionDir(dir: unknown, pair: string): boolean {
  if (typeof dir !== 'string') return false;
  const [root, folder, name, ...rest] = dir.split('/');
  return root === ARCHIVE && folder === pair && !!name && !['.', '..'].includes(name) && rest.length === 0;
}

/**
 * The latest archived edition built from other inputs than `currentId` and still on disk: what
 * "changes" compare with. An edition someone deleted by hand is passed over.
 */
export async function previousEdition(
  outDir: string,
  pair: string,
  currentId: string,
): Promise<Edition | undefined> {
  const candidates = (await listEditions(outDir, pair))
    .filter((e) => e.id !== currentId && isEditionDir(e.dir, pair))
    .reverse();
  for (const edition of candidates) {
    if (await stat(join(outDir, edition.dir, 'indicators.json')).catch(() => undefined)) return edition;
  }
  return undefined;
}

/**
 * Keeps the build's briefing under archive/<PAIR>/<vintage>_<pdf hash>/ and lists it in editions.json,
 * in the order editions were made. Write-once: a folder is made under a temporary name and renamed
 * into place, and an edition whose PDF is already archived is left as it is.
 */
export async function archiveEdition(
  outDir: string,
  pair: string,
  edition: Omit<Edition, 'dir'>,
  buildDir: string,
): Promise<{ dir: string; created: boolean }> {
  const editions = await listEditions(outDir, pair);
  const pdf = await sha256File(join(buildDir, 'briefing.pdf'));
  const existing = editions.find((e) => e.pdf === pdf);
  if (existing) return { dir: existing.dir, created: false };
  const dir = join(ARCHIVE, pair, `${edition.vintage}_${pdf.slice(0, 12)}`);
  const temp = join(pairDir(outDir, pair), `.edition${TEMP_MARK}${process.pid}`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  // Hard links cost no space, and builds replace files by rename, so an archived file never changes.
  for (const file of KEPT)
    await link(join(buildDir, file), join(temp, file)).catch(() =>
      copyFile(join(buildDir, file), join(temp, file)),
    );
  for (const folder of KEPT_FOLDERS) {
    const files = await readdir(join(buildDir, folder)).catch(() => []);
    if (files.length > 0) await mkdir(join(temp, folder));
    for (const file of files)
      await link(join(buildDir, folder, file), join(temp, folder, file)).catch(() =>
        copyFile(join(buildDir, folder, file), join(temp, folder, file)),
      );
  }
  await rm(join(outDir, dir), { recursive: true, force: true });
  await rename(temp, join(outDir, dir));
  await writeFileAtomic(
    join(pairDir(outDir, pair), 'editions.json'),
    `${JSON.stringify([...editions, { ...edition, pdf, dir }], null, 2)}\n`,
  );
  return { dir, created: true };
}
