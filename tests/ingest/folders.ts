import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { formatProblem, InputError } from '../../src/core/errors.ts';
import { type IngestOptions, ingest } from '../../src/ingest/ingest.ts';
import type { TradeRecord } from '../../src/ingest/records.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ingest');
export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh folder holding `files` (name → content), removed after the test. */
export async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tradebrief-ingest-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

/** A copy of fixture folders in one fresh folder. */
export async function folderFrom(...fixtures: string[]): Promise<string> {
  const dir = await folderWith({});
  for (const name of fixtures) await cp(fixture(name), dir, { recursive: true });
  return dir;
}

/** The problems ingest reports for `dir`, as the command line prints them; fails if it reports none. */
export async function problemsOf(dir: string, options: IngestOptions = {}): Promise<string[]> {
  try {
    await ingest(dir, options);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`ingest accepted ${dir}`);
}

/** A record's fields that matter to a reader, in a compact form for exact comparison. */
export function brief(r: TradeRecord): string {
  return [r.period, r.reporter, r.partner, r.flow, r.product, r.value, r.unit, `line ${r.line}`].join(' ');
}
