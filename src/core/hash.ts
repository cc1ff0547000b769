import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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

export async function sha256File(path: string): Promise<string> {
  // A pipe or device is never opened here: a blocking open would hold the whole thread.
  const stats = statSync(path);
  if (stats.isFile() && stats.size <= SYNC_BYTES) return sha256FileNow(path);
  const handle = await open(path, 'r');
  try {
    // One buffer read into again and again: no stream, no copy of a chunk.
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return hash.digest('hex');
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
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
