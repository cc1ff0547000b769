import { serveInChildProcess } from '../../core/childProcess.ts';
import { allowProgress } from '../../core/progress.ts';
import { type BatchReadRequest, readForBatch } from './batchRead.ts';

serveInChildProcess(async ({ progress, ...setup }: BatchReadRequest) => {
  allowProgress(progress);
  await readForBatch(setup);
});
