import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import type { IngestResult } from '../../src/ingest/records.ts';
import { BIN, ROOT, tempDir, tradebrief } from '../helpers.ts';
import { json } from './helpers.ts';

describe('tradebrief batch', () => {
  it('builds one briefing per partner from one Comtrade file, and reports the partner that fails', () => {
    const inputs = join(tempDir(), 'inputs');
    mkdirSync(inputs);
    for (const file of ['comtrade_2019_india_totals_by_partner.csv', 'hs_chapters.csv', 'hs_sections.csv']) {
      copyFileSync(join(ROOT, 'inputs', file), join(inputs, file));
    }
    writeFileSync(
      join(inputs, 'sources.csv'),
      'id,title,publisher,url,files,note\nun-comtrade,"India\'s trade by partner, 2019",UN Comtrade,,comtrade_*.csv,\nhs,HS 2022,datasets/harmonized-system,,hs_*.csv,\n',
    );
    const out = tempDir();
    // What earlier versions kept of a batch's read.
    mkdirSync(join(out, '.batch'));
    writeFileSync(join(out, '.batch', 'ingest.json'), '{}\n');
    const batch = (partners: string) =>
      tradebrief(['batch', '--inputs', inputs, '--reporter', 'IND', '--partners', partners, '--out', out]);
    // Svalbard (SJM) has no rows in the file: that partner fails, the others are built.
    const run = batch('RUS,CHN,USA,SJM');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('IND-SJM: failed (exit code 2)');
    expect(run.stderr).toContain('no trade rows between IND and SJM');
    expect(run.stderr).toContain('3 briefings built or up to date; failed: SJM');
    // The partners' threads run their stages for the batch only, never as stage scripts run alone.
    expect(run.stderr).not.toContain(join(ROOT, 'outputs'));
    for (const partner of ['RUS', 'CHN', 'USA']) {
      const dir = join(out, `IND-${partner}`);
      expect(existsSync(join(dir, 'briefing.pdf')), partner).toBe(true);
      const set = json<IndicatorSet>(join(dir, 'indicators.json'));
      expect(set.meta.partner).toBe(partner);
      expect(
        set.indicators.find((i) => i.id === 'trade.exports' && i.period === '2019')?.value,
      ).toBeGreaterThan(0);
    }
    // India's 2019 exports to Russia as the Comtrade file reports them: US$ 2,871,228,560.
    const rus = json<IndicatorSet>(join(out, 'IND-RUS', 'indicators.json'));
    const exports = rus.indicators.find((i) => i.id === 'trade.exports' && i.period === '2019');
    expect(exports?.value).toBe(2_871_228_560);
    expect(exports?.sources).toEqual(['un-comtrade']);
    expect(existsSync(join(out, 'IND-SJM', 'briefing.pdf'))).toBe(false);
    // Each partner's run holds its share of the one read: its pair's flows and the world's, no other partner's.
    const share = json<IngestResult>(join(out, 'IND-RUS', 'stages', 'ingest.json'));
    expect(share.trade.some((r) => r.reporter === 'IND' && r.partner === 'RUS')).toBe(true);
    const others = share.trade.filter(
      (r) =>
        !['RUS', 'IND', 'WLD'].includes(r.partner) ||
        (r.partner !== 'WLD' && !['RUS', 'IND'].includes(r.reporter)),
    );
    expect(others).toEqual([]);
    // The read is kept in a folder of its own; the single file of earlier versions is gone.
    const reads = () => readdirSync(join(out, '.batch', 'ingest')).sort();
    const [first] = reads();
    expect(reads()).toHaveLength(1);
    expect(existsSync(join(out, '.batch', 'ingest.json'))).toBe(false);
    // Another partner list is another read; the partners' briefings, made of the same rows, stand.
    const again = batch('RUS,CHN,USA');
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('IND-RUS: up to date');
    expect(again.stderr).not.toContain('wrote');
    const second = reads().find((name) => name !== first);
    expect(second).toBeDefined();
    // With nothing changed the inputs are not read again: no new read, the last one's shares untouched.
    const kept = reads().map((name) => statSync(join(out, '.batch', 'ingest', name, 'RUS.json')).mtimeMs);
    expect(batch('RUS,CHN,USA').status).toBe(0);
    expect(reads()).toEqual([first, second].sort());
    expect(reads().map((name) => statSync(join(out, '.batch', 'ingest', name, 'RUS.json')).mtimeMs)).toEqual(
      kept,
    );
    // Two earlier reads are kept beside the latest, for batches still building from them; older ones go.
    for (const partners of ['RUS', 'CHN']) expect(batch(partners).status).toBe(0);
    expect(reads()).toHaveLength(3);
    expect(reads()).not.toContain(first);
    expect(reads()).toContain(second);
  }, 120_000);

  it('reports a wrong number in the one read as the file, line and column, and keeps nothing of it', () => {
    const inputs = join(tempDir(), 'baci');
    cpSync(join(ROOT, 'tests', 'fixtures', 'ingest', 'baci'), inputs, { recursive: true });
    const file = join(inputs, 'BACI_HS17_Y2022_V202401.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[4] = lines[4]?.replace(',40000,', ',4x000,') ?? '';
    writeFileSync(file, lines.join('\n'));
    const out = tempDir();
    const run = tradebrief([
      'batch',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partners',
      'RUS,USA',
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'BACI_HS17_Y2022_V202401.csv, line 5, column "v": expected a number, found "4x000"',
    );
    expect(run.stderr).not.toMatch(/^\s+at /m);
    // No read is kept, not even half of one, and no partner was built from it.
    const reads = join(out, '.batch', 'ingest');
    expect(existsSync(reads) ? readdirSync(reads) : []).toEqual([]);
    expect(readdirSync(out).filter((name) => name.startsWith('IND-'))).toEqual([]);
  }, 60_000);

  it('says once what every partner would warn of alike: a config written for another pair', () => {
    // The default inputs' config is written for India–Russia: each of these partners' runs drops its keys.
    const run = tradebrief(['batch', '--reporter', 'IND', '--partners', 'CHN,USA', '--out', tempDir()]);
    expect(run.status, run.stderr).toBe(0);
    const warning = 'the config is written for another pair';
    expect(run.stderr.split('\n').filter((line) => line.includes(warning))).toHaveLength(1);
  }, 120_000);

  it.runIf(spawnSync('unshare', ['--mount', 'true']).status === 0)(
    'says a full disk the way a single run does, for each partner it stopped',
    () => {
      const inputs = join(tempDir(), 'inputs');
      mkdirSync(inputs);
      for (const file of ['comtrade_2019_india_totals_by_partner.csv', 'hs_chapters.csv', 'hs_sections.csv'])
        copyFileSync(join(ROOT, 'inputs', file), join(inputs, file));
      // Room for the read's shares, not for the briefings.
      const mount = tempDir();
      const script = [
        `mount -t tmpfs -o size=200k tmpfs ${mount}`,
        `${process.execPath} ${BIN} batch --inputs ${inputs} --reporter IND --partners RUS,CHN --out ${join(mount, 'out')} -q; echo "exit $?"`,
      ].join(' && ');
      const result = spawnSync('unshare', ['--mount', 'sh', '-c', script], { cwd: ROOT, encoding: 'utf8' });
      const text = `${result.stdout}${result.stderr}`;
      expect(text).toContain('exit 74');
      expect(text).toContain('IND-RUS: failed (exit code 74)');
      expect(text).toContain('the disk is full');
      expect(text).not.toContain('no space left on device');
    },
    120_000,
  );
});
