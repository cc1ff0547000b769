import { Worker } from 'node:worker_threads';
import { knownSha256 } from '../../core/hash.ts';

/** Plain JavaScript, so the worker starts without a TypeScript loader. */
const HASH_FILE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
const hash = createHash('sha256');
createReadStream(workerData, { highWaterMark: 1 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (error) => parentPort.postMessage({ error: error.message }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }));
`;

/**
 * The sha256 of a file, computed on another thread: hashing a large file costs about as much as a
 * fifth of parsing it, and the bulk reader leaves a core free while it parses. The file is read a
 * second time, from the page cache; not at all when this process hashed it already (`knownSha256`).
 */
export function sha256InBackground(path: string): Promise<string> {
  const known = knownSha256(path);
  if (known) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_FILE, { eval: true, workerData: path });
    worker.once('message', (message: { sha256?: string; error?: string }) => {
      void worker.terminate();
      if (message.sha256) resolve(message.sha256);
      else reject(new Error(`cannot hash ${path}: ${message.error}`));
    });
    worker.once('error', reject);
  });
}
