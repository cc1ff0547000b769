import { partnerThread } from './partnerBuild.ts';

// A partner thread started from the sources; from the bundle, bin/bundleThread.js runs the same.
await partnerThread();
