import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Deflate cannot shrink data more than about 1,030 times; real tables shrink 5 to 100 times. */
export const MAX_RATIO = 400;
/** Below this, a high ratio is a small file of blanks, not a bomb. */
const RATIO_FLOOR_BYTES = 1 << 20;

export interface ZipMember {
  /** The path inside the archive, with "/". */
  name: string;
  size: number;
  compressedSize: number;
}

/** Why an archive or one of its members cannot be read, for the message the user gets. */
export type ZipFault =
  | { fault: 'damaged' }
  | { fault: 'encrypted' }
  | { fault: 'method'; method: number }
  | { fault: 'ratio'; ratio: number }
  | { fault: 'size'; limit: number };

export class ZipError extends Error {
  constructor(readonly reason: ZipFault) {
    super(`zip: ${reason.fault}`);
    this.name = 'ZipError';
  }
}

/** A zip archive on disk or in memory (a workbook read whole). */
export type ZipSource = string | Buffer;

/** The files in an archive (folders left out), from its central directory: nothing is inflated. */
export async function listZip(source: ZipSource): Promise<ZipMember[]> {
  return withZip(source, async (zip) => {
    const members: ZipMember[] = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      members.push({
        name: entry.fileName,
        size: entry.uncompressedSize,
        compressedSize: entry.compressedSize,
      });
    }
    return members;
  });
}

/**
 * The inflated bytes of a member, streamed. Refused before anything is inflated: an encrypted member,
 * a compression other than deflate, a member larger than `maxBytes`, or one that claims to shrink more
 * than MAX_RATIO times (a decompression bomb); the stream stops if the data outgrows its declared size.
 * The archive is closed when the stream ends.
 */
export async function openZipMember(source: ZipSource, name: string, maxBytes: number): Promise<Readable> {
  const zip = await openZip(source);
  try {
    let found: Entry | undefined;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === name) {
        found = entry;
        break;
      }
    }
    if (!found) throw new ZipError({ fault: 'damaged' });
    checkEntry(found, maxBytes);
    const stream = await zip.openReadStreamPromise(found).catch(rethrow);
    const close = () => zip.close();
    stream.once('close', close);
    stream.once('error', close);
    return stream;
  } catch (error) {
    zip.close();
    throw error;
  }
}

/** A member's bytes, whole (a workbook's parts, a small table). */
export async function readZipMember(source: ZipSource, name: string, maxBytes: number): Promise<Buffer> {
  const stream = await openZipMember(source, name, maxBytes);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    rethrow(error);
  }
  return Buffer.concat(chunks);
}

function checkEntry(entry: Entry, maxBytes: number): void {
  if (entry.isEncrypted()) throw new ZipError({ fault: 'encrypted' });
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new ZipError({ fault: 'method', method: entry.compressionMethod });
  if (entry.uncompressedSize > maxBytes) throw new ZipError({ fault: 'size', limit: maxBytes });
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > MAX_RATIO)
    throw new ZipError({ fault: 'ratio', ratio: Math.round(ratio) });
}

async function withZip<T>(source: ZipSource, use: (zip: ZipFile) => Promise<T>): Promise<T> {
  const zip = await openZip(source);
  try {
    return await use(zip);
  } catch (error) {
    return rethrow(error);
  } finally {
    zip.close();
  }
}

async function openZip(source: ZipSource): Promise<ZipFile> {
  const options = { autoClose: false, strictFileNames: false };
  try {
    return typeof source === 'string'
      ? await yauzl.openPromise(source, options)
      : await yauzl.fromBufferPromise(source, options);
  } catch (error) {
    return rethrow(error);
  }
}

/**
 * yauzl's and zlib's errors (a bad signature, a truncated archive, a size mismatch, corrupt data) become
 * a ZipError; a fault of the disk (ENOENT, EIO…, which name their system call) stays what it is.
 */
function rethrow(error: unknown): never {
  if (error instanceof ZipError || (error as NodeJS.ErrnoException).syscall !== undefined) throw error;
  throw new ZipError({ fault: 'damaged' });
}
