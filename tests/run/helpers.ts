import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from '../helpers.ts';

/** A private copy of the default inputs, to edit without touching the project's. */
export function copyInputs(): string {
  const dir = join(tempDir(), 'inputs');
  cpSync(join(ROOT, 'inputs'), dir, { recursive: true });
  return dir;
}

/** The stages a run executed, from its JSON log lines. */
export function stagesRan(stderr: string): string[] {
  return stderr
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; stage?: string })
    .filter((e) => e.event === 'stage-done')
    .map((e) => e.stage ?? '');
}

export function json<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
