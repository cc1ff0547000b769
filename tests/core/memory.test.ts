import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../pipeline/stages.ts';
import type { RunContext } from '../../src/core/context.ts';
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

describe('the stages whose garbage the next stage collects', () => {
  const leaving = (ctx: Partial<RunContext>) =>
    STAGES.filter((stage) => stage.leavesLittle?.(ctx as RunContext)).map((stage) => stage.name);

  it('are the charts in a run, and the ingest too where it takes a batch partner’s share', () => {
    expect(leaving({})).toEqual(['charts']);
    expect(leaving({ sharedIngest: { path: 'IND-RUS.json', inputs: [] } })).toEqual(['ingest', 'charts']);
  });
});
