import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runIfUpToDate } from '../../src/cli/light.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

const INPUTS = join(ROOT, 'inputs');
const WHOLE = 'the whole command line started';
const LIGHT = 'the light start was loaded';

/** Every entry under `dir` with what would show a change: kind, size, inode, modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((name) => {
      const stats = lstatSync(join(dir, name));
      return `${name} ${stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'dir' : 'file'} ${stats.size} ${stats.ino} ${stats.mtimeMs}`;
    });
}

/** `runIfUpToDate` in this process, with what it wrote. */
async function light(args: string[]): Promise<{ code: number | undefined; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const text = (stream: PassThrough) => {
    let all = '';
    stream.on('data', (chunk: Buffer) => {
      all += chunk.toString('utf8');
    });
    return () => all;
  };
  const [out, err] = [text(stdout), text(stderr)];
  const code = await runIfUpToDate(args, { stdout, stderr, env: { ...process.env, TZ: 'UTC' } });
  return { code, stdout: out(), stderr: err() };
}

describe('the light start of run', () => {
  const out = tempDir();
  beforeAll(() => {
    expect(tradebrief(['run', '--inputs', INPUTS, '--out', out, '-q']).status).toBe(0);
  }, 120_000);

  it('finishes a run with nothing to do, as the whole command line would', async () => {
    const before = snapshot(out);
    const done = await light(['run', '--inputs', INPUTS, '--out', out]);
    expect(done).toEqual({
      code: 0,
      stdout: '',
      stderr: `up to date: nothing changed since the last run, ${relative(process.cwd(), out)} is as it was\n`,
    });
    expect(snapshot(out)).toEqual(before);
    const json = await light(['run', '--inputs', INPUTS, '--out', out, '--log-format', 'json', '-v']);
    const events = json.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; stage?: string });
    expect(events.map((e) => [e.event, e.stage])).toEqual([
      ['stage-skipped', 'ingest'],
      ['stage-skipped', 'normalise'],
      ['stage-skipped', 'indicators'],
      ['stage-skipped', 'charts'],
      ['stage-skipped', 'briefing'],
      ['up-to-date', undefined],
    ]);
  });

  it('stops where a stage would run, having changed nothing, and leaves the rest to the whole command line', async () => {
    const config = join(tempDir(), 'tradebrief.config.json');
    const text = JSON.parse(readFileSync(join(INPUTS, 'tradebrief.config.json'), 'utf8')) as {
      title: string;
    };
    writeFileSync(config, JSON.stringify({ ...text, title: `${text.title}, revised` }));
    // Another run's lock, live or stale, is left to the whole command line, which waits or takes it over.
    writeFileSync(join(out, '.lock'), '{}');
    const locked = snapshot(out);
    expect(await light(['run', '--inputs', INPUTS, '--out', out])).toEqual({
      code: undefined,
      stdout: '',
      stderr: '',
    });
    expect(snapshot(out)).toEqual(locked);
    rmSync(join(out, '.lock'));
    // A first run too: the folder is not even made.
    const first = join(tempDir(), 'first');
    expect(await light(['run', '--inputs', INPUTS, '--out', first])).toEqual({
      code: undefined,
      stdout: '',
      stderr: '',
    });
    expect(existsSync(first)).toBe(false);
    const before = snapshot(out);
    for (const args of [
      ['run', '--inputs', INPUTS, '--out', out, '--config', config],
      // What it warned of before the stop (another pair than the config's), the whole command line says.
      ['run', '--inputs', INPUTS, '--out', out, '--partner', 'CHN'],
      ['run', '--inputs', INPUTS, '--out', out, '--png'],
      ['run', '--inputs', INPUTS, '--out', out, '--force'],
      ['run', '--inputs', INPUTS, '--out', out, '--publish'],
      ['validate', '--inputs', INPUTS],
      ['batch', '--inputs', INPUTS],
      ['--version'],
    ])
      expect(await light(args), args.join(' ')).toEqual({ code: undefined, stdout: '', stderr: '' });
    expect(snapshot(out)).toEqual(before);
  });

  it('reports what is wrong on the command line or in the config itself, as the whole command line would', async () => {
    const bad = await light(['run', '--inputs', INPUTS, '--out', out, '--forse']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'--forse'");
    expect(bad.stderr).toContain('--force');
    const config = join(tempDir(), 'tradebrief.config.json');
    writeFileSync(config, '{"reporter": "IND", "partner": "RU"}');
    const wrong = await light(['run', '--inputs', INPUTS, '--out', out, '--config', config]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('partner');
    const help = await light(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--publish');
  });
});

describe('bin/tradebrief.js', () => {
  it('ends a run with nothing to do from dist/light.cjs alone, and starts dist/cli.cjs for anything else', () => {
    const bundles = ['light.cjs', 'cli.cjs'].map((name) => join(ROOT, 'dist', name));
    if (!bundles.every((file) => existsSync(file)))
      throw new Error('this test starts the bundles: make them with `node scripts/bundle.js` (npm ci does)');
    // A package of its own: bin/ as it is, and the two bundles, each saying when it is loaded.
    const root = tempDir();
    mkdirSync(join(root, 'bin'));
    for (const file of readdirSync(join(ROOT, 'bin')))
      copyFileSync(join(ROOT, 'bin', file), join(root, 'bin', file));
    for (const folder of ['src', 'pipeline', 'dist']) mkdirSync(join(root, folder));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    writeFileSync(join(root, 'package.json'), '{ "name": "tradebrief", "type": "module" }\n');
    const announcing = (name: string, said: string, bundle: string) =>
      writeFileSync(
        join(root, 'dist', name),
        `process.stderr.write(${JSON.stringify(`${said}\n`)});\nmodule.exports = require(${JSON.stringify(bundle)});\n`,
      );
    announcing('light.cjs', LIGHT, bundles[0] as string);
    announcing('cli.cjs', WHOLE, bundles[1] as string);
    const out = tempDir();
    const start = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'tradebrief.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
      });
    const first = start('run', '--inputs', INPUTS, '--out', out, '-q');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toBe(`${LIGHT}\n${WHOLE}\n`);
    // `run` loads the whole bundle through a code cache of its own (made here at load: npm ci makes it after a run).
    const dist = () => readdirSync(join(root, 'dist')).sort();
    expect(dist()).toEqual(['cli.cjs', 'cli.cjs.run.cache', 'light.cjs', 'light.cjs.cache']);
    const again = start('run', '--inputs', INPUTS, '--out', out);
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(
      `${LIGHT}\nup to date: nothing changed since the last run, ${relative(root, out)} is as it was\n`,
    );
    // The light bundle would stop at once: it is not even loaded.
    const forced = start('run', '--inputs', INPUTS, '--out', out, '--force', '-q');
    expect(forced.status).toBe(0);
    expect(forced.stderr).toBe(`${WHOLE}\n`);
    const version = start('--version');
    expect(version.stderr).toBe(`${WHOLE}\n`);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(dist()).toEqual(['cli.cjs', 'cli.cjs.cache', 'cli.cjs.run.cache', 'light.cjs', 'light.cjs.cache']);
  }, 120_000);
});
