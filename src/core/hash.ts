import { createHash } from 'node:crypto';
import { type BigIntStats, closeSync, openSync, readSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Read at most this much at a time: a bulk input of hundreds of MB hashes at disk speed in little memory. */
const CHUNK_BYTES = 1 << 20;
/**
 * Files up to this size are read synchronously, a chunk at a time: each asynchronous open, stat, read
 * and close is a round trip to libuv's threads, and a rerun with nothing to do hashes some 40 files.
 * The largest, a batch partner's stage file (7 MB), holds the event loop about 10 ms.
 */
const SYNC_BYTES = 8 << 20;
/** The synchronous reads' one buffer: each read is hashed before another can begin. */
let shared: Buffer | undefined;

/**
 * The hashes this process made of larger files, by path, with what identified each file then. A bulk
 * year of hundreds of MB would otherwise be read again by each part of a run that needs its hash: the
 * light start and the whole command line (two bundles in one process: hence globalThis), and the bulk
 * reader.
 */
const known = processWide('tradebrief.fileHashes', () => new Map<string, Known>());
interface Known {
  identity: string;
  sha256: string;
}

/** The one value of `name` in this process, made by `make` the first time. */
function processWide<T>(name: string, make: () => T): T {
  const global = globalThis as Record<symbol, T | undefined>;
  const key = Symbol.for(name);
  const value = global[key] ?? make();
  global[key] = value;
  return value;
}

/**
 * A hash is kept only for a file last changed this long before it was read: file times tick coarsely,
 * so a file rewritten within the same tick as the change before would keep its size and times. This
 * trusts the system clock to agree with the file system's times, and a network file system's stat.
 */
const SETTLED_NS = 2_000_000_000n;

/** The file as the system identifies it: a write, a replacement or a touch changes this. */
function identityOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

export async function sha256File(path: string): Promise<string> {
  // A pipe or device is never opened here: a blocking open would hold the whole thread.
  const stats = statSync(path, { bigint: true });
  if (stats.isFile() && stats.size <= SYNC_BYTES) return sha256FileNow(path);
  const earlier = stats.isFile() ? knownSha256(path, stats) : undefined;
  if (earlier) return earlier;
  const readFrom = BigInt(Date.now()) * 1_000_000n;
  const handle = await open(path, 'r');
  try {
    // One buffer read into again and again: no stream, no copy of a chunk.
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
    const sha256 = hash.digest('hex');
    const after = await handle.stat({ bigint: true });
    // Unchanged while it was read, and settled before: what a later stat shows is these bytes.
    if (stats.isFile() && identityOf(after) === identityOf(stats) && after.ctimeNs < readFrom - SETTLED_NS)
      known.set(path, { identity: identityOf(after), sha256 });
    return sha256;
  } finally {
    await handle.close();
  }
}

/** A hash this process made of a larger file, with what identified the file then. */
export type KnownHash = [path: string, known: Known];

/** The hashes this process made of larger files: for a process it starts to read the same files. */
export function knownHashes(): KnownHash[] {
  return [...known];
}

/**
 * Takes the hashes that the process which started this one made (`knownHashes`): each is used, as
 * this process's own are, only while the file is still the one that was read.
 */
export function learnHashes(hashes: KnownHash[]): void {
  for (const [path, earlier] of hashes) if (!known.has(path)) known.set(path, earlier);
}

/**
 * The hash this process already made of the file at `path`, if the file is still the one it read;
 * undefined otherwise, also when it cannot be looked at (the caller then reads it and meets the error).
 */
export function knownSha256(path: string, stats?: BigIntStats): string | undefined {
  const earlier = known.get(path);
  if (!earlier) return undefined;
  try {
    const now = stats ?? statSync(path, { bigint: true });
    return identityOf(now) === earlier.identity ? earlier.sha256 : undefined;
  } catch {
    return undefined;
  }
}

function sha256FileNow(path: string): string {
  shared ??= Buffer.allocUnsafe(CHUNK_BYTES);
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const bytesRead = readSync(fd, shared, 0, shared.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      hash.update(shared.subarray(0, bytesRead));
    }
  } finally {
    closeSync(fd);
  }
}
