import { describe, expect, it } from 'vitest';
import { potentialNeeds } from '../../src/indicators/needs.ts';
import { exportPotential, untappedPotential } from '../../src/indicators/potential.ts';
import { all, compute, demand, detailed, one, pairYear, row, value, world2019 } from './fixtures.ts';

describe('export potential "lite"', () => {
  it('is demand × sector world share, split into a demand and a supply part that add up to it', () => {
    const parts = exportPotential(90, 20 / 60, 40 / 300);
    expect(parts.potential).toBeCloseTo(90 * (20 / 60), 12);
    expect(parts.demandPart).toBeCloseTo(90 * (40 / 300), 12);
    expect(parts.supplyPart).toBeCloseTo(90 * (20 / 60 - 40 / 300), 12);
    expect(parts.demandPart + parts.supplyPart).toBeCloseTo(parts.potential, 12);
    expect(untappedPotential(30, 60)).toBe(-30);
  });

  const set = compute([...detailed, ...world2019], {
    figures: [demand('pharma', 90), demand('machines', 300, 500)],
  });

  it("uses the reporter's 2019 world shares, the partner's demand and the latest exports", () => {
    // Pharma: share 20/60 of world exports of chapter 30; India's share of all exports 40/300.
    expect(value(set, 'potential.exports', { sector: 'pharma' })).toBeCloseTo(90 * (20 / 60), 12);
    expect(value(set, 'potential.demandPart', { sector: 'pharma' })).toBeCloseTo(90 * (40 / 300), 12);
    const supply = one(set, 'potential.supplyPart', { sector: 'pharma' });
    // Supply part = demand part × (RCA − 1).
    expect(supply.value).toBeCloseTo(90 * (40 / 300) * (20 / 40 / (60 / 300) - 1), 12);
    expect(supply.note).toMatch(/^demand annual, world shares 2019, exports FY2024-25/);
    expect(supply.status).toBe('partial');
  });

  it('ranks sectors by untapped potential; below zero where exports already exceed it', () => {
    const machines = one(set, 'potential.untapped', { sector: 'machines', rank: '1' });
    // Exports (30) are a lower bound, so the untapped part is an upper bound: it takes the top of the
    // published range (500), not its middle (400).
    expect(machines.value).toBeCloseTo(500 * (10 / 90) - 30, 12);
    expect(machines.note).toMatch(/at most: the exports are a lower bound/);
    const pharma = one(set, 'potential.untapped', { sector: 'pharma', rank: '2' });
    expect(pharma.value).toBeCloseTo(90 * (20 / 60) - 60, 12);
    expect(pharma.note).toMatch(/exports already exceed the potential$/);
    expect(pharma.sources).toEqual(['src-demand', 'src-trade', 'src-world']);
  });

  it('reads one end of a demand range for every figure of a sector, so that P − A = U as printed', () => {
    // Machinery exports (30) are a lower bound: every figure reads the top of 300–500, never the middle.
    const w = 10 / 90;
    const p = value(set, 'potential.exports', { sector: 'machines' });
    expect(p).toBeCloseTo(500 * w, 12);
    expect(value(set, 'potential.demandPart', { sector: 'machines' })).toBeCloseTo(500 * (40 / 300), 12);
    expect(value(set, 'potential.untapped', { sector: 'machines', rank: '1' })).toBeCloseTo(p - 30, 12);
    expect(value(set, 'opportunity.gap', { sector: 'machines' })).toBe(500 - 30);
    // Scope: the share of that demand (30 / 500) over the sector's world share.
    expect(value(set, 'opportunity.demandScope', { sector: 'machines', narrow: 'no' })).toBeCloseTo(
      30 / 500 / w,
      12,
    );
    expect(one(set, 'potential.exports', { sector: 'machines' }).note).toContain(
      'demand at the top of the published range',
    );
    // With exact exports the middle of the range, 400, is read throughout.
    const exact = compute(
      [
        ...pairYear('FY2024-25', 150, 600),
        row('FY2024-25', 'IND', 'RUS', 'export', '84', 100),
        row('FY2024-25', 'IND', 'RUS', 'export', '85', 50),
        ...world2019,
      ],
      { figures: [demand('machines', 300, 500)] },
    );
    const middle = value(exact, 'potential.exports', { sector: 'machines' });
    expect(middle).toBeCloseTo(400 * w, 12);
    expect(value(exact, 'potential.untapped', { sector: 'machines', rank: '1' })).toBeCloseTo(
      middle - 150,
      12,
    );
    expect(value(exact, 'opportunity.gap', { sector: 'machines' })).toBe(400 - 150);
  });

  it('states the period mismatch in a data note', () => {
    expect(
      set.notes.some(
        (n) => n.kind === 'basis' && n.text.includes('(demand annual, world shares 2019, exports FY2024-25)'),
      ),
    ).toBe(true);
  });

  it('is not available without world exports by chapter; untapped needs exports by chapter', () => {
    const noWorld = compute(detailed, { figures: [demand('pharma', 90)] });
    const potential = one(noWorld, 'potential.exports', { sector: 'pharma' });
    expect([potential.status, potential.needs]).toEqual([
      'not_available',
      "needs India's exports to the world by HS chapter",
    ]);
    const noDetail = compute([...pairYear('FY2024-25', 150, 600), ...world2019], {
      figures: [demand('pharma', 90)],
    });
    expect(one(noDetail, 'potential.untapped', { sector: 'pharma' }).needs).toBe(
      'needs exports to Russia by HS chapter',
    );
    expect(all(noDetail, 'potential.exports', { sector: 'machines' })).toHaveLength(0);
  });

  it('names what is really missing: world shares need other reporters, demand needs the partner', () => {
    // India's exports to the world by chapter are in the inputs; no other reporter's are.
    const alone = compute([...detailed, ...world2019.filter((r) => r.reporter === 'IND')], {
      figures: [demand('pharma', 90)],
    });
    expect(one(alone, 'potential.exports', { sector: 'pharma' }).needs).toBe(
      "needs other countries' exports to the world by HS chapter for 2019, to make up the world (the inputs hold only India's)",
    );
    expect(potentialNeeds(alone)).toBe(one(alone, 'potential.exports', { sector: 'pharma' }).needs);
    // World shares are there; the partner's demand is not.
    const noDemand = compute([...detailed, ...world2019]);
    expect(potentialNeeds(noDemand)).toBe("needs Russia's import demand by sector");
  });
});
