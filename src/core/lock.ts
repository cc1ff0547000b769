import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { link, lstat, readFile, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TEMP_MARK } from './atomic.ts';
import { LockedError } from './errors.ts';
import { runMessages as m } from './messages.ts';
import { shownPath } from './paths.ts';

export const LOCK_FILE = '.lock';
/** Held only while a stale lock is being removed, so two runs never both take one over. */
const TAKEOVER_FILE = '.lock.takeover';
const POLL_MS = 200;
/** The holder renews its lease (the lock file's modification time) this often... */
const RENEW_MS = 5_000;
/** ...and a lease not renewed for this long is stale, whatever host or process the lock names. */
export const LEASE_SECONDS = 60;

interface LockInfo {
  pid: number;
  host: string;
  /** When the process started (Linux clock ticks since boot): a reused pid has another start. */
  started?: string;
  /** Tells this holder from any other: in containers every run is process 1. */
  token?: string;
}

interface Holder {
  info: LockInfo | undefined;
  /** Seconds since the lease was last renewed. */
  age: number;
}

/** Why a lock is stale, as the takeover warning says it; undefined while its holder may be working. */
export type StaleReason = 'gone' | 'expired' | 'malformed';

/**
 * Releases the lock. `renew` starts the thread that renews the lease, once, and settles when it runs
 * (rejects if it cannot start): called before work that keeps the main thread busy.
 */
export type Release = (() => Promise<void>) & { renew: () => Promise<void> };

/** Whether a run's lock is on `dir`, live or stale. */
export async function lockPresent(dir: string): Promise<boolean> {
  return (await lstat(join(dir, LOCK_FILE)).catch(() => undefined)) !== undefined;
}

/**
 * One run per output folder. The lock file names its holder and is a lease: the holder renews it every
 * few seconds from a thread of its own, so a lock whose holder died anywhere (another host, a restarted
 * container with a new name) goes stale after LEASE_SECONDS and is taken over. A holder on this host
 * that no longer exists is seen at once. Returns the function that releases the lock.
 *
 * `threadOnDemand`: the thread starts only when `renew` is called; until then the main thread renews
 * the lease between its other work, so a run that finds nothing to do never starts a thread.
 */
