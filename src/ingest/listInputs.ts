import { constants, type Stats } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import type { FileHash } from '../core/cache.ts';
import { InputError, type Problem } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import { inputMessages as m } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import { CONTAINER_EXTENSIONS } from './containers/extensions.ts';
import { fileFault } from './fileFault.ts';

/** Delimited text: CSV and tab-separated values. */
const TEXT_TABLES = new Set(['.csv', '.tsv']);
/** Trade Map's text export ("Trade_Map_-_List_of_products….txt"); other .txt files are notes (BACI's Readme.txt). */
const TRADE_MAP_TEXT = /^trade_?map.*\.txt$/i;
/** Files analysts download that hold tables but cannot be read as text: named, not skipped silently. */
const UNREADABLE: Record<string, () => string> = {
  '.ods': m.spreadsheetFile,
  '.7z': m.archiveFile,
  '.rar': m.archiveFile,
  '.tar': m.archiveFile,
};

export interface InputFile {
  path: string;
  /** The path as the user sees it: relative to the inputs folder, with "/". */
  file: string;
  /** A link to a file outside the inputs folder: its content is never quoted back (it may be anything). */
  outside?: true;
}

/** A file or folder not read, and why: listed when no input is found, warned of when named like one. */
export interface Skipped {
  file: string;
  reason: string;
  /** Named like an input (a folder or a pipe called "x.csv"): the user expects it read. */
  warn: boolean;
}

/**
 * The table files under `dir` (recursively), a problem for each one that cannot be read (a link to
 * nothing or to itself, no permission), and what was skipped. Names starting with "." (hidden) or
 * "_" (put aside, such as the templates `tradebrief init` writes) are not read. A pipe or a folder is
 * never opened, even when named like a table: reading a pipe waits for a writer that may never come.
 */
export async function listInputs(
  dir: string,
): Promise<{ inputs: InputFile[]; problems: Problem[]; skipped: Skipped[] }> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    throw new InputError([{ file: dir, message: m.missingInputsDir() }]);
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const inputs: InputFile[] = [];
  const problems: Problem[] = [];
  const skipped: Skipped[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(dir, path).split(sep).join('/');
    const parts = file.split('/');
    const asideAt = parts.findIndex((part) => part.startsWith('.') || part.startsWith('_'));
    if (asideAt !== -1) {
      if (asideAt === parts.length - 1 && entry.name.startsWith('_'))
        skipped.push({ file, reason: m.skippedPutAside(), warn: false });
      continue;
    }
    const named = isInputName(entry.name);
    const unreadable = UNREADABLE[extname(entry.name).toLowerCase()];
    if (entry.isDirectory()) {
      if (named || unreadable) skipped.push({ file, reason: m.skippedFolder(), warn: true });
      continue;
    }
    if (!named && !unreadable) {
      skipped.push({ file, reason: m.skippedNotData(), warn: false });
      continue;
    }
    // A link is what it points to; one to nothing, or to itself, is an input that cannot be read.
    const target = await statOf(path);
    if ('fault' in target) {
      problems.push({ file, message: target.fault });
      continue;
    }
    if (target.stats.isDirectory()) skipped.push({ file, reason: m.skippedFolder(), warn: true });
    else if (!target.stats.isFile()) skipped.push({ file, reason: m.skippedNotFile(), warn: true });
    else if (unreadable) problems.push({ file, message: unreadable() });
    else {
      const fault = await unreadableFile(path);
      if (fault) problems.push({ file, message: fault });
      else {
        const outside = entry.isSymbolicLink() && !isWithin(root, await realpath(path));
        inputs.push({ path, file, ...(outside ? { outside: true as const } : {}) });
      }
    }
  }
  inputs.sort((a, b) => compareText(a.file, b.file));
  problems.sort((a, b) => compareText(a.file, b.file));
  skipped.sort((a, b) => compareText(a.file, b.file));
  return { inputs, problems, skipped };
}

/** Whether a file of this name is read as an input (in a folder or in an archive). */
export function isInputName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return TEXT_TABLES.has(extension) || CONTAINER_EXTENSIONS.has(extension) || TRADE_MAP_TEXT.test(name);
}

async function statOf(path: string): Promise<{ stats: Stats } | { fault: string }> {
  try {
    return { stats: await stat(path) };
  } catch (error) {
    return { fault: fileFault(error) };
  }
}

/** Why a file cannot be opened for reading, if it cannot (root reads anything: then only at read time). */
async function unreadableFile(path: string): Promise<string | undefined> {
  try {
    await access(path, constants.R_OK);
    return undefined;
  } catch (error) {
    return fileFault(error);
  }
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/**
 * The inputs a run reads, with their content hashes: what the first stage's cache key covers. An input
 * that cannot be read stops the run here, before an earlier build could be taken as up to date.
 */
export async function hashInputs(dir: string): Promise<FileHash[]> {
  const { inputs, problems } = await listInputs(dir);
  if (problems.length > 0) throw new InputError(problems);
  const hashes: FileHash[] = [];
  for (const input of inputs) hashes.push({ file: input.file, sha256: await sha256File(input.path) });
  return hashes;
}
