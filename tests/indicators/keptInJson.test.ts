import { describe, expect, it } from 'vitest';
import { keptInJson } from '../../src/indicators/keptInJson.ts';
import { indicator, setOf } from '../charts/fixtures.ts';

describe('what indicators.json keeps', () => {
  it("keeps a flow's headings in its latest year only, and no HS6 line, every other row whole", () => {
    const rows = [
      indicator('trade.exports', '2021', 5e6),
      indicator('trade.exports', '2022', 6e6),
      indicator('composition.chapter.value', '2021', 2e6, { dims: { flow: 'export', chapter: '30' } }),
      indicator('products.heading.value', '2021', 1e6, { dims: { flow: 'export', heading: '3004' } }),
      indicator('products.heading.value', '2022', 1.2e6, { dims: { flow: 'export', heading: '3004' } }),
      indicator('products.heading.change', '2022', 0.2, { dims: { flow: 'export', heading: '3004' } }),
      // Imports are itemised by heading in 2021 only: that is their latest year.
      indicator('products.heading.value', '2021', 3e6, { dims: { flow: 'import', heading: '2709' } }),
      indicator('products.line.unitValue', '2022', 412, { dims: { flow: 'export', line: '300490' } }),
    ];
    const kept = keptInJson(setOf(rows)).indicators;
    expect(kept.map((i) => `${i.id} ${i.period} ${i.dims?.flow ?? ''}`)).toEqual([
      'trade.exports 2021 ',
      'trade.exports 2022 ',
      'composition.chapter.value 2021 export',
      'products.heading.value 2022 export',
      'products.heading.change 2022 export',
      'products.heading.value 2021 import',
    ]);
  });
});
