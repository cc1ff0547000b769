import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import type { IngestResult } from '../../src/ingest/records.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';
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
    // Svalbard (SJM) has no rows in the file: that partner fails, the others are built.
    const run = tradebrief([
      'batch',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partners',
      'RUS,CHN,USA,SJM',
      '--out',
      out,
    ]);
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
    expect(share.trade.filter((r) => !['RUS', 'IND', 'WLD'].includes(r.partner))).toEqual([]);
    // Run again with nothing changed: the inputs are not read again and every briefing stands.
    const again = tradebrief([
      'batch',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partners',
      'RUS,CHN,USA',
      '--out',
      out,
    ]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('IND-RUS: up to date');
    expect(again.stderr).not.toContain('wrote');
  }, 120_000);
});
