import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInChildProcess, startChildProcess } from '../../src/core/childProcess.ts';
import { ExitCode, exitCodeFor, InputError, KilledError, systemFault } from '../../src/core/errors.ts';
import { tempDir } from '../helpers.ts';

const TASK = 'the test task';
const ask = <T>(data: Record<string, unknown>) =>
  runInChildProcess<T>(import.meta.url, 'fixtures/childTask', data, TASK);

describe('runInChildProcess', () => {
  it('hands the data to another process and brings its answer back', async () => {
    const answer = await ask<{ sum: number; pid: number }>({ do: 'sum', values: [1.5, 2, 39] });
    expect(answer.sum).toBe(42.5);
    expect(answer.pid).not.toBe(process.pid);
  }, 30_000);

  it('brings an error of the inputs back as one, with its problems and summary', async () => {
    const error = await ask({ do: 'input-error' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(exitCodeFor(error)).toBe(ExitCode.input);
    expect((error as InputError).problems).toEqual([
      {
        file: 'BACI_HS17_Y2022_V202401.csv',
        line: 5,
        column: 'v',
        message: 'expected a number, found "1x2"',
      },
    ]);
    expect((error as InputError).summary).toBe('read 3 rows');
    expect((error as Error).message).toBe(
      'BACI_HS17_Y2022_V202401.csv, line 5, column "v": expected a number, found "1x2"',
    );
  }, 30_000);

  it("brings a refusal of the system back with its code and path, so it is not called tradebrief's fault", async () => {
    const error = await ask({ do: 'disk-full', path: '/out/.batch/x.json' }).catch((e: unknown) => e);
    expect(systemFault(error)).toEqual({ code: 'ENOSPC', path: '/out/.batch/x.json' });
    expect(exitCodeFor(error)).toBe(ExitCode.disk);
  }, 30_000);

  it('says how a process that stops without answering stopped, and whether it was stopped from outside', async () => {
    const exited = await ask({ do: 'exit', code: 3 }).catch((e: unknown) => e);
    expect((exited as Error).message).toBe('the test task stopped before it finished (exit code 3)');
    expect(exitCodeFor(exited)).toBe(ExitCode.internal);
    // Killed as the system's out-of-memory killer does: the shell's code for SIGKILL, 128 + 9.
    const killed = await ask({ do: 'kill', signal: 'SIGKILL' }).catch((e: unknown) => e);
    expect(killed).toBeInstanceOf(KilledError);
    expect((killed as Error).message).toBe(
      'the test task was stopped from outside by SIGKILL, which often means the system ran out of memory; the previous outputs are intact',
    );
    expect(exitCodeFor(killed)).toBe(137);
    const terminated = await ask({ do: 'kill', signal: 'SIGTERM' }).catch((e: unknown) => e);
    expect(exitCodeFor(terminated)).toBe(128 + 15);
    // A process that aborts has failed by itself: that is a fault, not a stop from outside.
    const aborted = await ask({ do: 'kill', signal: 'SIGABRT' }).catch((e: unknown) => e);
    expect((aborted as Error).message).toBe('the test task stopped before it finished (signal SIGABRT)');
    expect(exitCodeFor(aborted)).toBe(ExitCode.internal);
  }, 30_000);

  it('brings back an error thrown outside the task, as an error of the same name', async () => {
    const error = await ask({ do: 'throw-later' }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TypeError');
    expect((error as Error).message).toBe('thrown outside the task');
    expect(exitCodeFor(error)).toBe(ExitCode.internal);
  }, 30_000);

  it('ends the child when its parent goes away, so no orphan keeps the memory of a read', async () => {
    const pidFile = join(tempDir(), 'child.pid');
    const parent = spawn(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        join(import.meta.dirname, 'fixtures', 'childParent.ts'),
        pidFile,
      ],
      { stdio: 'ignore' },
    );
    // A process that ended but was not reaped yet (its new parent may not reap) counts as ended.
    const alive = (pid: number) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
      } catch {
        return false;
      }
    };
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 20_000; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return done();
    };
    expect(await until(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8') !== '')).toBe(true);
    const child = Number(readFileSync(pidFile, 'utf8'));
    try {
      expect(alive(child)).toBe(true);
      parent.kill('SIGKILL');
      expect(await until(() => !alive(child))).toBe(true);
    } finally {
      if (alive(child)) process.kill(child, 'SIGKILL');
    }
  }, 60_000);

  it('starts a process ahead of its work, which it answers when run, asked before it has started or after', async () => {
    const early = startChildProcess<{ sum: number }>(import.meta.url, 'fixtures/childTask', TASK);
    expect((await early.run({ do: 'sum', values: [1, 2] })).sum).toBe(3);
    const late = startChildProcess<{ sum: number }>(import.meta.url, 'fixtures/childTask', TASK);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await late.run({ do: 'sum', values: [40, 2] })).sum).toBe(42);
  }, 30_000);

  it('lets the parent end when a process started ahead is stopped unasked, at once or once it has loaded', () => {
    for (const after of ['0', '1500']) {
      const parent = spawnSync(
        process.execPath,
        [
          '--import',
          import.meta.resolve('tsx'),
          join(import.meta.dirname, 'fixtures', 'childUnasked.ts'),
          after,
        ],
        { encoding: 'utf8', timeout: 20_000 },
      );
      expect(parent.error).toBeUndefined();
      expect(parent.stderr).toBe('');
      expect(parent.stdout).toBe('stopped\n');
      expect(parent.status).toBe(0);
    }
  }, 60_000);
});
