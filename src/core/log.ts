import type { Writable } from 'node:stream';
import { escapeControls } from './text.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFormat = 'human' | 'json';
export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface LogFields {
  stage?: string;
  durationMs?: number;
  [key: string]: unknown;
}

export interface Logger {
  log(level: LogLevel, event: string, message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const THRESHOLD: Record<Verbosity, number> = { verbose: 0, normal: 1, quiet: 2 };

/** Logs go to stderr so stdout stays free for data; JSON lines are for schedulers. */
export function createLogger(options: {
  format?: LogFormat;
  verbosity?: Verbosity;
  stream?: Writable;
}): Logger {
  const format = options.format ?? 'human';
  const threshold = THRESHOLD[options.verbosity ?? 'normal'];
  const stream = options.stream ?? process.stderr;
  return {
    log(level, event, message, fields = {}) {
      if (RANK[level] < threshold) return;
      if (format === 'json') {
        stream.write(`${JSON.stringify({ level, event, message, ...fields })}\n`);
        return;
      }
      const prefix = level === 'warn' ? 'warning: ' : level === 'error' ? 'error: ' : '';
      const stage = fields.stage ? `[${fields.stage}] ` : '';
      const took = fields.durationMs === undefined ? '' : ` (${formatDuration(fields.durationMs)})`;
      // One event, one line: whatever text a message carries from outside, it cannot start another.
      stream.write(`${stage}${prefix}${escapeControls(message)}${took}\n`);
      if (typeof fields.stack === 'string') stream.write(`${fields.stack}\n`);
    },
  };
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
