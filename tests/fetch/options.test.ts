import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { tempDir } from '../helpers.ts';

/** The command line in this process: what it wrote and its exit code. */
async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  stdout.on('data', (c: Buffer) => {
    chunks.stdout += c.toString();
  });
  stderr.on('data', (c: Buffer) => {
    chunks.stderr += c.toString();
  });
  const status = await main(args, { stdout, stderr, env: {} });
  return { status, ...chunks };
}

describe('tradebrief fetch options', () => {
  it('has --help with its options and exit codes, and is listed in the main help', async () => {
    const help = await cli(['fetch', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: tradebrief fetch /);
    for (const option of [
      '--years',
      '--base-url',
      '--max-calls',
      '--max-records',
      'COMTRADE_API_KEY',
      '75  ',
    ])
      expect(help.stdout).toContain(option);
    expect((await cli(['--help'])).stdout).toContain('fetch      download new and revised data');
  });

  it('refuses a wrong option before any call, with exit code 2 and the option named', async () => {
    const dir = tempDir();
    const pair = [
      '--inputs',
      dir,
      '--reporter',
      'IND',
      '--partner',
      'RUS',
      '--base-url',
      'http://127.0.0.1:9',
    ];
    const cases: [string[], string][] = [
      [[...pair, '--years', '2019-2015'], 'command line, key "--years": --years takes a year or a range'],
      [[...pair, '--years', '2019,2020'], '--years takes a year or a range of years from 1962'],
      [
        ['--inputs', dir, '--reporter', 'IND', '--partner', 'RUS', '--base-url', 'ftp://x'],
        '--base-url takes an http',
      ],
      [[...pair, '--max-calls', '0'], '--max-calls takes a whole number of calls, 1 or more, not "0"'],
      [[...pair, '--max-records', '1.5'], '--max-records takes a whole number of rows'],
      [[...pair, '--backoff', 'soon'], '--backoff takes a number of seconds, not "soon"'],
      [['--inputs', dir, '--reporter', 'IND', '--partner', 'ZZZ'], 'not ISO 3166 alpha-3: ZZZ'],
      [['--inputs', dir, '--reporter', 'IND', '--partner', 'IND'], 'reporter and partner must differ'],
      [['--inputs', dir], 'fetch needs a pair: --reporter and --partner'],
    ];
    for (const [args, message] of cases) {
      const run = await cli(['fetch', ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
