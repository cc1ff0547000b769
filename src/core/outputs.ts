import { randomBytes } from 'node:crypto';
import { copyFile, link, lstat, mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TEMP_MARK } from './atomic.ts';
import { LOCK_FILE } from './lock.ts';

/** The output folder's layout: the user-facing names point through `.current` into one complete build. */
export const CURRENT = '.current';
export const BUILDS = '.builds';
/** What a reader finds at the top of --out; every one is a link into the current build. */
export const EXPOSED = [
  'briefing.pdf',
  'indicators.json',
  'manifest.json',
  'changes.json',
  'charts',
  'tables',
  'stages',
] as const;

export interface Build {
  /** Where this run's stages read and write. */
  dir: string;
  /** The build the outputs show now, if any. */
  previous?: string;
}

/** What `.current` is when it is not a link to a build: said to the user, then set aside. */
export type CurrentProblem = { kind: 'outside'; target: string } | { kind: 'not-a-link' };

/**
 * Starts a build beside the current one. It begins as hard links to the current build's files, so
 * stages that are skipped keep their outputs at no cost, and a stage that runs replaces its files by
 * rename without touching the build readers see. Its name is made unique by the file system, never
 * from the process id alone: in a container every run is process 1.
 */
export async function startBuild(
  outDir: string,
  onProblem: (problem: CurrentProblem) => void = () => undefined,
): Promise<Build> {
  await ensureRealFolder(join(outDir, BUILDS));
  const current = await readCurrent(outDir);
  if (current.problem) {
    onProblem(current.problem);
    // A copied `.current` (cp -rL) is a folder of copies: the run starts afresh and replaces it.
    if (current.problem.kind === 'not-a-link')
      await rm(join(outDir, CURRENT), { recursive: true, force: true });
  }
  const previous = current.dir;
  await removeLeftovers(outDir, previous);
  const dir = await newBuildFolder(outDir);
  if (previous) await linkTree(previous, dir);
  return previous ? { dir, previous } : { dir };
}

/**
 * Makes the build the one readers see, in one atomic step: `.current` is a symbolic link replaced by
 * rename, so every exposed file switches together. A run killed before this leaves the previous
 * outputs whole; one killed after it leaves the new ones whole.
 */
export async function switchToBuild(outDir: string, build: Build): Promise<void> {
  const temp = join(outDir, `${CURRENT}${TEMP_MARK}${process.pid}`);
  await rm(temp, { force: true });
  await symlink(relative(outDir, build.dir), temp);
  await rename(temp, join(outDir, CURRENT));
  await exposeCurrent(outDir);
  if (build.previous && build.previous !== build.dir)
    await rm(build.previous, { recursive: true, force: true });
}

/** Abandons a build that will not be shown (nothing changed, or the run failed). */
export async function discardBuild(outDir: string, build: Build): Promise<void> {
  if (build.dir === build.previous) return;
  await rm(build.dir, { recursive: true, force: true });
  // A first run that failed leaves the folder as it found it.
  if (!build.previous) await rm(join(outDir, BUILDS), { recursive: true, force: true });
}

/** The build `.current` points to, if it is one of this folder's builds. */
export async function currentBuild(outDir: string): Promise<string | undefined> {
  return (await readCurrent(outDir)).dir;
}

/**
 * Reads `.current` without trusting it: only a link of the form `.builds/<name>` to a real folder
 * counts. A link elsewhere (edited by hand, or a folder moved in from another machine) is never
 * followed, so no run reads, links or removes anything outside --out.
 */
async function readCurrent(outDir: string): Promise<{ dir?: string; problem?: CurrentProblem }> {
  const path = join(outDir, CURRENT);
  const stats = await lstat(path).catch(() => undefined);
  if (!stats) return {};
  // A link in place of .builds would lead there too: no build is read through one.
  if (!(await lstat(join(outDir, BUILDS)).catch(() => undefined))?.isDirectory()) return {};
  if (!stats.isSymbolicLink()) return { problem: { kind: 'not-a-link' } };
  const target = await readlink(path);
  const [folder, name, ...rest] = target.split('/');
  const inside =
    folder === BUILDS && name !== undefined && !['', '.', '..'].includes(name) && rest.length === 0;
  if (!inside) return { problem: { kind: 'outside', target } };
  const dir = join(outDir, BUILDS, name);
  return (await lstat(dir).catch(() => undefined))?.isDirectory() ? { dir } : {};
}

/** A fresh folder under .builds/, made with the umask's permissions so readers can follow `.current`. */
async function newBuildFolder(outDir: string): Promise<string> {
  for (;;) {
    const dir = join(outDir, BUILDS, `build-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** A folder of our own: a link or file in its place (never followed) is replaced by an empty folder. */
async function ensureRealFolder(path: string): Promise<void> {
  const stats = await lstat(path).catch(() => undefined);
  if (stats?.isDirectory()) return;
  if (stats) await rm(path, { force: true });
  await mkdir(path, { recursive: true });
}

/** Builds and temp files left by runs that were killed: everything but the current build goes. */
export async function removeLeftovers(outDir: string, keep: string | undefined): Promise<void> {
  for (const entry of await readdir(join(outDir, BUILDS))) {
    const path = join(outDir, BUILDS, entry);
    if (path !== keep) await rm(path, { recursive: true, force: true });
  }
  for (const entry of await readdir(outDir)) {
    // Lock temp files belong to runs racing for the lock right now: theirs to remove.
    if (entry.includes(TEMP_MARK) && !entry.startsWith(LOCK_FILE))
      await rm(join(outDir, entry), { recursive: true, force: true });
  }
}

/** Top-level names as links through `.current`; made once, then never changed by a switch. */
export async function exposeCurrent(outDir: string): Promise<void> {
  // Each name on its own, all at once: a rerun only reads the seven links.
  await Promise.all(
    EXPOSED.map(async (name) => {
      const path = join(outDir, name);
      const target = join(CURRENT, name);
      const existing = await lstat(path).catch(() => undefined);
      if (existing?.isSymbolicLink() && (await readlink(path)) === target) return;
      const temp = join(outDir, `${name}${TEMP_MARK}${process.pid}`);
      await rm(temp, { force: true });
      await symlink(target, temp);
      if (existing?.isDirectory()) await rm(path, { recursive: true, force: true });
      await rename(temp, path);
    }),
  );
}

/** Hard links of the build's own files and folders; a link planted in a build is not followed. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
  }
}
