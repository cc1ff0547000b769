import { describe, expect, it } from 'vitest';
import { netOf, rate, shortName } from '../../src/briefing/narrative.ts';
import { rcaText } from '../../src/charts/specs/specialisation.ts';

describe('wording the briefing’s numbers', () => {
  it('calls a fall a fall, not growth of a negative rate', () => {
    // (5.0 / 5.3)^(1/2) − 1 ≈ −2.9 %: "fallen 2.9 % a year", never "grown −2.9 %".
    const cagr = (5.0 / 5.3) ** (1 / 2) - 1;
    expect(rate(cagr, 'grown', 'fallen')).toBe('fallen 2.9 %');
    expect(rate(0.137, 'grew', 'fell')).toBe('grew 13.7 %');
  });

  it('shortens a chapter name at a clause, never to one word', () => {
    expect(shortName('Natural, cultured pearls; precious, semi-precious stones; precious metals')).toBe(
      'Natural, cultured pearls',
    );
    expect(
      shortName('Mineral fuels, mineral oils and products of their distillation; bituminous substances'),
    ).toBe('Mineral fuels');
    expect(shortName('Machinery and mechanical appliances, boilers, nuclear reactors; parts thereof')).toBe(
      'Machinery and mechanical appliances',
    );
  });

  it('gives untapped potential net of the chapters already above it', () => {
    // 85 chapters below the world share hold 2,147,006; the 7 above it −2,122,345: net 24,661.
    expect(netOf(2_147_006 - 2_122_345, 7)).toBe(
      'USD 24.7 thousand net of the 7 chapters where it already sells more',
    );
    expect(netOf(-500_000, 1)).toBe(
      'net of the 1 chapter where it already sells more, USD 500 thousand less than at that share',
    );
  });

  it('prints an RCA too small for three decimals as "<0.001" everywhere, never "0.000"', () => {
    expect(rcaText(0.000193)).toBe('<0.001');
    expect(rcaText(0)).toBe('0');
    expect(rcaText(0.0416)).toBe('0.042');
    expect(rcaText(4.2049)).toBe('4.20');
  });
});
