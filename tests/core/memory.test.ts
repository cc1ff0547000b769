import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/core/memory.ts';

describe('collectGarbage', () => {
  it('collects what is no longer held', async () => {
    const ref = new WeakRef(new Float64Array(1 << 20));
    // A weak reference's target lives until the job that made or read it ends.
    await tick();
    expect(collectGarbage({ bytes: 0, growth: 0 })).toBe(true);
    await tick();
    expect(ref.deref()).toBeUndefined();
  });

  it('waits for the heap to grow by the growth asked for since the last collection', () => {
    expect(collectGarbage({ bytes: 0, growth: 0 })).toBe(true);
    // A terabyte more than the last collection left: no heap here grows that much.
    expect(collectGarbage({ bytes: 0, growth: 2 ** 40 })).toBe(false);
    // Nor does any reach a terabyte in use.
    expect(collectGarbage({ bytes: 2 ** 40, growth: 0 })).toBe(false);
    // 32 MB of doubles on the heap (a typed array's bytes would lie outside it).
    const held = Array.from({ length: 128 }, () => new Array<number>(1 << 15).fill(0.5));
    expect(collectGarbage({ bytes: 0, growth: 16 * 1024 * 1024 })).toBe(true);
    expect(held).toHaveLength(128);
  });
});
