import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, type Run, tempDir, tradebrief } from '../helpers.ts';

/** The real command line as a separate process, not awaited until the caller says so. */
function start(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function comtradeInputs(): string {
  const inputs = join(tempDir(), 'inputs');
  mkdirSync(inputs);
  for (const file of ['comtrade_2019_india_totals_by_partner.csv', 'hs_chapters.csv', 'hs_sections.csv'])
    copyFileSync(join(ROOT, 'inputs', file), join(inputs, file));
  writeFileSync(
    join(inputs, 'sources.csv'),
    'id,title,publisher,url,files,note\nun-comtrade,"India\'s trade by partner, 2019",UN Comtrade,,comtrade_*.csv,\nhs,HS 2022,datasets/harmonized-system,,hs_*.csv,\n',
  );
  return inputs;
}

const PARTNERS = ['RUS', 'CHN', 'USA'];
const OUTPUTS = ['briefing.pdf', 'indicators.json', 'tables/trade.csv'];

describe('tradebrief batch --shard', () => {
  it('builds, as N separate processes sharing --out, the same briefings byte for byte as one batch', async () => {
    const inputs = comtradeInputs();
    const batch = [
      'batch',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partners',
      PARTNERS.join(','),
      '--jobs',
      '1',
    ];
    const whole = tempDir();
    expect(tradebrief([...batch, '--out', whole]).status).toBe(0);

    const sharded = tempDir();
    const [first, second] = await Promise.all([
      start([...batch, '--out', sharded, '--shard', '1/2']),
      start([...batch, '--out', sharded, '--shard', '2/2']),
    ]);
    expect(first?.status, first?.stderr).toBe(0);
    expect(second?.status, second?.stderr).toBe(0);
    // Every second partner from the first, and from the second: RUS and USA, then CHN.
    expect(first?.stderr).toContain('IND-RUS: briefing built');
    expect(first?.stderr).toContain('IND-USA: briefing built');
    expect(first?.stderr).not.toContain('IND-CHN');
    expect(second?.stderr).toContain('IND-CHN: briefing built');
    for (const partner of PARTNERS) {
      for (const file of OUTPUTS) {
        const expected = readFileSync(join(whole, `IND-${partner}`, file));
        expect(
          readFileSync(join(sharded, `IND-${partner}`, file)).equals(expected),
          `${partner} ${file}`,
        ).toBe(true);
      }
    }
  }, 240_000);

  it('refuses a slice that is not K/N with 1 ≤ K ≤ N, and builds nothing for a slice with no partner', () => {
    const inputs = comtradeInputs();
    const out = tempDir();
    const args = ['batch', '--inputs', inputs, '--reporter', 'IND', '--partners', 'RUS', '--out', out];
    for (const shard of ['3/2', '0/2', 'two', '1/0']) {
      const run = tradebrief([...args, '--shard', shard]);
      expect(run.status, shard).toBe(2);
      expect(run.stderr).toContain(`--shard takes K/N, the K-th of N slices`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const empty = tradebrief([...args, '--shard', '2/2']);
    expect(empty.status).toBe(0);
    expect(empty.stderr).toContain('shard 2/2 has no partner to build: the list has only 1');
    expect(existsSync(join(out, 'IND-RUS'))).toBe(false);
  });
});
