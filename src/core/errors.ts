import { constants } from 'node:os';
import { resolve } from 'node:path';
import { cliMessages as m } from './messages.ts';
import { shownPath } from './paths.ts';
import { escapeControls } from './text.ts';

/** Where in the inputs a problem is: file as the user named it, 1-based line, column name or number. */
export interface Location {
  file: string;
  line?: number;
  column?: string;
  /** A config key path such as "scenarios.0.sectors". */
  key?: string;
  /** The command-line option that gave the value, such as "--partner". */
  option?: string;
}

export interface Problem extends Location {
  message: string;
}

/** The inputs or the config are wrong: exit 2, no stack trace. Carries every problem found. */
export class InputError extends Error {
  readonly problems: Problem[];
  /** What could be read despite the problems, for `validate` to show beside them. */
  readonly summary: string | undefined;
  constructor(problems: Problem[], summary?: string) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
    this.summary = summary;
  }
}

/**
 * A process of tradebrief's own was stopped by a signal from outside it: SIGKILL (often the system out
 * of memory), SIGTERM, SIGINT. The exit code is the shell's for a process killed by that signal.
 */
export class KilledError extends Error {
  readonly signal: NodeJS.Signals;
  constructor(message: string, signal: NodeJS.Signals) {
    super(message);
    this.name = 'KilledError';
    this.signal = signal;
  }
}

/** Another run holds the lock on the output folder. */
export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockedError';
  }
}

/** A remote service failed in a way that may pass (rate limit, quota, outage): try again later. */
export class TemporaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemporaryError';
  }
}

/**
 * The system refused a read or a write: a full disk, a read-only file system, a permission, a broken
 * disk. Neither the inputs nor tradebrief are at fault, and the message says so.
 */
export class DiskError extends Error {
  readonly code: SystemFaultCode;
  readonly path: string | undefined;
  constructor(message: string, code: SystemFaultCode, path?: string) {
    super(message);
    this.name = 'DiskError';
    this.code = code;
    this.path = path;
  }
}

/** Error codes of the system, not of tradebrief: what DiskError and the exit code 74 stand for. */
export const SYSTEM_FAULTS = [
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EACCES',
  'EPERM',
  'EIO',
  'EMFILE',
  'ENFILE',
] as const;
export type SystemFaultCode = (typeof SYSTEM_FAULTS)[number];

/** The system's code and the path it names, when `error` is a refusal of the system. */
export function systemFault(error: unknown): { code: SystemFaultCode; path?: string } | undefined {
  if (error instanceof DiskError) return { code: error.code, ...(error.path ? { path: error.path } : {}) };
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!SYSTEM_FAULTS.includes(code as SystemFaultCode)) return undefined;
  return { code: code as SystemFaultCode, ...(typeof path === 'string' ? { path } : {}) };
}

/**
 * A refusal of the system as the user reads it: what happened, where, what to do, and that the
 * previous outputs in `out` are intact (runs switch outputs whole, so a refused run changed nothing).
 */
export function asDiskError(
  error: unknown,
  where: { path?: string; out?: string } = {},
): DiskError | undefined {
  if (error instanceof DiskError) return error;
  const fault = systemFault(error);
  if (!fault) return undefined;
  // A file deep in a build (a temp name) means nothing to the user: the output folder does.
  const inOut = where.out !== undefined && fault.path?.startsWith(resolve(where.out));
  const path = where.path ?? (inOut ? where.out : fault.path);
  const shown = (p: string | undefined) => (p === undefined ? undefined : shownPath(resolve(p)));
  return new DiskError(m.systemRefused(fault.code, shown(path), shown(where.out)), fault.code, path);
}

/** The folder can be read but not changed: a run that has nothing to change may still succeed. */
export function isReadOnlyFault(error: unknown): boolean {
  const code = systemFault(error)?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/** Exit codes are part of the command-line contract (README lists them). */
export const ExitCode = {
  ok: 0,
  internal: 1,
  input: 2,
  /** EX_UNAVAILABLE from sysexits.h: an e-mail delivery failed; the next publish tries it again. */
  undelivered: 69,
  /** EX_IOERR from sysexits.h: the system refused a read or write (full disk, read-only, permission). */
  disk: 74,
  /** EX_TEMPFAIL from sysexits.h: try again later. */
  locked: 75,
  /** The same code for a remote service's passing failure (sysexits.h: "try again later"). */
  temporary: 75,
  /** Added to a signal's number when a process of tradebrief's own was killed by it, as a shell does. */
  signalled: 128,
} as const;

export function formatProblem(p: Problem): string {
  const where = [
    escapeControls(p.file),
    p.line === undefined ? undefined : `line ${p.line}`,
    p.column && (/^\d+$/.test(p.column) ? `column ${p.column}` : `column "${escapeControls(p.column)}"`),
    p.key && `key "${escapeControls(p.key)}"`,
    p.option && `option ${p.option}`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return ExitCode.input;
  if (error instanceof LockedError) return ExitCode.locked;
  if (error instanceof TemporaryError) return ExitCode.temporary;
  if (error instanceof KilledError) return ExitCode.signalled + (constants.signals[error.signal] ?? 0);
  if (systemFault(error)) return ExitCode.disk;
  return ExitCode.internal;
}
