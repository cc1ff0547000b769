import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { toStageJson } from '../../src/core/context.ts';
import { isBriefingRow } from '../../src/core/relevance.ts';
import { shareFiles } from '../../src/ingest/forPair.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { fixture } from './folders.ts';

const flows = (records: { reporter: string; partner: string }[]) => [
  ...new Set(records.map((r) => `${r.reporter}→${r.partner}`)),
];

describe("a batch read's share for one partner", () => {
  it('keeps the pair’s flows and the flows with the world, as a read for the pair alone does', async () => {
    // One read for India with Russia and the USA, as a batch makes it.
    const whole = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS', 'USA'] } });
    expect(flows(whole.trade)).toContain('IND→USA');
    expect(flows(whole.trade)).toContain('USA→WLD');
    const text = shareFiles(whole, 'IND')('RUS').toString('utf8');
    const share = JSON.parse(text) as typeof whole;
    // The stage file of the read with only the rows normalise keeps for the pair, less the USA's own
    // exports to the world: Russia's briefing has them in the world's sum.
    const kept = (r: (typeof whole.trade)[number]) =>
      isBriefingRow(r, 'IND', 'RUS') && !(r.reporter === 'USA' && r.partner === 'WLD');
    expect(text).toBe(
      toStageJson({ ...whole, trade: whole.trade.filter(kept), products: whole.products.filter(kept) }),
    );
    // Russia's share: India's trade with Russia both ways, the world's exports (the USA's and France's
    // only there), and the exports to the world of India, Russia and Taiwan.
    expect(flows(share.trade).sort()).toEqual(['IND→RUS', 'IND→WLD', 'RUS→WLD', 'TWN→WLD', 'WLD→WLD']);
    // The records of a read for India and Russia alone, in the same order.
    const alone = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS'] } });
    expect(share.trade).toEqual(alone.trade);
    expect(share.products).toEqual(alone.products);
    // The USA's share has its own exports to the world, and not Russia's.
    const usa = JSON.parse(shareFiles(whole, 'IND')('USA').toString('utf8')) as typeof whole;
    expect(flows(usa.trade).sort()).toEqual(['IND→USA', 'IND→WLD', 'TWN→WLD', 'USA→WLD', 'WLD→WLD']);
    expect(flows(share.products).every((f) => ['IND→RUS', 'RUS→IND'].includes(f) || f.endsWith('→WLD'))).toBe(
      true,
    );
    expect(share.products.some((p) => p.partner === 'USA' || p.reporter === 'USA')).toBe(false);
    // The USA's imports from the world are its demand: not Russia's briefing's.
    expect(whole.products.some((p) => p.reporter === 'USA' && p.flow === 'import')).toBe(true);
    expect(share.products.some((p) => p.reporter === 'USA' && p.flow === 'import')).toBe(false);
    // Everything else is the read as it was: the files, what was set aside, the references.
    expect(share.files).toEqual(whole.files);
    expect(share.rejects).toEqual(whole.rejects);
    expect(share.countryCodes).toEqual(whole.countryCodes);
    const config = parseConfig({ reporter: 'IND', partner: 'RUS' }, 'test');
    const [fromShare, fromAlone] = [normalise(share, config), normalise(alone, config)];
    expect(fromShare.trade).toEqual(fromAlone.trade);
    expect(fromShare.products).toEqual(fromAlone.products);
  });

  it('is the stage file JSON.stringify makes, members without JSON left out, for every partner', async () => {
    const whole = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS', 'USA'] } });
    const odd = {
      first: undefined,
      ...whole,
      label: 'Côte d’Ivoire',
      sources: undefined,
      rejects: [{ line: 1, note: undefined }],
    } as unknown as typeof whole;
    const shareOf = shareFiles(odd, 'IND');
    for (const partner of ['RUS', 'USA']) {
      // The other partner's own exports to the world are in the world's sum.
      const other = partner === 'RUS' ? 'USA' : 'RUS';
      const kept = (r: { reporter: string; partner: string; flow: string }) =>
        isBriefingRow(r, 'IND', partner) &&
        !(r.reporter === other && r.partner === 'WLD' && r.flow === 'export');
      expect(shareOf(partner).toString('utf8')).toBe(
        toStageJson({ ...odd, trade: odd.trade.filter(kept), products: odd.products.filter(kept) }),
      );
    }
    expect(shareOf('RUS').toString('utf8')).toMatch(/^\{"trade":\[\{/);
    expect(shareOf('RUS').toString('utf8')).not.toContain('"sources"');
    expect(shareOf('RUS').equals(shareOf('USA'))).toBe(false);
  });

  it('keeps the same rows as the test normalise applies, whichever countries a row joins', async () => {
    const whole = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS', 'USA'] } });
    // Every flow among the reporter, two partners, a third country and the world, both ways.
    const countries = ['IND', 'RUS', 'USA', 'FRA', 'WLD'];
    // A record of one country's, not the world's sum.
    const model = whole.trade.find((r) => r.exporters === undefined) as (typeof whole.trade)[number];
    const trade = countries.flatMap((reporter) =>
      countries.flatMap((partner) =>
        ['export', 'import'].map((flow) => ({ ...model, reporter, partner, flow }) as typeof model),
      ),
    );
    const shareOf = shareFiles({ ...whole, trade }, 'IND');
    for (const partner of ['RUS', 'USA', 'FRA', 'IND']) {
      const kept = trade.filter((r) => isBriefingRow(r, 'IND', partner));
      expect(shareOf(partner).toString('utf8')).toBe(
        toStageJson({
          ...whole,
          trade: kept,
          products: whole.products.filter((r) => isBriefingRow(r, 'IND', partner)),
        }),
      );
    }
    // Russia's share: its flows with India and itself and the world, India's, and every country's
    // exports to the world.
    const rus = (JSON.parse(shareOf('RUS').toString('utf8')) as typeof whole).trade;
    expect(rus.map((r) => `${r.reporter}→${r.partner} ${r.flow}`)).toEqual([
      'IND→IND export',
      'IND→IND import',
      'IND→RUS export',
      'IND→RUS import',
      'IND→WLD export',
      'IND→WLD import',
      'RUS→IND export',
      'RUS→IND import',
      'RUS→RUS export',
      'RUS→RUS import',
      'RUS→WLD export',
      'RUS→WLD import',
      'USA→WLD export',
      'FRA→WLD export',
      'WLD→WLD export',
    ]);
  });

  it('takes out and puts in each partner’s own rows wherever they fall among the others', async () => {
    const whole = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS', 'USA'] } });
    const countries = ['IND', 'RUS', 'USA', 'FRA', 'CHN', 'WLD'];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const some = <T>(model: T, count: number): T[] =>
      Array.from(
        { length: count },
        (_, i) =>
          ({
            ...model,
            reporter: countries[random(countries.length)],
            partner: countries[random(countries.length)],
            flow: random(2) === 0 ? 'export' : 'import',
            line: i + 2,
          }) as T,
      );
    let compared = 0;
    // A record of one country's, not the world's sum.
    const model = whole.trade.find((r) => r.exporters === undefined) as (typeof whole.trade)[number];
    for (let round = 0; round < 30; round++) {
      const trade = some(model, random(60));
      // Every other round, the file sums the world's exports: a country's own are then its share's alone.
      const summed = round % 2 === 1;
      if (summed)
        trade.splice(random(trade.length + 1), 0, {
          ...model,
          reporter: 'WLD',
          partner: 'WLD',
          exporters: 9,
        });
      const products = some(whole.products[0] as (typeof whole.products)[number], random(30));
      const shareOf = shareFiles({ ...whole, trade, products }, 'IND');
      for (const partner of [...countries, 'BRA']) {
        const inSum = (r: { reporter: string; partner: string; flow: string }) =>
          summed &&
          r.partner === 'WLD' &&
          r.flow === 'export' &&
          !['WLD', 'IND', partner].includes(r.reporter);
        const kept = (r: { reporter: string; partner: string; flow: string }) =>
          isBriefingRow(r, 'IND', partner) && !inSum(r);
        expect(shareOf(partner).toString('utf8')).toBe(
          toStageJson({ ...whole, trade: trade.filter(kept), products: products.filter(kept) }),
        );
        compared += 1;
      }
    }
    expect(compared).toBe(210);
  });
});