export async function acquireLock(
  dir: string,
  options: {
    waitSeconds?: number;
    onStale?: (holder: LockInfo | undefined, reason: StaleReason) => void;
    threadOnDemand?: boolean;
  } = {},
): Promise<Release> {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + (options.waitSeconds ?? 0) * 1000;
  const mine = { ...describe(process.pid), token: randomUUID() };
  for (;;) {
    if (await createExclusive(path, mine)) {
      const release = holding(path, mine.token);
      if (!options.threadOnDemand) void release.renew().catch(() => undefined);
      return release;
    }
    const holder = await readHolder(path);
    if (holder === undefined) continue;
    const reason = staleness(holder);
    if (reason) {
      if (await takeOver(dir, path)) options.onStale?.(holder.info, reason);
      continue;
    }
    if (Date.now() >= deadline)
      throw new LockedError(
        m.locked(shownPath(dir), path, holder.info?.pid, holder.info?.host, holder.age, LEASE_SECONDS),
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The lock at `path`, held by the run whose token is `token`. */
function holding(path: string, token: string): Release {
  let renewing: Promise<void> | undefined;
  let renewer: LeaseThread | undefined;
  let failed: { error: unknown } | undefined;
  let released = false;
  const touchEvery = () =>
    setInterval(() => {
      const now = new Date();
      utimes(path, now, now).catch(() => undefined);
    }, RENEW_MS).unref();
  let touch = touchEvery();
  // The thread stopped while renewing this lease: this thread renews it again, and release reports it.
  const lost = (error: unknown) => {
    failed ??= { error };
    clearInterval(touch);
    if (!released) touch = touchEvery();
  };
  const renew = (): Promise<void> => {
    if (released) return Promise.resolve();
    renewer ??= leaseThread();
    renewing ??= renewer.add(path, lost).then(
      () => clearInterval(touch),
      (error: unknown) => {
        failed ??= { error };
        throw error;
      },
    );
    return renewing;
  };
  const release = async () => {
    released = true;
    clearInterval(touch);
    if (renewer) {
      // After the thread took the lock on, so that it lets go of it for good; then nothing touches it.
      await renewing?.catch(() => undefined);
      await renewer.remove(path);
    }
    const holder = await readHolder(path);
    if (holder?.info?.token === token) await unlink(path).catch(() => undefined);
    if (failed) throw failed.error;
  };
  return Object.assign(release, { renew });
}

/** The thread renewing the leases of the locks this thread holds, and how it is asked. */
interface LeaseThread {
  /**
   * Settles once the thread runs and renews `path`; rejects if it stops first. `lost` is called if it
   * stops later, while `path` is still to be renewed.
   */
  add(path: string, lost: (error: unknown) => void): Promise<void>;
  /** Settles once the thread no longer renews `path`. */
  remove(path: string): Promise<void>;
}

let leases: LeaseThread | undefined;

/**
 * One thread renews the leases of every lock this thread holds, started for the first and kept: the
 * threads of a batch each build one partner after another, and starting a thread for each partner's
 * lock cost about 50 ms of CPU each time. It touches each lock every RENEW_MS, so a stage that keeps
 * this thread busy cannot let a lease lapse. Unreferenced while nothing waits on it, it never keeps
 * the process alive.
 */
function leaseThread(): LeaseThread {
  if (leases) return leases;
  const worker = new Worker(
    `const { utimesSync } = require('node:fs');
     const { parentPort, workerData } = require('node:worker_threads');
     const paths = new Set();
     setInterval(() => {
       const now = new Date();
       for (const path of paths) try { utimesSync(path, now, now); } catch {}
     }, workerData.every);
     parentPort.on('message', ({ add, remove, id }) => {
       if (add !== undefined) paths.add(add);
       if (remove !== undefined) paths.delete(remove);
       parentPort.postMessage(id);
     });`,
    { eval: true, workerData: { every: RENEW_MS } },
  );
  let next = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: unknown) => void }>();
  /** The paths renewed, and whom to tell if the thread stops. */
  const held = new Map<string, (error: unknown) => void>();
  let stopped: { error: unknown } | undefined;
  // Referenced while an answer is awaited, so that the caller's event loop waits for it too.
  const ask = (message: { add?: string; remove?: string }) =>
    new Promise<void>((resolve, reject) => {
      if (stopped) return reject(stopped.error);
      const id = next++;
      waiting.set(id, { resolve, reject });
      if (waiting.size === 1) worker.ref();
      worker.postMessage({ ...message, id });
    });
  worker.on('message', (id: number) => {
    waiting.get(id)?.resolve();
    waiting.delete(id);
    if (waiting.size === 0) worker.unref();
  });
  const online = once(worker, 'online');
  const gone = (error: unknown) => {
    stopped ??= { error };
    if (leases === thread) leases = undefined;
    for (const { reject } of waiting.values()) reject(stopped.error);
    waiting.clear();
    for (const lost of held.values()) lost(stopped.error);
    held.clear();
  };
  worker.on('error', gone);
  worker.on('exit', (code) => gone(new Error(m.leaseThreadStopped(code))));
  const thread: LeaseThread = {
    add: async (path, lost) => {
      // Told from now on if the thread stops: before its answer, the answer is refused too.
      held.set(path, lost);
      // Posted at once: the thread takes the lock on as it starts, even if this thread is busy by then.
      const added = ask({ add: path });
      added.catch(() => undefined);
      try {
        await online;
        await added;
      } catch (error) {
        held.delete(path);
        throw error;
      }
    },
    remove: (path) => {
      held.delete(path);
      return stopped ? Promise.resolve() : ask({ remove: path }).catch(() => undefined);
    },
  };
  leases = thread;
  return thread;
}

/** Removes a stale lock under the takeover file; true if this run removed it. */
async function takeOver(dir: string, path: string): Promise<boolean> {
  const takeover = join(dir, TAKEOVER_FILE);
  if (!(await createExclusive(takeover, describe(process.pid)))) {
    // Someone else is taking over; if that run died mid-way, its takeover file is stale in turn.
    const other = await readHolder(takeover);
    if (other && staleness(other)) await unlink(takeover).catch(() => undefined);
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
    return false;
  }
  try {
    const holder = await readHolder(path);
    if (holder === undefined || !staleness(holder)) return false;
    await unlink(path).catch(() => undefined);
    return true;
  } finally {
    await unlink(takeover).catch(() => undefined);
  }
}

/**
 * Creates `path` with its content in one step: written under a temporary name, then hard-linked, which
 * fails if `path` exists. A reader never sees a lock file without its holder.
 */
async function createExclusive(path: string, info: LockInfo): Promise<boolean> {
  const temp = `${path}${TEMP_MARK}${info.token ?? randomUUID()}`;
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

/** The lock's holder and the age of its lease; undefined when there is no lock (any more). */
async function readHolder(path: string): Promise<Holder | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats) return undefined;
  // A folder or link in the lock's place is no lock a run wrote: never followed, never removed.
  if (!stats.isFile()) throw new LockedError(m.lockNotAFile(shownPath(path), path));
  // Gone since: no holder. Unreadable: no holder named, so stale like any malformed lock.
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? undefined : '',
  );
  if (text === undefined) return undefined;
  return { info: parseLock(text), age: (Date.now() - stats.mtimeMs) / 1000 };
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const info = JSON.parse(text) as Partial<LockInfo>;
    // Process ids 0 and below name a process group or every process, never a holder.
    if (!Number.isSafeInteger(info.pid) || (info.pid as number) <= 0 || typeof info.host !== 'string')
      return undefined;
    return {
      pid: info.pid as number,
      host: info.host,
      ...(typeof info.started === 'string' ? { started: info.started } : {}),
      ...(typeof info.token === 'string' ? { token: info.token } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A lock naming no valid holder, a holder on this host that is gone, or a lease left to lapse. */
function staleness({ info, age }: Holder): StaleReason | undefined {
  if (!info) return 'malformed';
  if (info.host === hostname() && !alive(info)) return 'gone';
  return age > LEASE_SECONDS ? 'expired' : undefined;
}

/** The process exists and is the one that wrote the lock, not a later one given the same pid. */
function alive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
  return info.started === undefined || startTime(info.pid) === info.started;
}
