/** Where in the inputs a problem is: file as the user named it, 1-based line, column name or number. */
export interface Location {
  file: string;
  line?: number;
  column?: string;
  /** A config key path such as "scenarios.0.sectors". */
  key?: string;
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

/** Exit codes are part of the command-line contract (README lists them). */
export const ExitCode = {
  ok: 0,
  internal: 1,
  input: 2,
  /** EX_UNAVAILABLE from sysexits.h: an e-mail delivery failed; the next publish tries it again. */
  undelivered: 69,
  /** EX_TEMPFAIL from sysexits.h: try again later. */
  locked: 75,
  /** The same code for a remote service's passing failure (sysexits.h: "try again later"). */
  temporary: 75,
} as const;

export function formatProblem(p: Problem): string {
  const where = [
    p.file,
    p.line === undefined ? undefined : `line ${p.line}`,
    p.column && (/^\d+$/.test(p.column) ? `column ${p.column}` : `column "${p.column}"`),
    p.key && `key "${p.key}"`,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof InputError) return ExitCode.input;
  if (error instanceof LockedError) return ExitCode.locked;
  if (error instanceof TemporaryError) return ExitCode.temporary;
  return ExitCode.internal;
}
