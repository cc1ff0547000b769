import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliMessages as m } from '../../src/core/messages.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

describe('tradebrief --help', () => {
  it.each([
    [[]],
    [['--help']],
    [['run', '--help']],
    [['validate', '--help']],
    [['stage', '--help']],
    [['batch', '--help']],
    [['init', '--help']],
  ])('%j prints usage and exit codes', (args) => {
    const run = tradebrief(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Usage: tradebrief/);
    expect(run.stdout).toContain('Exit codes');
  });
});

describe('command-line errors', () => {
  it('suggest the closest command or option, with exit code 2', () => {
    const command = tradebrief(['rnu']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('did you mean "run"?');
    const option = tradebrief(['run', '--partnr', 'RUS']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('did you mean "--partner"?');
    expect(option.stderr).not.toMatch(/\n\s+at /);
    // A value that starts with a dash reads as an option: said so, and no other option suggested.
    const dash = tradebrief(['publish', '--wait', '-3']);
    expect(dash.status).toBe(2);
    expect(dash.stderr).toContain(m.optionValueMissing('wait'));
    expect(dash.stderr).not.toContain('did you mean');
    const missing = tradebrief(['publish', '--wait']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(m.optionValueMissing('wait'));
  });

  it('name a bad folder, config file, date or thread count with exit code 2 before doing any work', () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const inputsCopy = join(tempDir(), 'inputs');
    cpSync(join(ROOT, 'inputs'), inputsCopy, { recursive: true });
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [['run', '--inputs', '/no/such/folder'], {}, '--inputs must be a folder, and this does not exist'],
      [['run', '--out', file], {}, '--out must be a folder, and this is a file'],
      [
        ['run', '--config', 'missing.json', '--reporter', 'IND', '--partner', 'RUS'],
        {},
        'the config file named by --config does not exist',
      ],
      [
        ['run', '--out', tempDir()],
        { SOURCE_DATE_EPOCH: 'abc' },
        'expected a whole number of seconds since 1970',
      ],
      [
        ['batch', '--reporter', 'IND', '--partners', 'RUS', '--jobs', 'two', '--out', tempDir()],
        {},
        '--jobs takes a whole number',
      ],
      [
        ['stage', 'charts', '--out', tempDir()],
        {},
        'stage charts reads indicators.json, which is not there yet',
      ],
      [['run', '--out', join(file, 'sub')], {}, '--out must be a folder, and this path goes through a file'],
      // The next run would read the briefing's own tables as inputs.
      [['run', '--inputs', inputsCopy, '--out', join(inputsCopy, 'out')], {}, m.outInsideInputs(inputsCopy)],
      [['run', 'outputs'], {}, m.unexpectedArguments(['outputs'])],
      [['batch', '--reporter', 'IND', '--partners', 'RUS,IND', '--out', tempDir()], {}, m.samePair('IND')],
      [
        ['init', '--reporter', 'BRA', '--partner', 'BRA', '--dir', join(tempDir(), 'new')],
        {},
        m.samePair('BRA'),
      ],
    ];
    for (const [args, env, message] of cases) {
      const run = tradebrief(args, env);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    // Inputs are never read from a folder whose name starts with "_": outputs may go there.
    expect(tradebrief(['run', '--inputs', inputsCopy, '--out', join(inputsCopy, '_out'), '-q']).status).toBe(
      0,
    );
  }, 120_000);

  it('take SOURCE_DATE_EPOCH only as decimal seconds up to the end of 9999, and empty as unset', () => {
    for (const value of ['0x10', '253402300800', '-1', '1e9', '1.5', ' 5', '99999999999999999999']) {
      const out = tempDir();
      const run = tradebrief(['run', '--out', out], { SOURCE_DATE_EPOCH: value });
      expect(run.status, value).toBe(2);
      expect(run.stderr.split('\n')[0]).toContain(
        'environment, key "SOURCE_DATE_EPOCH": expected a whole number',
      );
      expect(readdirSync(out)).toEqual([]);
    }
    const out = tempDir();
    expect(tradebrief(['run', '--out', out], { SOURCE_DATE_EPOCH: '' }).status).toBe(0);
    // Unset: the date is the end of the data's latest period, 31 March 2026 (FY2025-26).
    expect(tool('pdfinfo', [join(out, 'briefing.pdf')])).toMatch(
      /CreationDate:\s+Tue Mar 31 00:00:00 2026 UTC/,
    );
  }, 300_000);

  it('ask for a config or a pair when there is neither', () => {
    const inputs = tempDir();
    const run = tradebrief(['validate', '--inputs', inputs]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('tradebrief init');
  });
});

describe('tradebrief validate', () => {
  it('checks the default inputs and writes nothing', () => {
    const out = tempDir();
    const run = tradebrief(['validate', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('inputs are valid');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('tradebrief stage', () => {
  it('runs one stage on what the stages before it wrote', () => {
    const out = tempDir();
    expect(tradebrief(['stage', 'ingest', '--out', out]).status).toBe(0);
    expect(existsSync(join(out, 'stages/ingest.json'))).toBe(true);
    expect(existsSync(join(out, 'stages/normalised.json'))).toBe(false);
    expect(tradebrief(['stage', 'normalise', '--out', out]).status).toBe(0);
    expect(existsSync(join(out, 'stages/normalised.json'))).toBe(true);
    const unknown = tradebrief(['stage', 'chart', '--out', out]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('expected one of ingest, normalise, indicators, charts, briefing');
  });
});

describe('a stage script', () => {
  it('runs on its own, as tradebrief stage does', () => {
    const out = tempDir();
    expect(tradebrief(['stage', 'ingest', '--out', out]).status).toBe(0);
    const alone = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/2-normalise.ts', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(alone.stderr).toContain('normalise: wrote 1 file');
    expect(alone.status).toBe(0);
    expect(existsSync(join(out, 'stages/normalised.json'))).toBe(true);
  });
});

describe('output when stderr is not a terminal', () => {
  it('has no escape codes and no animation', () => {
    const run = tradebrief(['run', '--out', tempDir(), '--force']);
    expect(run.status).toBe(0);
    expect(run.stderr.includes('\u001b')).toBe(false);
    expect(run.stderr.includes('\r')).toBe(false);
  });
});

describe('--log-format json', () => {
  it('writes one JSON object per line on stderr', () => {
    const run = tradebrief(['validate', '--log-format', 'json', '--out', tempDir()]);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('level');
  });
});
