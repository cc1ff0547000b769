import { fork, type Serializable } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError, KilledError, type Problem } from './errors.ts';
import { cliMessages as m } from './messages.ts';

/**
 * Work done in a process of its own, for the memory it gives back: at its exit the system takes back all
 * the process held, where a thread (or the main thread) keeps what the allocator holds on to after a
 * large read. An error of the inputs comes back as one, with its problems; an error of the system with
 * its code, path and call (so it is reported as the system's); any other as an error of the same name
 * and message.
 */

/** An error as it crosses to the parent: what `exitCodeFor` and the report read of it survives. */
type SentError =
  | { kind: 'input'; problems: Problem[]; summary?: string }
  | {
      kind: 'other';
      name: string;
      message: string;
      stack?: string;
      code?: string;
      path?: string;
      syscall?: string;
    };

/** Signals a process sends itself when it fails (a fault, an abort): not a stop from outside. */
const CRASHES = new Set<NodeJS.Signals>(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT', 'SIGTRAP']);

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SentError };

/** A child process started ahead of its work: it loads its code while the parent gets the work ready. */
export interface ChildProcess<T> {
  /** Hands the process `data` and settles with what its handler returned or threw; call once. */
  run(data: Serializable): Promise<T>;
  /** Ends a process that is not to be asked after all. */
  stop(): void;
}

/**
 * Starts the module `name` beside the caller (`callerUrl`, its import.meta.url) in a child process, to
 * be handed its work by `run`. From the bundle the module is plain JavaScript in dist/; from the
 * sources it needs tsx registered first. `task` names the work for the message when the process stops
 * without an answer. A process neither run nor stopped waits, and keeps its parent running.
 */
export function startChildProcess<T>(callerUrl: string, name: string, task: string): ChildProcess<T> {
  const fromSources = callerUrl.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./${name}${fromSources ? '.ts' : '.js'}`, callerUrl));
  if (!existsSync(entry)) {
    const missing = new Error(m.childEntryMissing(entry));
    return { run: () => Promise.reject(missing), stop: () => undefined };
  }
  // Node's flags go along (a larger heap, a preloaded module), but not the debugger's port.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith('--inspect'));
  if (fromSources) execArgv.push('--import', import.meta.resolve('tsx'));
  const child = fork(entry, [], { execArgv, serialization: 'advanced' });
  const answer = new Promise<T>((resolvePromise, reject) => {
    let outcome: Outcome<T> | undefined;
    child.on('message', (message) => {
      outcome = message as Outcome<T>;
    });
    child.on('error', reject);
    // 'close', not 'exit': it comes after the last message has arrived.
    child.on('close', (code, signal) => {
      if (outcome?.ok) resolvePromise(outcome.value);
      else if (outcome) reject(received(outcome.error));
      else if (signal && !CRASHES.has(signal)) reject(new KilledError(m.childKilled(task, signal), signal));
      else reject(new Error(m.childStopped(task, code, signal)));
    });
  });
  // Settled for the caller of `run`; a process stopped before it was asked ends here.
  answer.catch(() => undefined);
  // Once started: a fork the system refuses (too many processes or files) comes as 'error' instead.
  const spawned = new Promise<void>((resolvePromise) => child.once('spawn', resolvePromise));
  return {
    run: (data) => {
      void spawned.then(() => child.send(data));
      return answer;
    },
    stop: () => {
      child.kill();
    },
  };
}

/** Runs the module `name` in a child process started for it (see startChildProcess), handed `data`. */
export function runInChildProcess<T>(
  callerUrl: string,
  name: string,
  data: Serializable,
  task: string,
): Promise<T> {
  return startChildProcess<T>(callerUrl, name, task).run(data);
}

/**
 * The child's side: runs `work` on the data the parent sends, sends back its result or its error, and
 * exits. An error thrown outside `work` is sent back too, never printed as a stack trace; a parent that
 * goes away takes the child with it.
 */
export function serveInChildProcess<D, T>(work: (data: D) => Promise<T>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveInChildProcess runs only in a process started by runInChildProcess');
  let finished = false;
  const finish = (outcome: Outcome<T>) => {
    if (finished) return;
    finished = true;
    send(outcome, undefined, undefined, () => process.exit(0));
  };
  const fail = (error: unknown) => finish({ ok: false, error: sent(error) });
  process.on('uncaughtException', fail);
  process.once('disconnect', () => process.exit(1));
  process.once('message', (data) => {
    work(data as D).then((value) => finish({ ok: true, value }), fail);
  });
}

function sent(error: unknown): SentError {
  if (error instanceof InputError)
    return { kind: 'input', problems: error.problems, ...(error.summary ? { summary: error.summary } : {}) };
  if (!(error instanceof Error)) return { kind: 'other', name: 'Error', message: String(error) };
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  return {
    kind: 'other',
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof syscall === 'string' ? { syscall } : {}),
  };
}

function received(error: SentError): Error {
  if (error.kind === 'input') return new InputError(error.problems, error.summary);
  const copy: NodeJS.ErrnoException = new Error(error.message);
  copy.name = error.name;
  if (error.stack) copy.stack = error.stack;
  if (error.code) copy.code = error.code;
  if (error.path) copy.path = error.path;
  if (error.syscall) copy.syscall = error.syscall;
  return copy;
}
