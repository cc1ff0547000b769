import { describe, expect, it } from 'vitest';
import { productText as m } from '../../src/core/messages.ts';
import { headingsOf, leafLines, priceVolumeSplit, unitValueOf } from '../../src/indicators/products.ts';
import type { ProductRow } from '../../src/normalise/table.ts';
import { all, compute, one, row } from './fixtures.ts';

/** One HS4/HS6 row of the pair in USD, with its quantity (null: unknown). */
function product(
  year: number,
  flow: 'export' | 'import',
  code: string,
  valueUsd: number,
  quantity: number | null,
  quantityUnit: string | null = quantity === null ? null : 't',
  side: 'IND' | 'RUS' = 'IND',
): ProductRow {
  return {
    period: String(year),
    basis: 'calendar',
    year,
    reporter: side,
    partner: side === 'IND' ? 'RUS' : 'IND',
    flow,
    product: code,
    valueUsd,
    quantity,
    quantityUnit,
    status: 'final',
    sources: ['src-baci'],
    refs: [`baci.csv:${year}`],
  };
}

// Exports: medicaments (3004) on two lines, one without tons; computers (8471) new in 2022.
// Imports: crude oil (2709) and fertilisers (3105) with tons both years; diamonds (7102) new, no tons.
const PRODUCTS = [
  product(2021, 'export', '300490', 100, 10),
  product(2021, 'export', '300410', 50, null),
  product(2022, 'export', '300490', 180, 12),
  product(2022, 'export', '300410', 60, null),
  product(2022, 'export', '847130', 40, 2),
  product(2021, 'import', '270900', 1000, 20),
  product(2021, 'import', '310520', 200, 4),
  product(2022, 'import', '270900', 1200, 30),
  product(2022, 'import', '310520', 300, 5),
  product(2022, 'import', '710231', 80, null),
];
// Export totals above the detail (the rest unlisted); no import total, so the detail is the flow.
const TRADE = [
  row('2021', 'IND', 'RUS', 'export', 'TOTAL', 300),
  row('2022', 'IND', 'RUS', 'export', 'TOTAL', 400),
];

