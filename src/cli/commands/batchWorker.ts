import { parentPort, workerData } from 'node:worker_threads';
import { allowProgress } from '../../core/progress.ts';
import { buildPartners, type PartnerMessage, type PartnerSetup } from './partnerBuild.ts';

allowProgress(false);
const post = (message: PartnerMessage) => parentPort?.postMessage(message);

// Log lines go to the main thread, which writes them whole and tags them with the partner.
await buildPartners(
  workerData as PartnerSetup,
  (partner) => ({
    log: (level, event, message, fields = {}) =>
      post({ kind: 'log', level, event, message, fields: { ...fields, partner } }),
  }),
  (partner) => post({ kind: 'start', partner }),
  (outcome) => post({ kind: 'done', outcome }),
);
