import { serveInChildProcess } from '../../core/childProcess.ts';
import { learnHashes } from '../../core/hash.ts';
import { allowProgress } from '../../core/progress.ts';
import { type BatchReadRequest, readForBatch } from './batchRead.ts';

serveInChildProcess(async ({ progress, hashes, ...setup }: BatchReadRequest) => {
  allowProgress(progress);
  learnHashes(hashes);
  await readForBatch(setup);
});
