import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { allowProgress, createProgress } from '../../src/core/progress.ts';

function terminal(isTTY: boolean) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { stream, text: () => text };
}

describe('progress', () => {
  it('draws bytes, rate and time left on a terminal, only once work has lasted a second', () => {
    const t = terminal(true);
    let clock = 0;
    const progress = createProgress('reading BACI.csv', 100e6, {
      stream: t.stream,
      env: {},
      now: () => clock,
    });
    clock = 500;
    progress.update(10e6);
    expect(t.text()).toBe('');
    clock = 2000;
    progress.update(40e6);
    // 40 MB in 2 s is 20 MB/s, so the other 60 MB take 3 s.
    expect(t.text()).toContain(
      'reading BACI.csv [##########..............] 40 % 40 MB of 100 MB, 20 MB/s, 3 s left',
    );
    progress.finish();
    expect(t.text().endsWith('\n')).toBe(true);
  });

  it.each([
    ['not a terminal', false, {}],
    ['NO_COLOR', true, { NO_COLOR: '1' }],
  ])('writes nothing when %s', (_name, isTTY, env) => {
    const t = terminal(isTTY);
    let clock = 0;
    const progress = createProgress('x', 100, { stream: t.stream, env, now: () => clock });
    clock = 5000;
    progress.update(50);
    progress.finish();
    expect(t.text()).toBe('');
  });
});

describe('progress turned off (JSON logs, --quiet, worker threads)', () => {
  it('writes nothing even on a terminal', () => {
    const t = terminal(true);
    let clock = 0;
    allowProgress(false);
    try {
      const progress = createProgress('x', 100, { stream: t.stream, env: {}, now: () => clock });
      clock = 5000;
      progress.update(50);
      progress.finish();
    } finally {
      allowProgress(true);
    }
    expect(t.text()).toBe('');
  });
});
