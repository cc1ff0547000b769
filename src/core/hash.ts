import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Read at most this much at a time: a bulk input of hundreds of MB hashes at disk speed in little memory. */
const CHUNK_BYTES = 1 << 20;

export async function sha256File(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    // One buffer, no larger than the file, read into again and again: no stream, no copy of a chunk,
    // and a small file (most of them) costs one small allocation and one read.
    const size = (await handle.stat()).size;
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(size, CHUNK_BYTES)));
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
