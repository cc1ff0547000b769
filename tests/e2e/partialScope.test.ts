import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

describe('a download of one product', () => {
  it('states its scope on the cover, in every KPI label and finding, and never calls it total trade', () => {
    // Synthetic Comtrade Plus rows (tests/fixtures/ingest/README.md): India's trade with Malaysia in
    // HS 8542 alone, 2023 and 2024, no TOTAL row.
    const inputs = join(ROOT, 'tests/fixtures/ingest/comtrade-plus-one-heading');
    const out = tempDir();
    const run = tradebrief([
      'run',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partner',
      'MYS',
      '--out',
      out,
    ]);
    expect(run.status).toBe(0);
    const set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
    expect(set.meta.partialScope).toEqual({
      products: ['8542'],
      label: 'electronic integrated circuits (HS 8542)',
      short: 'HS 8542',
    });
    const cover = tool('pdftotext', ['-l', '1', join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(cover).toContain('Scope: electronic integrated circuits (HS 8542) only');
    expect(cover).toContain('Trade in HS 8542, 2024');
    expect(cover).toContain('Imports of HS 8542 from Malaysia, 2024');
    expect(cover).toContain('Exports of HS 8542 to Malaysia, 2024');
    expect(cover).toContain('Trade in electronic integrated circuits (HS 8542) between India and Malaysia');
    expect(cover).toContain('exported USD 240 m of HS 8542');
    expect(cover).not.toMatch(/Total trade|made up 100/);
    // The contents list has the rest of the cover: a short first section starts on page 2, not under it.
    expect(cover).toContain('CONTENTS');
    expect(cover).not.toContain('The balance was');
    const text = tool('pdftotext', [join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('the inputs hold only electronic integrated circuits (HS 8542) for this pair');
  });
});
