import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockedError } from './errors.ts';
import { runMessages as m } from './messages.ts';

export const LOCK_FILE = '.lock';
const POLL_MS = 200;

interface LockInfo {
  pid: number;
  host: string;
}

/**
 * One run per output folder. The lock file names its holder; a holder on this host that no longer
 * exists (a run killed with kill -9) leaves a stale lock, which the next run takes over.
 * Returns the function that releases the lock.
 */
export async function acquireLock(
  dir: string,
  options: { waitSeconds?: number; onStale?: (pid: number) => void } = {},
): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  const mine: LockInfo = { pid: process.pid, host: hostname() };
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      return async () => {
        const holder = await readLock(path);
        if (holder?.pid === mine.pid && holder.host === mine.host) await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    if (holder === undefined || isStale(holder)) {
      // Read again right before removing, so a lock just taken by another run is left alone.
      const again = await readLock(path);
      if (again === undefined || isStale(again)) {
        await unlink(path).catch(() => undefined);
        if (again) options.onStale?.(again.pid);
        continue;
      }
    }
    if (Date.now() >= deadline) throw new LockedError(m.locked(dir, holder?.pid, holder?.host));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string'
      ? { pid: info.pid, host: info.host }
      : undefined;
  } catch {
    return undefined;
  }
}

/** A holder on this host whose process is gone. Holders on other hosts are never presumed dead. */
function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
