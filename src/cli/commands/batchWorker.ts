import { parentPort, workerData } from 'node:worker_threads';
import { allowProgress } from '../../core/progress.ts';
import { buildPartners, type PartnerMessage, type PartnerSetup } from './partnerBuild.ts';

allowProgress(false);
await buildPartners(workerData as PartnerSetup, (message: PartnerMessage) =>
  parentPort?.postMessage(message),
);
