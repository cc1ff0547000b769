import { open, readFile } from 'node:fs/promises';
import type { Problem } from '../../core/errors.ts';
import { sha256, sha256File } from '../../core/hash.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { fileFault } from '../fileFault.ts';
import { type CsvHead, type IsHeader, type ReadResult, readCsv, readTableFromBytes } from '../readCsv.ts';
import { SNIFF_BYTES, sniffText } from '../sniffText.ts';
import type { ShownOtherwise } from '../table.ts';
import { type Input, MAX_MEMBER_BYTES, type Member } from './archive.ts';
import { tableOfGrid } from './grid.ts';
import { decodeHtml, decodePage, readHtmlGrid } from './html.ts';
import { recogniseNotData } from './notData.ts';
import { readXlsx, type Sheet } from './xlsx.ts';
import { ZipError, type ZipFault } from './zip.ts';

export { expandArchives, type Input, type Member } from './archive.ts';
export { ZipError } from './zip.ts';

/** A member read whole (not by a bulk reader) is held in memory: a table this large is not a download. */
const MAX_WHOLE_BYTES = 1 << 30;
type Kind = 'html' | 'zip' | 'gzip' | 'ole' | 'text';

/**
 * Reads one input as a table, whatever holds it: delimited text, an HTML page (its first table with
 * a recognised header, titles above it), an .xlsx workbook (its first sheet with a recognised
 * header), or any of these inside an archive. Problems are returned, never thrown; `sha256` is the
 * hash of the bytes read (a member's, inflated).
 */
export async function readInput(input: Input, isHeader: IsHeader): Promise<ReadResult & { sha256: string }> {
  const { file, member } = input;
  try {
    const bytes = member ? await readMember(member, MAX_WHOLE_BYTES) : undefined;
    const head = bytes ?? (await firstBytes(input.path));
    const read = bytes
      ? await readBytes(bytes, file, isHeader, true)
      : await readFileTable(input.path, head, file, isHeader);
    const sha = bytes ? sha256(bytes) : await sha256File(input.path);
    // A file without a recognised header may be one that is recognisably not data: that is its problem.
    const named =
      read.table && isHeader(read.table.header)
        ? undefined
        : recogniseNotData(headLines(head), read.table?.header ?? []);
    return named ? { problems: [{ file, message: named }], sha256: sha } : { ...read, sha256: sha };
  } catch (error) {
    if (error instanceof ZipError)
      return { problems: [{ file, message: zipMessage(error.reason, !member) }], sha256: '' };
    // A fault of the disk (unreadable, vanished) is said as such, not as a fault of the file's content.
    if ((error as NodeJS.ErrnoException).syscall !== undefined)
      return { problems: [{ file, message: fileFault(error) }], sha256: '' };
    throw error;
  }
}

/** The title lines and header of a large member, from its first bytes, for the bulk readers. */
export async function readMemberHead(
  member: Member,
  file: string,
  isHeader: IsHeader,
): Promise<{ head?: CsvHead; problems: Problem[] }> {
  let bytes: Buffer;
  try {
    bytes = await readMember(member, SNIFF_BYTES, true);
  } catch (error) {
    if (error instanceof ZipError) return { problems: [] };
    throw error;
  }
  const sniffed = sniffText(bytes);
  if (kindOf(bytes) !== 'text' || 'problem' in sniffed) return { problems: [] };
  // Whole lines only: the last one may be cut.
  const { table, problems } = await readTableFromBytes(
    bytes.subarray(0, bytes.lastIndexOf(10) + 1),
    file,
    isHeader,
  );
  if (!table?.encoding) return { problems };
  const { rows: _, encoding, ...head } = table;
  return { head: { ...head, encoding, delimiter: sniffed.delimiter }, problems: [] };
}

