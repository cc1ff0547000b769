import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../src/ingest/records.ts';
import { describeScope, tradeScope } from '../../src/normalise/scope.ts';

const row = (flow: 'export' | 'import', product: string, file = 'a.csv'): TradeRecord => ({
  period: '2024',
  reporter: 'IND',
  partner: 'MYS',
  flow,
  product,
  value: 1,
  unit: 'USD',
  source: 's',
  status: 'final',
  file,
  line: 2,
});
const files = [
  { file: 'a.csv', format: 'comtrade-plus' },
  { file: 'BACI_HS17_Y2022_V202401.csv', format: 'baci' },
];
const chapterName = (code: string) =>
  code === '85' ? 'Electrical machinery and equipment; parts' : undefined;

describe('the scope of the pair’s trade', () => {
  it('is complete where every flow has a total, or comes from a dataset of every product', () => {
    expect(tradeScope([row('export', 'TOTAL'), row('import', 'TOTAL'), row('import', '27')], files)).toEqual({
      complete: true,
      products: [],
    });
    const baci = [row('export', '300490', files[1]?.file), row('import', '2709', files[1]?.file)];
    expect(tradeScope(baci, files).complete).toBe(true);
  });

  it('lists the products held where a flow has no total', () => {
    const scope = tradeScope([row('import', '8542'), row('export', '8542'), row('export', 'TOTAL')], files);
    expect(scope).toEqual({ complete: false, products: ['8542'] });
    expect(describeScope(scope, chapterName)).toEqual({
      label: 'electronic integrated circuits (HS 8542)',
      short: 'HS 8542',
    });
  });

  it('uses each chapter’s most aggregated codes, as the chapter sums do', () => {
    const scope = tradeScope(
      [row('import', '2401'), row('import', '240110'), row('import', '240120'), row('import', '854231')],
      files,
    );
    expect(scope.products).toEqual(['2401', '854231']);
    expect(describeScope(scope, chapterName)?.label).toBe(
      'tobacco (HS 2401); HS 854231, part of electronic integrated circuits',
    );
  });

  it('counts products past three, and names chapters from the nomenclature', () => {
    expect(describeScope({ complete: false, products: ['85'] }, chapterName)?.label).toBe(
      'electrical machinery and equipment (HS 85)',
    );
    const many = { complete: false, products: ['8541', '8542', '8543', '8471'] };
    expect(describeScope(many, chapterName)).toEqual({
      label: '4 products in HS 85, 84',
      short: '4 products',
    });
    expect(describeScope({ complete: true, products: [] }, chapterName)).toBeUndefined();
  });
});
