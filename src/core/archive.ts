import { copyFile, link, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic.ts';
import type { Edition } from './context.ts';

export const ARCHIVE = 'archive';
/** What an archived edition keeps: enough to trace a distributed copy and to compare with the next. */
const KEPT = ['briefing.pdf', 'indicators.json', 'manifest.json', 'changes.json'];

function pairDir(outDir: string, pair: string): string {
  return join(outDir, ARCHIVE, pair);
}

export async function listEditions(outDir: string, pair: string): Promise<Edition[]> {
  try {
    return JSON.parse(await readFile(join(pairDir(outDir, pair), 'editions.json'), 'utf8')) as Edition[];
  } catch {
    return [];
  }
}

/** The latest archived edition built from other inputs than `currentId`: what "changes" compare with. */
export async function previousEdition(
  outDir: string,
  pair: string,
  currentId: string,
): Promise<Edition | undefined> {
  return (await listEditions(outDir, pair)).filter((e) => e.id !== currentId).pop();
}

/**
 * Keeps the edition under archive/<PAIR>/<vintage>_<id>/ (hard links: no extra space) and lists it in
 * editions.json, in the order editions were made. Rebuilding the same inputs adds nothing.
 */
export async function archiveEdition(
  outDir: string,
  pair: string,
  edition: Omit<Edition, 'dir'>,
  buildDir: string,
): Promise<string> {
  const editions = await listEditions(outDir, pair);
  const existing = editions.find((e) => e.id === edition.id);
  const dir = existing?.dir ?? join(ARCHIVE, pair, `${edition.vintage}_${edition.id.slice(0, 8)}`);
  await mkdir(join(outDir, dir), { recursive: true });
  for (const file of KEPT) {
    const target = join(outDir, dir, file);
    await link(join(buildDir, file), target).catch(() => copyFile(join(buildDir, file), target));
  }
  if (!existing) {
    await writeFileAtomic(
      join(pairDir(outDir, pair), 'editions.json'),
      `${JSON.stringify([...editions, { ...edition, dir }], null, 2)}\n`,
    );
  }
  return dir;
}
