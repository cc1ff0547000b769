import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.ts';
import type { Manifest } from '../../src/core/manifest.ts';
import { BIN, ROOT, tempDir, tool, tradebrief } from '../helpers.ts';
import { json } from './helpers.ts';

function startRun(out: string, extra: string[] = []) {
  return spawn(process.execPath, [BIN, 'run', '--out', out, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finished(child: ReturnType<typeof startRun>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The outputs a reader sees are one run's: every file matches the manifest next to it. */
function assertWhole(out: string): void {
  if (!existsSync(join(out, 'manifest.json'))) {
    expect(existsSync(join(out, 'briefing.pdf'))).toBe(false);
    return;
  }
  const manifest = json<Manifest>(join(out, 'manifest.json'));
  for (const output of manifest.outputs) {
    expect(sha256(readFileSync(join(out, output.file))), output.file).toBe(output.sha256);
  }
  expect(tool('qpdf', ['--check', join(out, 'briefing.pdf')])).toContain(
    'No syntax or stream encoding errors',
  );
  JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8'));
}

describe('a run killed with kill -9', () => {
  it('never leaves partial outputs, at any moment', async () => {
    const out = tempDir();
    // Kill points spread over a whole run (about three seconds), the first ones before any output exists.
    const delays = [60, 300, 700, 1100, 1500, 1900, 2300, 2700, 3100, 450, 1300, 2100];
    for (const [i, delay] of delays.entries()) {
      const child = startRun(out, i > 0 ? ['--force'] : []);
      const done = finished(child);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await done;
      assertWhole(out);
    }
    const last = tradebrief(['run', '--out', out]);
    expect(last.status).toBe(0);
    assertWhole(out);
    // Leftover builds from the killed runs are gone.
    expect(
      spawnSync('ls', [join(out, '.builds')], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n'),
    ).toHaveLength(1);
  }, 120_000);
});

describe('the lock on the output folder', () => {
  it('lets one of two concurrent runs through and turns the other away with exit code 75', async () => {
    const out = tempDir();
    const [a, b] = await Promise.all([finished(startRun(out)), finished(startRun(out))]);
    expect([a.code, b.code].sort()).toEqual([0, 75]);
    expect([a, b].find((r) => r.code === 75)?.stderr).toContain('holds the lock');
    assertWhole(out);
  });

  it('is taken over when the run that held it no longer exists', () => {
    const out = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: Number(gone.stdout.trim()), host: hostname() }));
    const run = tradebrief(['run', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('took over the lock');
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });

  it('is waited for with --wait, then given up with exit code 75', () => {
    const out = tempDir();
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = tradebrief(['run', '--out', out, '--wait', '0.5']);
    expect(run.status).toBe(75);
    expect(run.stderr).toContain(`process ${process.pid}`);
  });
});