describe('products by HS4 heading', () => {
  const set = compute(TRADE, { products: PRODUCTS });
  const value = (id: string, dims: Record<string, string>, period = '2022') =>
    one(set, id, dims, period).value;

  it('ranks headings by their latest value, as a share of the flow, with the change on the year', () => {
    const exports = set.indicators
      .filter((i) => i.id === 'products.heading.value' && i.period === '2022' && i.dims?.flow === 'export')
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
    expect(exports.map((i) => i.dims?.heading)).toEqual(['3004', '8471']);
    // 3004 sums its two lines; the share is of the flow's total, not of the detail.
    expect(value('products.heading.value', { flow: 'export', heading: '3004' })).toBe(180 + 60);
    expect(value('products.heading.share', { flow: 'export', heading: '3004' })).toBeCloseTo(240 / 400, 12);
    expect(value('products.heading.share', { flow: 'export', heading: '8471' })).toBeCloseTo(40 / 400, 12);
    expect(value('products.heading.change', { flow: 'export', heading: '3004', from: '2021' })).toBeCloseTo(
      240 / 150 - 1,
      12,
    );
    // A heading new in the latest year has no change.
    expect(all(set, 'products.heading.change', { flow: 'export', heading: '8471', from: '2021' })).toEqual(
      [],
    );
    // Without a total, the flow is the sum of its headings.
    const imports = 1200 + 300 + 80;
    expect(value('products.heading.share', { flow: 'import', heading: '2709' })).toBeCloseTo(
      1200 / imports,
      12,
    );
    expect(one(set, 'products.heading.value', { flow: 'import', heading: '2709' }, '2022').label).toBe(
      'HS 2709 Petroleum oils and oils obtained from bituminous minerals; crude',
    );
  });

  it('gives unit values over the lines with tons only, and says how much value they cover', () => {
    const uv = one(
      set,
      'products.heading.unitValue',
      { flow: 'export', heading: '3004', quantityUnit: 't' },
      '2022',
    );
    expect(uv.value).toBeCloseTo(180 / 12, 12);
    expect(uv.unit).toBe('USD per t');
    expect(uv.status).toBe('partial');
    expect(uv.note).toContain('75.0 %');
    const line = one(
      set,
      'products.line.unitValue',
      { flow: 'import', product: '270900', quantityUnit: 't' },
      '2022',
    );
    expect(line.value).toBeCloseTo(1200 / 30, 12);
    expect(
      all(set, 'products.line.unitValue', { flow: 'import', product: '710231', quantityUnit: 't' }),
    ).toEqual([]);
  });

  it('splits the change in value into volume and price effects that add up to it (Bennet)', () => {
    // Imports: both lines have tons in both years. p = v / q.
    const lines = [
      { q0: 20, q1: 30, v0: 1000, v1: 1200 },
      { q0: 4, q1: 5, v0: 200, v1: 300 },
    ];
    let volume = 0;
    let price = 0;
    for (const { q0, q1, v0, v1 } of lines) {
      const p0 = v0 / q0;
      const p1 = v1 / q1;
      volume += ((q1 - q0) * (p0 + p1)) / 2;
      price += ((p1 - p0) * (q0 + q1)) / 2;
    }
    // By hand: crude 10 · 90 / 2 = 450 and −10 · 50 / 2 = −250; fertilisers 1 · 110 / 2 = 55 and 10 · 9 / 2 = 45.
    expect([volume, price]).toEqual([450 + 55, -250 + 45]);
    const dims = { flow: 'import', from: '2021' };
    expect(value('products.split.volume', dims)).toBeCloseTo(volume, 9);
    expect(value('products.split.price', dims)).toBeCloseTo(price, 9);
    expect(
      (value('products.split.volume', dims) ?? 0) + (value('products.split.price', dims) ?? 0),
    ).toBeCloseTo(1200 + 300 - (1000 + 200), 9);
    // The flow's whole change includes the diamonds, which have no tons: not split.
    expect(value('products.split.change', dims)).toBe(1200 + 300 + 80 - (1000 + 200));
    expect(value('products.split.coverage', dims)).toBeCloseTo((1200 + 1500) / (1200 + 1580), 12);
    // Exports: only 300490 has tons both years; the totals are the flow's.
    const x = { flow: 'export', from: '2021' };
    expect(value('products.split.volume', x)).toBeCloseTo(((12 - 10) * (10 + 15)) / 2, 9);
    expect(value('products.split.price', x)).toBeCloseTo(((15 - 10) * (10 + 12)) / 2, 9);
    expect(value('products.split.change', x)).toBe(400 - 300);
    expect(value('products.split.coverage', x)).toBeCloseTo((100 + 180) / (300 + 400), 12);
    expect(value('products.heading.price', { ...dims, heading: '2709' })).toBeCloseTo(-250, 9);
  });

  it('never mixes quantity units', () => {
    const lines = [
      product(2022, 'export', '300490', 90, 3, 'u'),
      product(2022, 'export', '300420', 30, 2, 't'),
      product(2022, 'export', '300410', 10, 1, 'u'),
    ];
    // Per unit, the unit with the most value: (90 + 10) / (3 + 1) over 100 of 130.
    expect(unitValueOf(lines)).toEqual({ value: 100 / 4, unit: 'u', covered: 100 / 130 });
    // A line counted in tons one year and in units the next is not split.
    const split = priceVolumeSplit([product(2021, 'export', '300490', 50, 2, 't')], [lines[0] as ProductRow]);
    expect(split).toEqual({ volume: 0, price: 0, before: 0, after: 0, lines: 0 });
  });

  it('uses the most detailed lines, and a heading its own row where the file gives one', () => {
    const rows = [
      product(2022, 'export', '3004', 500, 9),
      product(2022, 'export', '300490', 300, 5),
      product(2022, 'export', '8471', 70, null),
    ];
    expect(leafLines(rows).map((r) => r.product)).toEqual(['300490', '8471']);
    expect(headingsOf(rows).map((h) => [h.code, h.valueUsd])).toEqual([
      ['3004', 500],
      ['8471', 70],
    ]);
  });

  it('reads the partner’s report where the reporter has no detail, and says so', () => {
    const mirrored = compute(TRADE, { products: [product(2022, 'export', '270900', 700, 14, 't', 'RUS')] });
    const crude = one(mirrored, 'products.heading.value', { flow: 'import', heading: '2709' }, '2022');
    expect(crude.value).toBe(700);
    expect(crude.note).toContain('as Russia reports it');
  });

  it('is left out without HS4/HS6 detail, with a data note saying what it needs', () => {
    const none = compute(TRADE);
    expect(none.indicators.filter((i) => i.id.startsWith('products.'))).toEqual([]);
    expect(none.notes.map((n) => n.text)).toContain(m.notAvailable());
  });
});
