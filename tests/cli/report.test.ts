import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/cli/execute.ts';
import { OUTPUT_OPTIONS } from '../../src/cli/options.ts';
import { KilledError } from '../../src/core/errors.ts';
import { cliMessages as m } from '../../src/core/messages.ts';

/** A command that fails with `error`, run through the command line's error handling. */
async function failWith(error: Error, args: string[] = []) {
  let stderr = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      stderr += String(chunk);
      done();
    },
  });
  const code = await execute(
    {
      help: '',
      options: OUTPUT_OPTIONS,
      run: () => Promise.reject(error),
    },
    args,
    { stdout: sink, stderr: sink, env: {} },
  );
  return { code, stderr };
}

describe('a process of its own killed from outside', () => {
  it("is reported as stopped by its signal, with the shell's exit code, not as a fault of tradebrief", async () => {
    const message = m.childKilled(m.batchRead, 'SIGKILL');
    const { code, stderr } = await failWith(new KilledError(message, 'SIGKILL'));
    expect(code).toBe(128 + 9);
    expect(stderr).toBe(
      'error: the read of the inputs for the batch was stopped from outside by SIGKILL, which often means the system ran out of memory; the previous outputs are intact\n',
    );
    const json = await failWith(new KilledError(m.childKilled(m.batchRead, 'SIGTERM'), 'SIGTERM'), [
      '--log-format',
      'json',
    ]);
    expect(json.code).toBe(128 + 15);
    expect(JSON.parse(json.stderr)).toMatchObject({ level: 'error', event: 'killed', signal: 'SIGTERM' });
  });
});
