import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.ts';
import { BIN, ROOT, tempDir, tradebrief } from '../helpers.ts';
import { copyInputs } from './helpers.ts';

/** Every file a reader of --out can reach (links followed) with its hash: what "intact" compares. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(dir, prefix)).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(prefix, name);
    if (statSync(join(dir, path)).isDirectory()) Object.assign(files, snapshot(dir, path));
    else files[path] = sha256(readFileSync(join(dir, path)));
  }
  return files;
}

const BAD_ROW = 'period,reporter,partner,flow,product,value,unit\n2024,IND,RUS,export,TOTAL,lots,USD mn\n';

/** Runs the command line as process 1 of a new pid namespace, as a container's entrypoint is. */
function asProcessOne(args: string[]) {
  const result = spawnSync('unshare', ['--pid', '--fork', '--mount-proc', process.execPath, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
  });
  return { status: result.status, stderr: result.stderr };
}

const canUnshare =
  spawnSync('unshare', ['--pid', '--fork', '--mount-proc', 'sh', '-c', 'test $$ = 1'], { encoding: 'utf8' })
    .status === 0;

describe('runs as process 1 (a container entrypoint)', () => {
  it.runIf(canUnshare)(
    'keep the outputs through a failed run, and find them up to date after',
    () => {
      const inputs = copyInputs();
      const out = tempDir();
      expect(asProcessOne(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
      const before = snapshot(out);
      expect(Object.keys(before)).toContain('briefing.pdf');

      writeFileSync(join(inputs, 'bad.csv'), BAD_ROW);
      const failed = asProcessOne(['run', '--inputs', inputs, '--out', out]);
      expect(failed.status).toBe(2);
      expect(snapshot(out)).toEqual(before);

      rmSync(join(inputs, 'bad.csv'));
      const again = asProcessOne(['run', '--inputs', inputs, '--out', out]);
      expect(again.status).toBe(0);
      expect(again.stderr).toContain('up to date');
      expect(snapshot(out)).toEqual(before);
    },
    300_000,
  );
});

describe('an output folder that is not as a run left it', () => {
  let built: string;
  beforeAll(() => {
    built = tempDir();
    expect(tradebrief(['run', '--out', built]).status).toBe(0);
  }, 300_000);

  it('never follows .current out of --out/.builds', () => {
    const out = tempDir();
    spawnSync('cp', ['-a', `${built}/.`, out]);
    const elsewhere = join(tempDir(), 'precious');
    mkdirSync(join(elsewhere, 'charts'), { recursive: true });
    writeFileSync(join(elsewhere, 'briefing.pdf'), 'not ours');
    writeFileSync(join(elsewhere, 'charts', 'keep.svg'), '<svg/>');
    rmSync(join(out, '.current'));
    symlinkSync(elsewhere, join(out, '.current'));

    const run = tradebrief(['run', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('.current points outside');
    expect(readFileSync(join(elsewhere, 'briefing.pdf'), 'utf8')).toBe('not ours');
    expect(readFileSync(join(elsewhere, 'charts', 'keep.svg'), 'utf8')).toBe('<svg/>');
    expect(readlinkSync(join(out, '.current'))).toMatch(/^\.builds\/build-\d+-[0-9a-f]+$/);
    expect(snapshot(out)).toEqual(snapshot(built));
  }, 300_000);

  it('never reads, links or removes builds through a link in place of .builds', () => {
    const out = tempDir();
    spawnSync('cp', ['-a', `${built}/.`, out]);
    // The builds moved elsewhere and linked back: with something of someone else's beside them.
    const elsewhere = join(tempDir(), 'builds');
    spawnSync('mv', [join(out, '.builds'), elsewhere]);
    writeFileSync(join(elsewhere, 'precious'), 'not ours');
    symlinkSync(elsewhere, join(out, '.builds'));
    const before = readdirSync(elsewhere).sort();

    const run = tradebrief(['run', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('up to date');
    expect(readdirSync(elsewhere).sort()).toEqual(before);
    expect(readFileSync(join(elsewhere, 'precious'), 'utf8')).toBe('not ours');
    expect(lstatSync(join(out, '.builds')).isDirectory()).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(built));
  }, 300_000);

  it('runs again the stage whose file became a pipe, without opening it', () => {
    const out = tempDir();
    spawnSync('cp', ['-a', `${built}/.`, out]);
    const changes = join(out, '.current', 'changes.json');
    rmSync(changes);
    expect(spawnSync('mkfifo', [changes]).status).toBe(0);

    const run = spawnSync(process.execPath, [BIN, 'run', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('indicators: wrote');
    expect(lstatSync(join(out, 'changes.json')).isSymbolicLink()).toBe(true);
    expect(statSync(join(out, 'changes.json')).isFile()).toBe(true);
    expect(snapshot(out)).toEqual(snapshot(built));
  }, 300_000);

  it('rebuilds a folder copied with cp -rL, keeping the files the user put there', () => {
    const out = join(tempDir(), 'copy');
    expect(spawnSync('cp', ['-rL', built, out]).status).toBe(0);
    expect(lstatSync(join(out, '.current')).isDirectory()).toBe(true);
    writeFileSync(join(out, 'my-notes.txt'), 'mine');

    const run = tradebrief(['run', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('.current is not a link');
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('mine');
    expect(lstatSync(join(out, '.current')).isSymbolicLink()).toBe(true);
    const { 'my-notes.txt': _, ...outputs } = snapshot(out);
    expect(outputs).toEqual(snapshot(built));
    expect(tradebrief(['run', '--out', out]).stderr).toContain('up to date');
  }, 300_000);

  it.runIf(canUnshare)(
    'is not blamed on tradebrief when the disk is read-only or full',
    () => {
      const mount = tempDir();
      const out = join(mount, 'out');
      const notes = tempDir();
      const node = `${process.execPath} ${BIN}`;
      const hashes = `find -L ${out} -path '*/.builds' -prune -o -type f -print | sort | xargs sha256sum`;
      // A small file system of its own, in a mount namespace: first read-only, then full.
      const script = [
        `mount -t tmpfs -o size=64m tmpfs ${mount}`,
        `cp -a ${built} ${out}`,
        `${hashes} > ${notes}/before`,
        `mount -o remount,ro ${mount}`,
        `echo "== unchanged"; ${node} run --out ${out} 2>&1; echo "exit $?"`,
        `echo "== forced"; ${node} run --out ${out} --force 2>&1; echo "exit $?"`,
        `mount -o remount,rw,size=$(( $(du -sk ${mount} | cut -f1) + 200 ))k ${mount}`,
        `echo "== full"; ${node} run --out ${out} --force 2>&1; echo "exit $?"`,
        `${hashes} > ${notes}/after`,
      ].join(' && ');
      const result = spawnSync('unshare', ['--mount', 'sh', '-c', script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
      });
      const text = `${result.stdout}${result.stderr}`;
      const part = (name: string) => text.split(`== ${name}\n`)[1]?.split('== ')[0] ?? '';
      expect(part('unchanged')).toContain('up to date');
      expect(part('unchanged')).toContain('exit 0');
      expect(part('forced')).toContain('the file system is read-only');
      expect(part('forced')).toContain('The previous outputs in');
      expect(part('forced')).toContain('exit 74');
      expect(part('full')).toContain('the disk is full');
      expect(part('full')).toContain('exit 74');
      expect(text).not.toContain('fault in tradebrief,');
      const before = readFileSync(join(notes, 'before'), 'utf8');
      expect(before).toContain('briefing.pdf');
      expect(readFileSync(join(notes, 'after'), 'utf8')).toBe(before);
    },
    400_000,
  );
});
