import { describe, expect, it } from 'vitest';
import { bound, indexText, percentText, usdRange } from '../../src/briefing/facts.ts';
import { keepTogether } from '../../src/briefing/typeset.ts';
import { escapeXml } from '../../src/briefing/xmp.ts';
import type { Indicator } from '../../src/indicators/types.ts';

const index = (value: number, extra: Partial<Indicator> = {}): Indicator => ({
  id: 'x',
  label: 'x',
  period: '2025',
  value,
  unit: 'index',
  formula: 'hhi',
  sources: [],
  status: 'ok',
  ...extra,
});

describe('facts as the briefing prints them', () => {
  it('gives an index with its range, and one value when the range is below the precision shown', () => {
    expect(indexText(index(0.14381, { high: 0.38341 }))).toBe('0.14 to 0.38');
    expect(indexText(index(0.85124, { high: 0.85132 }))).toBe('0.85');
    expect(indexText(index(0.0532, { high: 0.1989 }), 3)).toBe('0.053 to 0.199');
    expect(percentText(index(0.013, { unit: 'ratio' }))).toBe('1.3 %');
    expect(indexText(undefined)).toBe('n/a');
  });

  it('reads a bound from the engine’s note, and nothing else', () => {
    expect(
      bound(index(1, { note: 'world = the 97 reporters; at least: some of its chapters are not itemised' })),
    ).toBe('at least ');
    expect(bound(index(1, { note: 'demand annual, exports FY2025-26; at least' }))).toBe('at least ');
    expect(
      bound(index(1, { note: 'demand annual; at most: the exports are a lower bound; exports exceed' })),
    ).toBe('at most ');
    expect(bound(index(1, { note: 'exports exceed the potential at least in part' }))).toBe('');
    expect(bound(index(1))).toBe('');
  });

  it('writes a USD range in one unit', () => {
    expect(usdRange(2.7e9, 2.8e9)).toBe('USD 2,700–2,800 m');
    expect(usdRange(27e9, 28e9)).toBe('USD 27–28 bn');
    expect(usdRange(10e9)).toBe('USD 10 bn');
  });

  it('keeps numbers with their units and labels with their numbers', () => {
    expect(keepTogether('USD −50.9 bn, 5.6 % and HS 27 in FY 2025')).toBe(
      'USD\u00a0−50.9\u00a0bn, 5.6\u00a0% and HS\u00a027 in FY\u00a02025',
    );
    expect(keepTogether('USD m, 4,881 m and 12 months')).toBe('USD m, 4,881\u00a0m and 12 months');
  });

  it('escapes the five XML markup characters once', () => {
    expect(escapeXml(`R&D <Q1> "a" 'b' &amp;`)).toBe(
      'R&amp;D &lt;Q1&gt; &quot;a&quot; &apos;b&apos; &amp;amp;',
    );
  });
});
