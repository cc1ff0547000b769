import { existsSync, realpathSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { escapeControls } from './text.ts';

/** A path as messages show it: relative to where the command was run, as the user would type it. */
export function shownPath(path: string): string {
  return escapeControls(relative(process.cwd(), path) || '.');
}

/** Whether `path` is `folder` or inside it (both as given: resolve links first, see realPathOf). */
export function isWithin(path: string, folder: string): boolean {
  return topFolderWithin(path, folder) !== undefined;
}

/**
 * The name of the folder right under `folder` that holds `path` ("" for `folder` itself), or undefined
 * when `path` is not within it: what decides whose the place is.
 */
export function topFolderWithin(path: string, folder: string): string | undefined {
  const rest = relative(folder, path);
  return rest.startsWith('..') || isAbsolute(rest) ? undefined : (rest.split(sep)[0] ?? '');
}

/** The path with its links resolved as far as it exists: an output folder is made when first written. */
export function realPathOf(path: string): string {
  if (existsSync(path)) return realpathSync(path);
  const parent = dirname(path);
  return parent === path ? path : join(realPathOf(parent), basename(path));
}

/**
 * Makes a folder and those above it, failing with the system's own refusal: Node's recursive mkdir
 * says ENOENT where a read-only file system refused it (EROFS), which would read as a fault of ours.
 */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const parent = dirname(dir);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw error;
    await makeFolder(parent);
    await mkdir(dir).catch(async (again: NodeJS.ErrnoException) => {
      // Made meanwhile by another run; a link to nothing, or a file, is no folder.
      if (again.code !== 'EEXIST' || !(await stat(dir).catch(() => undefined))?.isDirectory()) throw again;
    });
  }
}
