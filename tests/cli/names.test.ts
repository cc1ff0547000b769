import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../src/core/text.ts';
import { tradebrief } from '../helpers.ts';
import { copyInputs } from '../run/helpers.ts';

describe('names printed in logs', () => {
  it('are escaped, so a file name cannot forge a log line or colour the terminal', () => {
    const inputs = copyInputs();
    const name = 'bad\nerror: all inputs are valid \u001b[32mOK\u001b[0m\u202e.csv';
    writeFileSync(
      join(inputs, name),
      'period,reporter,partner,flow,product,value,unit\n2024,IND,RUS,export,TOTAL,lots,USD mn\n',
    );
    const run = tradebrief(['validate', '--inputs', inputs]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).not.toContain('\u202e');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('error: all inputs'))).toEqual([]);
    expect(lines[0]).toContain('bad\\nerror: all inputs are valid \\x1B[32mOK\\x1B[0m\\u202E.csv, line 2');
    // The coverage summary on stdout names the file too, as escaped.
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).not.toContain('\u202e');
    expect(run.stdout).toContain(
      '  bad\\nerror: all inputs are valid \\x1B[32mOK\\x1B[0m\\u202E.csv (canonical',
    );
  });

  it('show each control character as a visible escape', () => {
    expect(escapeControls('a\tb\r\n\u0000\u007f\u0085\u2028é')).toBe('a\\tb\\r\\n\\x00\\x7F\\x85\\u2028é');
  });
});
