import { describe, expect, it } from 'vitest';
import { compute, demand, detailed, one } from './fixtures.ts';

describe('opportunity: sector gaps from published demand', () => {
  const set = compute(detailed, { figures: [demand('pharma', 1000), demand('machines', 300, 500)] });

  it('gives the gap between demand and exports, and the share of demand supplied', () => {
    const gap = one(set, 'opportunity.gap', { sector: 'pharma' }, 'FY2024-25');
    expect(gap.value).toBe(1000 - 60);
    expect(gap.note).toBe('demand annual, exports FY2024-25');
    expect(gap.sources).toEqual(['src-demand', 'src-trade']);
    expect(one(set, 'opportunity.shareOfDemand', { sector: 'pharma' }).value).toBe(60 / 1000);
  });

  it('with exports a lower bound, takes the top of the demand range, so the gap is a true upper bound', () => {
    const gap = one(set, 'opportunity.gap', { sector: 'machines' });
    // Demand 300–500, exports at least 30: the gap is at most 500 − 30.
    expect(gap.value).toBe(500 - 30);
    expect(one(set, 'opportunity.shareOfDemand', { sector: 'machines' }).value).toBe(30 / 500);
    expect(gap.status).toBe('partial');
    expect(gap.note).toMatch(/exports are a lower bound, so the gap is an upper bound$/);
    const demandFigure = one(set, 'opportunity.demand', { sector: 'machines', confidence: 'medium' });
    expect([demandFigure.value, demandFigure.high]).toEqual([300, 500]);
  });
});
