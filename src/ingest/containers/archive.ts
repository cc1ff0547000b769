import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Problem } from '../../core/errors.ts';
import { inputMessages as m } from '../../core/messages.ts';
import { listZip, MAX_RATIO, openZipMember, ZipError } from './zip.ts';

/** The largest member read: a BACI year is about 300 MB; ten times that is not a table. */
export const MAX_MEMBER_BYTES = 4 * 2 ** 30;
/** Below this, a high ratio is a small file of blanks, not a bomb. */
const RATIO_FLOOR_BYTES = 1 << 20;
const ARCHIVES = /\.(zip|gz|tgz|7z|rar|tar|bz2|xz)$/i;

/** A file inside an archive, read as a stream of its inflated bytes: nothing is written to disk. */
export interface Member {
  /** Inflated size: from the zip's directory, or the gzip trailer's (modulo 4 GiB) as a hint. */
  size: number;
  open(): Promise<Readable>;
}

/** An input file, or a member of an archive among the inputs (its `path` is the archive's). */
export interface Input {
  path: string;
  /** The name the user reads in messages: relative to the inputs folder ("baci.zip/BACI_….csv"). */
  file: string;
  member?: Member;
}

/**
 * The inputs with each zip archive replaced by its members whose names `isInputName` accepts (named
 * "archive.zip/member.csv"), and each gzip file by the one file it holds (keeping its name). Members
 * that are archives themselves, or that cannot be read (encrypted, another compression), are named
 * as problems; an archive with no table in it is one too. Nothing is inflated here.
 */
export async function expandArchives(
  inputs: Input[],
  isInputName: (name: string) => boolean,
): Promise<{ inputs: Input[]; problems: Problem[] }> {
  const expanded: Input[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    if (/\.gz$/i.test(input.file) && !/\.tar\.gz$/i.test(input.file)) {
      // "notes.txt.gz" holds no table; "data.csv.gz", and "data.gz" which does not say, are read.
      const inner = (input.file.split('/').at(-1) ?? '').slice(0, -3);
      if (!/\.[a-z0-9]+$/i.test(inner) || isInputName(inner))
        expanded.push({ ...input, member: await gzipMember(input.path) });
      continue;
    }
    if (!/\.zip$/i.test(input.file)) {
      expanded.push(input);
      continue;
    }
    try {
      const members = await listZip(input.path);
      const skipped: string[] = [];
      let tables = 0;
      for (const member of members) {
        const file = `${input.file}/${member.name}`;
        const parts = member.name.split('/');
        if (parts.some((part) => part.startsWith('.') || part.startsWith('_'))) continue;
        if (ARCHIVES.test(member.name)) problems.push({ file, message: m.nestedArchive() });
        else if (isInputName(parts.at(-1) ?? '')) {
          tables += 1;
          expanded.push({
            path: input.path,
            file,
            member: {
              size: member.size,
              open: () => openZipMember(input.path, member.name, MAX_MEMBER_BYTES),
            },
          });
        } else skipped.push(member.name);
      }
      if (tables === 0 && !problems.some((p) => p.file.startsWith(`${input.file}/`)))
        problems.push({ file: input.file, message: m.emptyArchive(skipped) });
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      problems.push({ file: input.file, message: m.damagedArchive() });
    }
  }
  return { inputs: expanded, problems };
}

/**
 * A gzip file's content, inflated as it is read. Its trailer gives the size modulo 4 GiB, kept as a
 * hint for routing; the stream itself stops once the output outgrows MAX_RATIO times the file (a
 * decompression bomb) or MAX_MEMBER_BYTES.
 */
async function gzipMember(path: string): Promise<Member> {
  const compressed = (await stat(path)).size;
  const handle = await open(path, 'r');
  let size = 0;
  try {
    const trailer = Buffer.alloc(4);
    if (compressed >= 18) {
      await handle.read(trailer, 0, 4, compressed - 4);
      size = trailer.readUInt32LE(0);
    }
  } finally {
    await handle.close();
  }
  return {
    size,
    open: async () => {
      const limit = Math.min(MAX_MEMBER_BYTES, Math.max(RATIO_FLOOR_BYTES, compressed * MAX_RATIO));
      const guard = sizeGuard(limit, compressed);
      const gunzip = createGunzip();
      const source = createReadStream(path);
      // A fault of the disk or of the compressed data reaches the reader, not an unhandled error.
      source.on('error', (error) => gunzip.destroy(error));
      gunzip.on('error', (error) =>
        guard.destroy(isZlibError(error) ? new ZipError({ fault: 'damaged' }) : error),
      );
      return source.pipe(gunzip).pipe(guard);
    },
  };
}

function isZlibError(error: Error): boolean {
  return typeof (error as NodeJS.ErrnoException).errno === 'number' && !('syscall' in error);
}

/** Passes bytes through until `limit`; past it the stream fails with the reason the user reads. */
function sizeGuard(limit: number, compressed: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen <= limit) return done(null, chunk);
      const fault =
        limit === MAX_MEMBER_BYTES
          ? new ZipError({ fault: 'size', limit })
          : new ZipError({ fault: 'ratio', ratio: Math.round(seen / Math.max(1, compressed)) });
      done(fault);
    },
  });
}
