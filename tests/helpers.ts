import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'tradebrief.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real command line, as a user or a scheduler would. */
export function tradebrief(args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'tradebrief-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Output of a poppler or qpdf tool; fails loudly when the tool is missing (CI installs them). */
export function tool(name: string, args: string[]): string {
  const result = spawnSync(name, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${name} is needed by this test: apt-get install -y poppler-utils qpdf`);
  return `${result.stdout}${result.stderr}`;
}

/** A seeded generator (a linear congruential one): the same altered inputs on every run. */
export function seeded(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}
