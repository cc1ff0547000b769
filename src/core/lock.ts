import { readFileSync } from 'node:fs';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { TEMP_MARK } from './atomic.ts';
import { LockedError } from './errors.ts';
import { runMessages as m } from './messages.ts';

export const LOCK_FILE = '.lock';
/** Held only while a stale lock is being removed, so two runs never both take one over. */
const TAKEOVER_FILE = '.lock.takeover';
const POLL_MS = 200;

interface LockInfo {
  pid: number;
  host: string;
  /** When the process started (Linux clock ticks since boot): a reused pid has another start. */
  started?: string;
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
  const mine = describe(process.pid);
  for (;;) {
    if (await createExclusive(path, mine)) {
      return async () => {
        const holder = await readLock(path);
        if (holder?.pid === mine.pid && holder.host === mine.host) await unlink(path).catch(() => undefined);
      };
    }
    const holder = await readLock(path);
    if (holder === undefined || isStale(holder)) {
      const stale = await takeOver(dir, path);
      if (stale) options.onStale?.(stale.pid);
      continue;
    }
    if (Date.now() >= deadline) throw new LockedError(m.locked(dir, holder.pid, holder.host));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Removes a stale lock under the takeover file; the stale holder if removed, else undefined. */
async function takeOver(dir: string, path: string): Promise<LockInfo | undefined> {
  const takeover = join(dir, TAKEOVER_FILE);
  if (!(await createExclusive(takeover, describe(process.pid)))) {
    // Someone else is taking over; if that run died mid-way, its takeover file is stale in turn.
    const other = await readLock(takeover);
    if (other === undefined || isStale(other)) await unlink(takeover).catch(() => undefined);
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
    return undefined;
  }
  try {
    const holder = await readLock(path);
    if (holder !== undefined && !isStale(holder)) return undefined;
    await unlink(path).catch(() => undefined);
    return holder;
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

/**
 * Creates `path` with its content in one step: written under a temporary name, then hard-linked, which
 * fails if `path` exists. A reader never sees a lock file without its holder.
 */
async function createExclusive(path: string, info: LockInfo): Promise<boolean> {
  const temp = `${path}${TEMP_MARK}${process.pid}`;
  await writeFile(temp, JSON.stringify(info));
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function describe(pid: number): LockInfo {
  const started = startTime(pid);
  return { pid, host: hostname(), ...(started ? { started } : {}) };
}

/** Field 22 of /proc/<pid>/stat; undefined where /proc doesn't exist. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

async function readLock(path: string): Promise<LockInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid !== 'number' || typeof info.host !== 'string') return undefined;
    return {
      pid: info.pid,
      host: info.host,
      ...(typeof info.started === 'string' ? { started: info.started } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A holder on this host whose process is gone, or whose pid now belongs to a later process. */
function isStale(holder: LockInfo): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
  return holder.started !== undefined && startTime(holder.pid) !== holder.started;
}
