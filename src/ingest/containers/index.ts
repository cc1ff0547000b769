import { open, readFile } from 'node:fs/promises';
import { inputMessages as m } from '../../core/messages.ts';
import type { ReadResult } from '../readCsv.ts';
import { tableOfGrid } from './grid.ts';
import { decodeHtml, readHtmlGrid } from './html.ts';
import { readXlsx } from './xlsx.ts';
import { ZipError, type ZipFault } from './zip.ts';

/**
 * Files read by what their bytes hold, whatever their name: EIDB and Trade Map save HTML pages as
 * ".xls" (EIDB's as ".asp" too), and a workbook may come renamed.
 */
export const CONTAINER_EXTENSIONS: ReadonlySet<string> = new Set([
  '.xls',
  '.xlsx',
  '.xlsm',
  '.html',
  '.htm',
  '.asp',
]);

const SNIFF_BYTES = 4096;
type Kind = 'html' | 'zip' | 'gzip' | 'ole' | 'text';

/**
 * Reads a file that is not delimited text as a table: an HTML page (its first table with a
 * recognised header, titles above it), an .xlsx workbook (its first sheet with a recognised header).
 * Undefined for delimited text, which `readCsv` reads. Problems are returned, never thrown.
 */
export async function readContainer(
  path: string,
  file: string,
  isHeader: (cells: string[]) => boolean,
): Promise<ReadResult | undefined> {
  const kind = kindOf(await head(path));
  switch (kind) {
    case 'text':
      return undefined;
    case 'ole':
      return { problems: [{ file, message: m.oldExcelFile() }] };
    case 'gzip':
      return { problems: [{ file, message: m.nestedArchive() }] };
    case 'html':
      return tableOfGrid(file, readHtmlGrid(decodeHtml(await readFile(path))), isHeader);
    case 'zip':
      return readWorkbook(await readFile(path), file, isHeader);
  }
}

async function readWorkbook(
  bytes: Buffer,
  file: string,
  isHeader: (cells: string[]) => boolean,
): Promise<ReadResult> {
  try {
    const sheet = await readXlsx(bytes, (s) => s.records.some((r) => isHeader(r.cells)));
    if (!sheet) return { problems: [{ file, message: m.damagedWorkbook() }] };
    const read = tableOfGrid(file, sheet.records, isHeader);
    if (sheet.unsavedFormulas.length > 0)
      read.problems.push({ file, message: m.unsavedFormulas(sheet.unsavedFormulas) });
    return read;
  } catch (error) {
    if (error instanceof ZipError) return { problems: [{ file, message: zipMessage(error.reason, true) }] };
    throw error;
  }
}

/** What the user reads about an archive or workbook that cannot be opened. */
export function zipMessage(reason: ZipFault, workbook: boolean): string {
  switch (reason.fault) {
    case 'damaged':
      return workbook ? m.damagedWorkbook() : m.damagedArchive();
    case 'encrypted':
      return m.encryptedMember();
    case 'method':
      return m.zipMethod(reason.method);
    case 'ratio':
      return m.zipRatio(reason.ratio);
    case 'size':
      return m.zipTooLarge(reason.limit);
  }
}

async function head(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What the first bytes of a file say it is. */
function kindOf(bytes: Buffer): Kind {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'ole';
  return looksLikeHtml(decodeHtml(bytes)) ? 'html' : 'text';
}

/** A page starts with a tag (after blanks, a script or a comment) and names an HTML element early on. */
function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text) && /<(!doctype\s+html|html|head|body|table|meta|title)\b/i.test(text);
}
