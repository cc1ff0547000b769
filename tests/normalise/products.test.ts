import { describe, expect, it } from 'vitest';
import type { ProductRecord } from '../../src/ingest/records.ts';
import { toProductRows } from '../../src/normalise/products.ts';

/** One ingested HS4/HS6 record of SYNTHETIC figures. */
function record(over: Partial<ProductRecord>): ProductRecord {
  return {
    period: '2023',
    reporter: 'IND',
    partner: 'RUS',
    flow: 'export',
    product: '300490',
    value: 100,
    unit: 'USD thousand',
    quantity: 2500,
    quantityUnit: 'kg',
    source: 'comtrade',
    status: 'final',
    file: 'a.csv',
    line: 2,
    ...over,
  };
}

describe('the pair’s product rows', () => {
  const toUsd = (r: ProductRecord) => (r.unit === 'USD thousand' ? r.value * 1000 : r.value);

  it('are in USD with weights in tons, other units as the file names them, unknown quantities kept unknown', () => {
    const rows = toProductRows(
      [
        record({}),
        record({ product: '300420', quantity: 40, quantityUnit: 'u', line: 3 }),
        record({ product: '300410', quantity: null, quantityUnit: null, line: 4 }),
      ],
      { reporter: 'IND', partner: 'RUS' },
      toUsd,
      [],
    );
    expect(rows.map((r) => [r.product, r.valueUsd, r.quantity, r.quantityUnit, r.refs[0]])).toEqual([
      ['300410', 100_000, null, null, 'a.csv:4'],
      ['300420', 100_000, 40, 'u', 'a.csv:3'],
      ['300490', 100_000, 2500 / 1000, 't', 'a.csv:2'],
    ]);
  });

  it('keep one row per product and flow, the preferred source’s, and only the pair’s', () => {
    const rows = toProductRows(
      [
        record({ source: 'comtrade', value: 100 }),
        record({ source: 'baci', value: 90, file: 'b.csv' }),
        record({ partner: 'USA', line: 5 }),
        record({ flow: 're-export', line: 6 }),
        record({ reporter: 'RUS', partner: 'IND', flow: 'import', value: 95, line: 7 }),
      ],
      { reporter: 'IND', partner: 'RUS' },
      toUsd,
      ['baci', 'comtrade'],
    );
    expect(rows.map((r) => [r.reporter, r.flow, r.valueUsd, r.sources[0]])).toEqual([
      ['IND', 'export', 90_000, 'baci'],
      ['RUS', 'import', 95_000, 'comtrade'],
    ]);
  });
});
