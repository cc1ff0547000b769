import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from '../helpers.ts';

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('a run’s files on disk', () => {
  it('are all flushed before the build becomes current', () => {
    const work = tempDir();
    const out = join(work, 'out');
    const trace = join(work, 'trace.txt');
    // strace -y names each descriptor's file; -f follows the worker threads and the thread pool.
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-y',
        '-qq',
        '-e',
        'trace=fsync,fdatasync,rename',
        '-o',
        trace,
        process.execPath,
        BIN,
        'run',
        '--out',
        out,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (run.error) throw new Error('strace is needed by this test: apt-get install -y strace');
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(trace, 'utf8').split('\n');
    const flushedAt = new Map<string, number>();
    for (const [i, line] of lines.entries()) {
      const path = /\b(?:fsync|fdatasync)\(\d+<([^>]+)>/.exec(line)?.[1];
      if (path && !flushedAt.has(path)) flushedAt.set(path, i);
    }
    const current = join(realpathSync(out), '.current');
    const switchedAt = lines.findIndex((line) => /\brename\(/.test(line) && line.includes(`, "${current}")`));
    expect(switchedAt).toBeGreaterThan(0);
    const build = realpathSync(join(out, '.current'));
    const files = filesUnder(build);
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      // A file is flushed under its own name, or under the temporary name it was written to.
      const temp = join(dirname(file), `.${basename(file)}.tmp-`);
      const at = [...flushedAt].find(([path]) => path === file || path.startsWith(temp))?.[1];
      expect(at, file).toBeDefined();
      expect(at as number, file).toBeLessThan(switchedAt);
    }
  });
});
