import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { InputError } from '../../src/core/errors.ts';
import { dataNotes, inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import type { TradeRow } from '../../src/normalise/table.ts';
import { brief, fixture, folderWith } from './folders.ts';

// SYNTHETIC rows in the real layouts. UN Comtrade and CEPII BACI list Taiwan as "Other Asia, nes":
// code 490, ISO-like code S19 (BACI's country_codes; Comtrade Plus partnerISO), or no ISO code at all
// (the legacy Comtrade files).
const row = (r: TradeRow) => `${r.period} ${r.reporter}→${r.partner} ${r.flow} ${r.product} ${r.valueUsd}`;

async function normaliseFolder(dir: string, reporter: string, partner: string) {
  const config = parseConfig({ reporter, partner }, 'test');
  return normalise(await ingest(dir, { focus: { reporter, partners: [partner] } }), config);
}

const LEGACY_HEADER =
  'Classification,Year,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Aggregate Level,Commodity Code,Commodity,Trade Value (US$)';
const PLUS_HEADER =
  'typeCode,freqCode,refYear,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partnerDesc,partner2Code,classificationCode,cmdCode,customsCode,mosCode,motCode,primaryValue';

describe('Taiwan, listed as "Other Asia, nes" (490)', () => {
  it('is a partner of its own in BACI, and a data note says how it was read', async () => {
    // Fixture rows 9 and 10: 490 → 643 (HS 847130, 50) and 490 → 842 (HS 850440, 30), thousand USD.
    const normalised = await normaliseFolder(fixture('baci'), 'RUS', 'TWN');
    expect(normalised.trade.filter((r) => r.partner === 'TWN').map(row)).toEqual([
      '2022 RUS→TWN import TOTAL 50000',
      '2022 RUS→TWN import 84 50000',
    ]);
    // Taiwan's exports are in the world's: 50 + 30 thousand USD.
    expect(normalised.trade.filter((r) => r.reporter === 'TWN' && r.product === 'TOTAL').map(row)).toEqual([
      `2022 TWN→WLD export TOTAL ${(50 + 30) * 1000}`,
    ]);
    expect(normalised.notes.map((n) => n.text)).toContain(dataNotes.taiwanAsOtherAsia());
  });

  it('is read as TWN from legacy Comtrade code 490 and from Comtrade Plus S19', async () => {
    const dir = await folderWith({
      'legacy.csv': [
        LEGACY_HEADER,
        'H5,2019,Export,699,India,IND,490,"Other Asia, nes",,0,TOTAL,All Commodities,1640723537',
        'H5,2019,Export,699,India,IND,899,"Areas, nes",,0,TOTAL,All Commodities,2477811637',
      ].join('\n'),
      'plus.csv': [
        PLUS_HEADER,
        'C,A,2023,699,IND,M,490,S19,"Other Asia, nes",0,H6,TOTAL,C00,0,0,4194059011',
      ].join('\n'),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual([
      '2019 IND TWN export TOTAL 1640723537 USD line 2',
      '2023 IND TWN import TOTAL 4194059011 USD line 2',
    ]);
    // "Areas, nes" is still a group, set aside.
    expect(result.files.find((f) => f.file === 'legacy.csv')?.rejected).toEqual({
      [m.asideNotCountry('partner')]: 1,
    });
  });

  it('says where Taiwan is looked for when no row names it', async () => {
    const dir = await folderWith({
      'legacy.csv': [
        LEGACY_HEADER,
        'H5,2019,Export,699,India,IND,643,Russia,RUS,0,TOTAL,All Commodities,5',
      ].join('\n'),
    });
    const config = parseConfig({ reporter: 'IND', partner: 'TWN' }, 'test');
    const ingested = await ingest(dir, { focus: { reporter: 'IND', partners: ['TWN'] } });
    expect(() => normalise(ingested, config)).toThrow(InputError);
    try {
      normalise(ingested, config);
    } catch (error) {
      expect((error as InputError).problems[0]?.message).toBe(m.noTradeForPair('IND', 'TWN'));
      expect(m.noTradeForPair('IND', 'TWN')).toContain('"Other Asia, nes", code 490 or S19');
    }
  });
});
