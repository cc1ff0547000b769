import v8 from 'node:v8';
import vm from 'node:vm';
import { isMainThread } from 'node:worker_threads';

/**
 * A forced collection costs its pause whatever is left, so below this much heap in use it is skipped.
 * A batch's partner threads run side by side, each with a heap of its own: they collect from less
 * (README, The batch: 64 MB since a partner's share holds the world's exports summed).
 */
const COLLECT_FROM_BYTES = (isMainThread ? 128 : 64) * 1024 * 1024;

const gc: () => void = (() => {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
})();

/**
 * Collects the garbage now, when the heap holds at least `fromBytes`: after work whose results are
 * saved, so that the next step's peak memory is its own, not its own plus what came before.
 */
export function collectGarbage(fromBytes = COLLECT_FROM_BYTES): void {
  if (v8.getHeapStatistics().used_heap_size >= fromBytes) gc();
}
