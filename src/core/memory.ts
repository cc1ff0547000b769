import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/** When a forced collection is worth its pause: from how much heap in use, and how much more than the last left. */
export interface CollectFrom {
  bytes: number;
  growth: number;
}

const MB = 1024 * 1024;

/**
 * A forced collection costs its pause whatever is left, so below `bytes` of heap in use it is skipped.
 * A batch's partner threads run side by side, each with a heap of its own: they collect from less, but
 * only once the heap has grown by `growth` since the last collection. A partner's thread keeps about
 * 48 MB alive (libraries, fonts) and collected after nearly every stage, each time marking all of it:
 * with 16 MB of growth a batch of 20 partners took 12.9–13.2 s instead of 14.2–14.6 s, at a peak of
 * 387–388 MB instead of 356–372 MB (32 MB: 12.5–12.9 s, but 400–407 MB).
 */
const COLLECT_FROM: CollectFrom = isMainThread
  ? { bytes: 128 * MB, growth: 0 }
  : { bytes: 48 * MB, growth: 16 * MB };

/** Heap in use after this thread's last forced collection. */
let left = 0;

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Collects the garbage now, when the heap holds enough (`from`): after work whose results are saved,
 * so that the next step's peak memory is its own, not its own plus what came before. Whether it did.
 */
export function collectGarbage(from: CollectFrom = COLLECT_FROM): boolean {
  const used = v8.getHeapStatistics().used_heap_size;
  if (used < from.bytes || used < left + from.growth) return false;
  gc();
  left = v8.getHeapStatistics().used_heap_size;
  return true;
}
