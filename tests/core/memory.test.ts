import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/memory.ts';

describe('collectGarbage', () => {
  it('collects what is no longer held', async () => {
    const ref = new WeakRef(new Float64Array(1 << 20));
    // A weak reference's target lives until the job that made or read it ends.
    await tick();
    collectGarbage(0);
    await tick();
    expect(ref.deref()).toBeUndefined();
  });
});
