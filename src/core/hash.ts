import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Files up to this size are hashed from one read: a stream's setup and 1 MiB buffer cost more. */
const ONE_READ_BYTES = 1 << 20;

export async function sha256File(path: string): Promise<string> {
  const small = await readIfSmall(path);
  if (small) return sha256(small);
  const hash = createHash('sha256');
  // Large chunks: a bulk input of hundreds of MB hashes at disk speed, not at 64 KiB a call.
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The whole file when it is small, read through one handle so its size and content agree. */
async function readIfSmall(path: string): Promise<Buffer | undefined> {
  const handle = await open(path, 'r');
  try {
    if ((await handle.stat()).size > ONE_READ_BYTES) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
