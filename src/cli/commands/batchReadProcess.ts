import { serveInChildProcess } from '../../core/childProcess.ts';
import { allowProgress } from '../../core/progress.ts';
import { type BatchReadSetup, readForBatch } from './batchRead.ts';

serveInChildProcess(async ({ progress, ...setup }: BatchReadSetup & { progress: boolean }) => {
  allowProgress(progress);
  await readForBatch(setup);
});
