import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import type { TradeRow } from '../../src/normalise/table.ts';
import { fixture } from './folders.ts';

const row = (r: TradeRow) => `${r.period} ${r.reporter}→${r.partner} ${r.flow} ${r.product} ${r.valueUsd}`;

async function normaliseFolder(dir: string, reporter: string, partner: string) {
  const config = parseConfig({ reporter, partner }, 'test');
  return normalise(await ingest(dir, { focus: { reporter, partners: [partner] } }), config);
}

describe('a folder holding one download is enough for a pair it contains', () => {
  it('only a Comtrade Plus file', async () => {
    const normalised = await normaliseFolder(fixture('comtrade-plus'), 'IND', 'RUS');
    expect(normalised.trade.filter((r) => r.reporter === 'IND' && r.partner === 'RUS').map(row)).toEqual([
      '2023 IND→RUS export TOTAL 4000000000',
      // The chapter row is used, not the HS4 row under it.
      '2023 IND→RUS export 30 1200000000',
      '2023 IND→RUS export 84 800000000.5',
      // Chapters short of the total: an explicit "other" line, not a gap.
      `2023 IND→RUS export OTHER ${4000000000 - 1200000000 - 800000000.5}`,
      '2023 IND→RUS import TOTAL 60000000000',
      '2023 IND→RUS import 27 50000000000',
      `2023 IND→RUS import OTHER ${60000000000 - 50000000000}`,
      '2023 IND→RUS re-export TOTAL 5000000',
    ]);
    // Russia's own report of the same trade is kept for the mirror comparison.
    expect(normalised.trade.filter((r) => r.reporter === 'RUS').map(row)).toEqual([
      '2023 RUS→IND import TOTAL 3900000000',
    ]);
  });

  it('only a BACI folder, for either country as reporter', async () => {
    const normalised = await normaliseFolder(fixture('baci'), 'IND', 'RUS');
    // v = 1234.5 thousand USD → 1,234,500 USD.
    expect(normalised.trade.filter((r) => r.reporter === 'IND' && r.partner === 'RUS').map(row)).toEqual([
      `2022 IND→RUS export TOTAL ${(1234.5 + 100.25 + 500) * 1000}`,
      '2022 IND→RUS export 29 100250',
      '2022 IND→RUS export 30 1234500',
      '2022 IND→RUS export 84 500000',
      `2022 IND→RUS import TOTAL ${(40000 + 2000) * 1000}`,
      '2022 IND→RUS import 27 40000000',
      '2022 IND→RUS import 31 2000000',
    ]);
    expect(normalised.trade.filter((r) => r.reporter === 'RUS' && r.product === 'TOTAL').map(row)).toEqual([
      `2022 RUS→WLD export TOTAL ${(40000 + 2000) * 1000}`,
      `2022 RUS→WLD import TOTAL ${(1234.5 + 100.25 + 500 + 700 + 50) * 1000}`,
    ]);

    const other = await normaliseFolder(fixture('baci'), 'USA', 'RUS');
    expect(other.trade.filter((r) => r.reporter === 'USA' && r.partner === 'RUS').map(row)).toEqual([
      '2022 USA→RUS export TOTAL 700000',
      '2022 USA→RUS export 84 700000',
      // BACI lists no row of Russia's exports to the USA: none, where the file holds the USA's imports.
      '2022 USA→RUS import TOTAL 0',
    ]);
  });
});
