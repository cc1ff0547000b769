import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

describe('a new pair, as a new user would make it', () => {
  it('scaffolds, takes a downloaded Comtrade Plus file as it is, and builds its briefing', () => {
    const dir = join(tempDir(), 'inputs-ind-rus');
    expect(tradebrief(['init', '--reporter', 'IND', '--partner', 'RUS', '--dir', dir]).status).toBe(0);
    // A synthetic file in Comtrade Plus's own layout and download name (tests/fixtures/ingest/README.md).
    copyFileSync(
      join(ROOT, 'tests/fixtures/ingest/comtrade-plus/TradeData_IND_2023.csv'),
      join(dir, 'TradeData_IND_2023.csv'),
    );
    expect(tradebrief(['validate', '--inputs', dir]).status).toBe(0);
    const out = tempDir();
    const run = tradebrief(['run', '--inputs', dir, '--out', out]);
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
    const set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
    // The fixture's 2023 export total is US$ 4,000,000,000, cited through the scaffold's sources table.
    const exports = set.indicators.find((i) => i.id === 'trade.exports' && i.period === '2023');
    expect(exports?.value).toBe(4e9);
    expect(exports?.sources).toEqual(['un-comtrade']);
    expect(tool('pdftotext', [join(out, 'briefing.pdf'), '-'])).toContain('India–Russia trade briefing');
  });
});
