import type { Writable } from 'node:stream';
import { progressMessages as m } from './messages.ts';

export interface Progress {
  /** Work done so far, in the unit of `total` (bytes for file reading). */
  update(done: number): void;
  finish(): void;
}

const FRAME_MS = 250;

/** Off for JSON logs, --quiet and worker threads: a bar would break their lines or clash with another. */
let allowed = true;

export function allowProgress(value: boolean): void {
  allowed = value;
}

export function progressAllowed(): boolean {
  return allowed;
}
const WIDTH = 24;

/**
 * A progress bar on a terminal for work that takes more than a second: bytes, rate and ETA, redrawn
 * in place. Nothing at all when stderr is not a terminal or NO_COLOR is set, so logs stay clean.
 */
export function createProgress(
  label: string,
  total: number,
  options: { stream?: Writable & { isTTY?: boolean }; env?: NodeJS.ProcessEnv; now?: () => number } = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  const now = options.now ?? (() => performance.now());
  if (!allowed || !stream.isTTY || env.NO_COLOR !== undefined || env.CI !== undefined)
    return { update() {}, finish() {} };
  const started = now();
  let drawn = false;
  let lastDraw = 0;
  const draw = (done: number) => {
    const elapsed = (now() - started) / 1000;
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? (total - done) / rate : 0;
    const bar = '#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.');
    stream.write(`\r${m.bar(label, bar, share, done, total, rate, eta)}\u001b[K`);
    drawn = true;
  };
  return {
    update(done) {
      const t = now();
      // Only work that lasts over a second earns a bar, and it is redrawn a few times a second at most.
      if (t - started < 1000 || t - lastDraw < FRAME_MS) return;
      lastDraw = t;
      draw(done);
    },
    finish() {
      if (drawn) {
        draw(total);
        stream.write('\n');
      }
    },
  };
}
