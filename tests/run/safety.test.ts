import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.ts';
import { acquireLock } from '../../src/core/lock.ts';
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
  it('leaves nothing at all when it is the first run', async () => {
    const out = tempDir();
    const child = startRun(out);
    const done = finished(child);
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    await done;
    expect(existsSync(join(out, 'briefing.pdf'))).toBe(false);
  });

  it('always leaves the previous complete outputs, at any moment', async () => {
    const out = tempDir();
    expect(tradebrief(['run', '--out', out]).status).toBe(0);
    const before = json<Manifest>(join(out, 'manifest.json'));
    // Kill points spread over a whole forced run (about three seconds): every stage, the switch, the archive.
    const delays = [
      40, 150, 300, 500, 700, 900, 1100, 1300, 1500, 1700, 1900, 2100, 2300, 2500, 2700, 2900, 3100, 3400,
    ];
    for (const delay of delays) {
      const child = startRun(out, ['--force']);
      const done = finished(child);
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await done;
      expect(existsSync(join(out, 'manifest.json')), `after a kill at ${delay} ms`).toBe(true);
      assertWhole(out);
      expect(json<Manifest>(join(out, 'manifest.json')).inputs).toEqual(before.inputs);
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
  it('turns a second run away with exit code 75 while the first is working', async () => {
    const out = tempDir();
    const first = startRun(out);
    const firstDone = finished(first);
    // Once the first run has finished a stage, it certainly holds the lock.
    await new Promise<void>((resolve) =>
      first.stderr?.on('data', (d: Buffer) => d.toString().includes('ingest:') && resolve()),
    );
    const second = tradebrief(['run', '--out', out]);
    expect(second.status).toBe(75);
    expect(second.stderr).toContain('holds the lock');
    expect((await firstDone).code).toBe(0);
    assertWhole(out);
  }, 300_000);

  it('is taken over by exactly one of several runs when its holder is gone', async () => {
    const out = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: Number(gone.stdout.trim()), host: hostname() }));
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        finished(
          spawn(process.execPath, [BIN, 'stage', 'ingest', '--out', out], {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'pipe'],
          }),
        ),
      ),
    );
    expect(runs.map((r) => r.code).sort()).toEqual([0, 75, 75]);
  });

  it('is taken over when the run that held it no longer exists', () => {
    const out = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: Number(gone.stdout.trim()), host: hostname() }));
    const run = tradebrief(['run', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('took over the lock');
    expect(existsSync(join(out, '.lock'))).toBe(false);
  }, 300_000);

  it('is waited for with --wait, then given up with exit code 75', () => {
    const out = tempDir();
    writeFileSync(join(out, '.lock'), JSON.stringify({ pid: process.pid, host: hostname() }));
    const run = tradebrief(['run', '--out', out, '--wait', '0.5']);
    expect(run.status).toBe(75);
    expect(run.stderr).toContain(`process ${process.pid}`);
    expect(run.stderr).toContain(`rm ${out}/.lock`);
  });

  it('is taken over from another host once its lease has lapsed, and not before', () => {
    const out = tempDir();
    const lock = join(out, '.lock');
    writeFileSync(lock, JSON.stringify({ pid: 4242, host: 'a-container-since-restarted' }));
    const fresh = tradebrief(['stage', 'ingest', '--out', out]);
    expect(fresh.status).toBe(75);
    expect(fresh.stderr).toContain('"a-container-since-restarted"');
    expect(fresh.stderr).toContain('taken over after 60 s');
    expect(fresh.stderr).toContain(`rm ${out}/.lock`);
    // A lease last renewed 61 s ago has lapsed: its holder is not working any more.
    const lapsed = new Date(Date.now() - 61_000);
    utimesSync(lock, lapsed, lapsed);
    const run = tradebrief(['stage', 'ingest', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('whose lease was not renewed');
  }, 300_000);

  it('is taken over at once when it names process 0 or -1, which are never a holder', () => {
    for (const pid of [0, -1]) {
      const out = tempDir();
      writeFileSync(join(out, '.lock'), JSON.stringify({ pid, host: 'elsewhere' }));
      const run = tradebrief(['stage', 'ingest', '--out', out]);
      expect(run.status, `pid ${pid}`).toBe(0);
      expect(run.stderr).toContain('names no valid process');
    }
  }, 300_000);

  it('is never followed or removed when a folder or link stands in its place', () => {
    const out = tempDir();
    mkdirSync(join(out, '.lock'));
    writeFileSync(join(out, '.lock', 'keep'), 'mine');
    const run = tradebrief(['stage', 'ingest', '--out', out]);
    expect(run.status).toBe(75);
    expect(run.stderr).toContain(`is not a lock file that a run wrote (it is a folder or a link)`);
    expect(run.stderr).toContain(`rm -r ${out}/.lock`);
    expect(readFileSync(join(out, '.lock', 'keep'), 'utf8')).toBe('mine');
  });

  it('is renewed every few seconds by its holder, even while the holder is busy', async () => {
    const out = tempDir();
    const release = await acquireLock(out);
    const lock = join(out, '.lock');
    const lapsed = new Date(Date.now() - 61_000);
    utimesSync(lock, lapsed, lapsed);
    // The main thread blocked for 8 s: the lease is renewed (every 5 s) from a thread of its own.
    const until = Date.now() + 8_000;
    while (Date.now() < until);
    expect(statSync(lock).mtimeMs).toBeGreaterThan(lapsed.getTime() + 50_000);
    await release();
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('is renewed by one thread for all the locks a process takes in turn, and never once let go', async () => {
    const [first, second] = [tempDir(), tempDir()];
    const releaseFirst = await acquireLock(first);
    await releaseFirst.renew();
    await releaseFirst();
    // A lock asked to be renewed only once released renews nothing.
    const third = tempDir();
    const releaseThird = await acquireLock(third, { threadOnDemand: true });
    await releaseThird();
    await releaseThird.renew();
    // Other runs' locks now stand where these were, their leases lapsed: they must stay so.
    const lapsed = new Date(Date.now() - 61_000);
    const others = [join(first, '.lock'), join(third, '.lock')];
    for (const other of others) {
      writeFileSync(other, JSON.stringify({ pid: 1, host: 'elsewhere' }));
      utimesSync(other, lapsed, lapsed);
    }
    const releaseSecond = await acquireLock(second);
    await releaseSecond.renew();
    const lock = join(second, '.lock');
    utimesSync(lock, lapsed, lapsed);
    const until = Date.now() + 8_000;
    while (Date.now() < until);
    expect(statSync(lock).mtimeMs).toBeGreaterThan(lapsed.getTime() + 50_000);
    for (const other of others) expect(statSync(other).mtimeMs, other).toBeLessThan(lapsed.getTime() + 1_000);
    await releaseSecond();
    expect(existsSync(lock)).toBe(false);
  }, 60_000);

  it('is renewed by its holder again, and the stop reported, when the renewing thread stops', () => {
    // In a process of its own: the renewing thread is made to stop, 300 ms after it starts or at once
    // (code that does not parse), as an uncaught error or a fault would stop it; started without this
    // script's --input-type=module, which would read the thread's code as a module.
    const lockModule = join(ROOT, 'src', 'core', 'lock.ts');
    for (const [stop, expected] of [
      ["setTimeout(() => { throw new Error('renewing thread stopped'); }, 300);", 'renewing thread stopped'],
      ['this is not JavaScript', 'Unexpected identifier'],
    ] as const) {
      const script = `
        import { createRequire, syncBuiltinESMExports } from 'node:module';
        import { mkdtempSync, statSync, utimesSync } from 'node:fs';
        import { tmpdir } from 'node:os';
        import { join } from 'node:path';
        const threads = createRequire(import.meta.url)('node:worker_threads');
        const Worker = threads.Worker;
        threads.Worker = class extends Worker {
          constructor(code, options) { super(code + '\\n' + ${JSON.stringify(stop)}, { ...options, execArgv: [] }); }
        };
        syncBuiltinESMExports();
        const { acquireLock } = await import(${JSON.stringify(lockModule)});
        const dir = mkdtempSync(join(tmpdir(), 'tradebrief-lease-'));
        const lock = join(dir, '.lock');
        const release = await acquireLock(dir, { threadOnDemand: true });
        const renewed = await release.renew().then(() => 'renew resolved', (e) => 'renew rejected: ' + e.message);
        await new Promise((resolve) => setTimeout(resolve, 600));
        const lapsed = new Date(Date.now() - 61_000);
        utimesSync(lock, lapsed, lapsed);
        await new Promise((resolve) => setTimeout(resolve, 5_500));
        const again = statSync(lock).mtimeMs > lapsed.getTime() + 50_000;
        const released = await release().then(() => 'released', (e) => 'release threw: ' + e.message);
        console.log(JSON.stringify({ renewed, again, released }));
      `;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(child.status, child.stderr).toBe(0);
      const said = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}');
      expect(said.again).toBe(true);
      expect(said.released).toContain('release threw: ');
      expect(said.released).toContain(expected);
    }
  }, 60_000);

  it('on demand, is renewed by the main thread while it waits, and by a thread of its own once asked', async () => {
    const out = tempDir();
    const release = await acquireLock(out, { threadOnDemand: true });
    const lock = join(out, '.lock');
    const lapse = () => {
      const lapsed = new Date(Date.now() - 61_000);
      utimesSync(lock, lapsed, lapsed);
      return lapsed.getTime();
    };
    // No thread yet: a main thread that only waits renews the lease itself (every 5 s).
    let lapsed = lapse();
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(statSync(lock).mtimeMs).toBeGreaterThan(lapsed + 50_000);
    // Asked for, the thread renews it while the main thread is blocked for 8 s.
    await release.renew();
    lapsed = lapse();
    const until = Date.now() + 8_000;
    while (Date.now() < until);
    expect(statSync(lock).mtimeMs).toBeGreaterThan(lapsed + 50_000);
    await release();
    expect(existsSync(lock)).toBe(false);
  }, 60_000);
});
