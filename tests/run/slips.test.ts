import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputMessages, runMessages } from '../../src/core/messages.ts';
import { BIN, ROOT, tempDir, tradebrief } from '../helpers.ts';
import { copyInputs } from './helpers.ts';

/** The default inputs with their config changed by `edit`. */
function inputsWith(edit: (config: Record<string, unknown>) => void): string {
  const inputs = copyInputs();
  const file = join(inputs, 'tradebrief.config.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(config);
  writeFileSync(file, JSON.stringify(config));
  return inputs;
}

describe('slips a run must not build on', () => {
  it('refuses a source priority that misspells a source of the inputs', () => {
    // As written, "dgics-ftspcc" ranks nothing, and EIDB's figures would win over FTSPCC's.
    const inputs = inputsWith((config) => {
      config.sourcePriority = ['dgics-ftspcc', 'dgcis-eidb'];
    });
    const run = tradebrief(['run', '--inputs', inputs, '--out', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('key "sourcePriority.0"');
    expect(run.stderr).toContain(inputMessages.misspeltPriority('dgics-ftspcc', 'dgcis-ftspcc'));
  }, 120_000);

  it('refuses a pair the inputs hold only as the partner reports it, naming the way round they hold', () => {
    // inputs/ has India's reports of its trade with Russia, none of Russia's.
    const run = tradebrief(['run', '--reporter', 'RUS', '--partner', 'IND', '--out', tempDir()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(inputMessages.onlyPartnerReports('RUS', 'IND'));
  }, 120_000);

  it('keeps the history of editions when its list was damaged, naming it', () => {
    const inputs = copyInputs();
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
    const list = join(out, 'archive/IND-RUS/editions.json');
    truncateSync(list, 50);
    const damaged = readFileSync(list);
    // A new edition would have rewritten the list from nothing: only itself in it.
    const file = join(inputs, 'tradebrief.config.json');
    const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...config, title: 'Another title' }));
    const run = tradebrief(['run', '--inputs', inputs, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(runMessages.damagedEditionList());
    expect(readFileSync(list).equals(damaged)).toBe(true);
    writeFileSync(list, '{"x":1}');
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(2);

    // A stage file garbled by hand, read by the next stage run alone.
    rmSync(list);
    writeFileSync(join(out, 'stages/normalised.json'), '{"trade": [');
    const stage = tradebrief(['stage', 'indicators', '--inputs', inputs, '--out', out]);
    expect(stage.status).toBe(2);
    expect(stage.stderr).toContain(runMessages.garbledStageFile());
    expect(stage.stderr).not.toContain('internal error');
  }, 120_000);

  it.runIf(spawnSync('unshare', ['--mount', 'true']).status === 0)(
    'says the disk refused a new output folder on a read-only file system (exit code 74)',
    () => {
      const mount = tempDir();
      const script = [
        `mount -t tmpfs -o size=1m tmpfs ${mount}`,
        `mount -o remount,ro ${mount}`,
        `${process.execPath} ${BIN} run --out ${join(mount, 'new/out')}; echo "exit $?"`,
      ].join(' && ');
      const result = spawnSync('unshare', ['--mount', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
      const text = `${result.stdout}${result.stderr}`;
      expect(text).toContain('exit 74');
      expect(text).toContain('read-only');
      expect(text).not.toContain('internal error');
    },
    120_000,
  );
});
