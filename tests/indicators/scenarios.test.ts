import { describe, expect, it } from 'vitest';
import { capturedExports, scenarioOutcome } from '../../src/indicators/scenarios.ts';
import { compute, demand, detailed, one, value } from './fixtures.ts';

describe('capture', () => {
  it('raises sector exports to share × demand, never lowers them', () => {
    expect(capturedExports(1000, 0.5, 60)).toBe(0.5 * 1000 - 60);
    expect(capturedExports(1000, 0.05, 60)).toBe(0);
  });

  it('gives exports, balance and coverage with imports unchanged', () => {
    expect(scenarioOutcome(150, 600, 440)).toEqual({ exports: 590, balance: 590 - 600, coverage: 590 / 600 });
    expect(scenarioOutcome(150, 0, 10).coverage).toBeNull();
  });
});

describe('scenario indicators', () => {
  const scenarios = [
    { id: 'pharma-half', name: 'Half of pharma demand', sectors: ['pharma'], shareOfPartnerDemand: 0.5 },
    { id: 'both-10', name: 'A tenth of both', sectors: ['pharma', 'machines'], shareOfPartnerDemand: 0.1 },
    { id: 'pharma-5', name: 'Five per cent of pharma', sectors: ['pharma'], shareOfPartnerDemand: 0.05 },
    { id: 'fuels-20', name: 'A fifth of fuels', sectors: ['fuels'], shareOfPartnerDemand: 0.2 },
  ];
  const set = compute(detailed, {
    figures: [demand('pharma', 1000), demand('machines', 300, 500)],
    config: { scenarios },
  });

  it('adds exports on the latest period with exports by chapter', () => {
    // FY2024-25: exports 150, imports 600, pharma exports 60.
    const added = 0.5 * 1000 - 60;
    expect(
      value(set, 'scenario.addedExports', { scenario: 'pharma-half', sector: 'pharma' }, 'FY2024-25'),
    ).toBe(added);
    expect(value(set, 'scenario.exports', { scenario: 'pharma-half' })).toBe(150 + added);
    expect(value(set, 'scenario.balance', { scenario: 'pharma-half' })).toBe(150 + added - 600);
    const coverage = one(set, 'scenario.coverage', { scenario: 'pharma-half' });
    expect(coverage.value).toBe((150 + added) / 600);
    expect([coverage.status, coverage.unit]).toEqual(['ok', 'ratio']);
    expect(coverage.note).toBe(
      'FY2024-25 exports and imports; demand annual; imports, other sectors and demand unchanged',
    );
  });

  it('applies the share to each sector; a lower-bound sector makes the result an upper bound', () => {
    const pharma = 0.1 * 1000 - 60;
    // Machines exports (30) are a lower bound, so the addition is an upper bound: the top of the range.
    const machines = 0.1 * 500 - 30;
    const machinesAdded = one(set, 'scenario.addedExports', { scenario: 'both-10', sector: 'machines' });
    expect(machinesAdded.value).toBeCloseTo(machines, 12);
    expect(machinesAdded.status).toBe('partial');
    const exports = one(set, 'scenario.exports', { scenario: 'both-10' });
    expect(exports.value).toBeCloseTo(150 + pharma + machines, 12);
    expect(exports.status).toBe('partial');
  });

  it('adds nothing where exports already reach the share', () => {
    expect(value(set, 'scenario.addedExports', { scenario: 'pharma-5', sector: 'pharma' })).toBe(0);
    expect(value(set, 'scenario.exports', { scenario: 'pharma-5' })).toBe(150);
  });

  it("is not available without the partner's demand for a sector", () => {
    const fuels = one(set, 'scenario.exports', { scenario: 'fuels-20' });
    expect([fuels.status, fuels.needs]).toEqual(['not_available', "needs Russia's import demand for fuels"]);
  });
});
