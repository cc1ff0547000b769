import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pngSize } from '../config/logo.ts';
import { writeFileAtomic } from '../core/atomic.ts';
import { InputError, LockedError } from '../core/errors.ts';
import { FONT_FILES } from '../core/fonts.ts';
import { acquireLock, LOCK_FILE } from '../core/lock.ts';
import { publishMessages as m } from '../core/messages.ts';
import { makeFolder, shownPath } from '../core/paths.ts';
import type { PairArchive } from './editions.ts';
import { atomFeed } from './feed.ts';
import { type Branding, editionFiles, FEED_FILE, indexPage, pairPage, STYLE_FILE } from './pages.ts';
import { SITE_FONTS, stylesheet } from './stylesheet.ts';

/** Marks a folder as a site tradebrief wrote, so publishing never empties a folder it does not own. */
const MARKER = '.tradebrief-site';

/** A file of the site: text or bytes made here, or a file copied from the archive or a package. */
type SiteFile = { text: string } | { bytes: Uint8Array } | { from: string };

export interface SiteOptions {
  dir: string;
  brand: Branding;
  /** The logo as the briefing's cover has it (fitLogo), written to the site as brand.logo. */
  logo?: Uint8Array;
  siteUrl?: string;
  /** How long to wait for another publish writing the same folder. */
  waitSeconds?: number;
  /** Told the system's code when the folder cannot hold a lock, and the site is written without one. */
  onUnlocked?: (code: string) => void;
}

/** The site's path of the logo: its own name is not needed, its kind is (a redrawn logo is a PNG). */
export function logoName(logo: Uint8Array): string {
  return pngSize(logo) ? 'logo.png' : 'logo.jpg';
}

/** Every file of the site by its path in the site; the index comes last, so it links only to files written. */
export function siteFiles(archives: PairArchive[], options: SiteOptions): Map<string, SiteFile> {
  const files = new Map<string, SiteFile>();
  files.set(STYLE_FILE, { text: stylesheet(options.brand.accent) });
  files.set(SITE_FONTS.regular, { from: FONT_FILES.regular });
  files.set(SITE_FONTS.bold, { from: FONT_FILES.bold });
  files.set('fonts/OFL.txt', { from: join(FONT_FILES.regular, '..', '..', 'LICENSE_FONT') });
  if (options.logo && options.brand.logo) files.set(options.brand.logo, { bytes: options.logo });
  for (const archive of archives) {
    for (const edition of archive.editions)
      for (const file of editionFiles(edition))
        files.set(`${archive.pair}/${edition.name}/${file}`, { from: join(edition.dir, file) });
    files.set(`${archive.pair}/index.html`, { text: pairPage(archive, options.brand) });
  }
  files.set(FEED_FILE, { text: atomFeed(archives, options.brand, options.siteUrl) });
  files.set('index.html', { text: indexPage(archives, options.brand) });
  return files;
}

/**
 * Writes the site into its folder: each file to a temporary name, then renamed, and only when its
 * bytes differ, so a rebuild from the same archive changes nothing; files no longer part of the site
 * go. Returns how many files were written.
 */
export async function writeSite(archives: PairArchive[], options: SiteOptions): Promise<number> {
  await checkOwned(options.dir);
  await makeFolder(options.dir);
  // Publishes of other output folders may write the same site: one at a time.
  let release: (() => Promise<void>) | undefined;
  try {
    release = await acquireLock(options.dir, { waitSeconds: options.waitSeconds ?? 0 });
  } catch (error) {
    // A web root without hard links (vfat, some network shares) cannot hold the lock: written unlocked.
    const code = (error as NodeJS.ErrnoException).code;
    if (error instanceof LockedError || !code || !NO_LINKS.has(code)) throw error;
    options.onUnlocked?.(code);
  }
  try {
    return await writeFiles(options.dir, siteFiles(archives, options));
  } finally {
    await release?.();
  }
}

/** What a file system without hard links answers the lock's link(). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function writeFiles(dir: string, files: Map<string, SiteFile>): Promise<number> {
  let written = 0;
  for (const [path, file] of files) {
    const bytes =
      'text' in file
        ? Buffer.from(file.text, 'utf8')
        : 'bytes' in file
          ? Buffer.from(file.bytes)
          : await readFile(file.from);
    const target = join(dir, path);
    const existing = await readFile(target).catch(() => undefined);
    if (existing?.equals(bytes)) continue;
    await writeFileAtomic(target, bytes);
    written++;
  }
  await writeFileAtomic(join(dir, MARKER), 'tradebrief archive site\n');
  await removeOthers(dir, '', new Set([...files.keys(), MARKER]));
  return written;
}

async function checkOwned(dir: string): Promise<void> {
  const entries = (await readdir(dir).catch(() => [] as string[])).filter((name) => !isLock(name));
  if (entries.length > 0 && !entries.includes(MARKER))
    throw new InputError([{ file: shownPath(dir), message: m.notASite(shownPath(dir)) }]);
}

/** Removes what is not part of the site (old editions, leftovers of a killed run); true if the folder is now empty. */
async function removeOthers(root: string, folder: string, keep: Set<string>): Promise<boolean> {
  let empty = true;
  for (const entry of await readdir(join(root, folder), { withFileTypes: true })) {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (await removeOthers(root, path, keep)) await rmdir(join(root, path));
      else empty = false;
    } else if (keep.has(path) || (!folder && isLock(entry.name))) empty = false;
    else await rm(join(root, path), { force: true });
  }
  return empty;
}

/** The lock of a publish writing the folder, or a file of its taking: never part of the site, never removed. */
function isLock(name: string): boolean {
  return name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.`);
}
