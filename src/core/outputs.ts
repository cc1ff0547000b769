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

/**
 * Starts a build beside the current one. It begins as hard links to the current build's files, so
 * stages that are skipped keep their outputs at no cost, and a stage that runs replaces its files by
 * rename without touching the build readers see.
 */
export async function startBuild(outDir: string): Promise<Build> {
  await mkdir(join(outDir, BUILDS), { recursive: true });
  const previous = await currentBuild(outDir);
  await removeLeftovers(outDir, previous);
  const dir = join(outDir, BUILDS, `build-${process.pid}`);
  await rm(dir, { recursive: true, force: true });
  if (previous) await linkTree(previous, dir);
  else await mkdir(dir, { recursive: true });
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

/** The build `.current` points to, if it points to one that exists. */
export async function currentBuild(outDir: string): Promise<string | undefined> {
  try {
    const dir = join(outDir, await readlink(join(outDir, CURRENT)));
    return (await lstat(dir)).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** Builds and temp files left by runs that were killed: everything but the current build goes. */
async function removeLeftovers(outDir: string, keep: string | undefined): Promise<void> {
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
  for (const name of EXPOSED) {
    const path = join(outDir, name);
    const target = join(CURRENT, name);
    const existing = await lstat(path).catch(() => undefined);
    if (existing?.isSymbolicLink() && (await readlink(path)) === target) continue;
    const temp = join(outDir, `${name}${TEMP_MARK}${process.pid}`);
    await rm(temp, { force: true });
    await symlink(target, temp);
    if (existing?.isDirectory()) await rm(path, { recursive: true, force: true });
    await rename(temp, path);
  }
}

async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}