async function readFileTable(
  path: string,
  head: Buffer,
  file: string,
  isHeader: IsHeader,
): Promise<ReadResult> {
  // Delimited text is streamed from the disk; other kinds are read whole.
  if (kindOf(head) === 'text') return readCsv(path, file, isHeader);
  return readBytes(await readFile(path), file, isHeader, false);
}

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first lines of text a file shows: a page's text and rows, or a text file's lines. */
function headLines(bytes: Buffer): string[] {
  const head = bytes.subarray(0, SNIFF_BYTES);
  const kind = kindOf(head);
  if (kind === 'html') return readHtmlGrid(decodeHtml(head)).map((r) => r.cells.filter(Boolean).join(' '));
  return kind === 'text' ? decodeHtml(head).split(/\r\n|\n|\r/) : [];
}

async function readBytes(
  bytes: Buffer,
  file: string,
  isHeader: IsHeader,
  inArchive: boolean,
): Promise<ReadResult> {
  switch (kindOf(bytes)) {
    case 'text':
      return readTableFromBytes(bytes, file, isHeader);
    case 'ole':
      return { problems: [{ file, message: m.oldExcelFile() }] };
    case 'gzip':
      return { problems: [{ file, message: m.nestedArchive() }] };
    case 'html': {
      const page = decodePage(bytes);
      return tableOfGrid(file, readHtmlGrid(page.text), isHeader, page.encoding ?? 'utf-8');
    }
    case 'zip':
      if (/\.xls[xm]?$/i.test(file)) return readWorkbook(bytes, file, isHeader);
      // A zip inside an archive is an archive; one named as a table is read if it is a workbook.
      if (inArchive) return { problems: [{ file, message: m.nestedArchive() }] };
      return readWorkbook(bytes, file, isHeader).catch((error: unknown) => {
        if (error instanceof ZipError) return { problems: [{ file, message: m.notText() }] };
        throw error;
      });
  }
}

async function readWorkbook(bytes: Buffer, file: string, isHeader: IsHeader): Promise<ReadResult> {
  const sheet = await readXlsx(bytes, (s) => s.records.some((r) => isHeader(r.cells)));
  if (!sheet) return { problems: [{ file, message: m.damagedWorkbook() }] };
  const read = tableOfGrid(file, sheet.records, isHeader);
  if (read.table && sheet.shownOtherwise.length > 0)
    read.table.shownOtherwise = byLineAndColumn(sheet.shownOtherwise);
  if (sheet.unsavedFormulas.length > 0)
    read.problems.push({ file, message: m.unsavedFormulas(sheet.unsavedFormulas) });
  return read;
}

function byLineAndColumn(cells: Sheet['shownOtherwise']): Map<number, Map<number, ShownOtherwise>> {
  const lines = new Map<number, Map<number, ShownOtherwise>>();
  for (const { line, column, ...shown } of cells) {
    const columns = lines.get(line) ?? new Map<number, ShownOtherwise>();
    lines.set(line, columns.set(column, shown));
  }
  return lines;
}

/** A member's inflated bytes, up to `limit` (all of them, or refused past it unless `head`). */
async function readMember(member: Member, limit: number, head = false): Promise<Buffer> {
  const stream = await member.open();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        if (head) break;
        throw new ZipError({ fault: 'size', limit: Math.min(limit, MAX_MEMBER_BYTES) });
      }
    }
  } finally {
    stream.destroy?.();
  }
  const bytes = Buffer.concat(chunks);
  return head ? bytes.subarray(0, limit) : bytes;
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

/** What the first bytes of a file say it is. */
function kindOf(bytes: Buffer): Kind {
  if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return 'zip';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (bytes.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) return 'ole';
  return looksLikeHtml(decodeHtml(bytes.subarray(0, 4096))) ? 'html' : 'text';
}

/** A page starts with a tag (after blanks, a script or a comment) and names an HTML element early on. */
function looksLikeHtml(text: string): boolean {
  return /^\s*</.test(text) && /<(!doctype\s+html|html|head|body|table|meta|title)\b/i.test(text);
}
