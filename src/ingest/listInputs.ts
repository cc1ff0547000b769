import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { FileHash } from '../core/cache.ts';
import { InputError, type Problem } from '../core/errors.ts';
import { sha256File } from '../core/hash.ts';
import { inputMessages as m } from '../core/messages.ts';
import { compareText } from '../core/text.ts';
import { CONTAINER_EXTENSIONS } from './containers/index.ts';

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
}

/**
 * The table files under `dir` (recursively), and a problem for each unreadable one. Names starting with
 * "." (hidden) or "_" (put aside, such as the templates `tradebrief init` writes) are not read.
 */
export async function listInputs(dir: string): Promise<{ inputs: InputFile[]; problems: Problem[] }> {
  try {
    await stat(dir);
  } catch {
    throw new InputError([{ file: dir, message: m.missingInputsDir() }]);
  }
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const inputs: InputFile[] = [];
  const problems: Problem[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    // A link to a file (a download kept elsewhere) counts as that file.
    if (!entry.isFile() && !(entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile()))
      continue;
    const file = relative(dir, path).split(sep).join('/');
    if (file.split('/').some((part) => part.startsWith('.') || part.startsWith('_'))) continue;
    if (isInputName(entry.name)) inputs.push({ path, file });
    const unreadable = UNREADABLE[extname(entry.name).toLowerCase()];
    if (unreadable) problems.push({ file, message: unreadable() });
  }
  inputs.sort((a, b) => compareText(a.file, b.file));
  problems.sort((a, b) => compareText(a.file, b.file));
  return { inputs, problems };
}

/** Whether a file of this name is read as an input (in a folder or in an archive). */
export function isInputName(name: string): boolean {
  const extension = extname(name).toLowerCase();
  return TEXT_TABLES.has(extension) || CONTAINER_EXTENSIONS.has(extension) || TRADE_MAP_TEXT.test(name);
}

/** The inputs a run reads, with their content hashes: what the first stage's cache key covers. */
export async function hashInputs(dir: string): Promise<FileHash[]> {
  const { inputs } = await listInputs(dir);
  const hashes: FileHash[] = [];
  for (const input of inputs) hashes.push({ file: input.file, sha256: await sha256File(input.path) });
  return hashes;
}
