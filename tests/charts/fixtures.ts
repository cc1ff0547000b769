import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';

/** Small indicator sets for chart tests: values chosen in each test, everything else fixed. */
export function indicator(
  id: string,
  period: string,
  value: number,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    label: id,
    period,
    value,
    unit: 'USD',
    formula: 'reported',
    sources: ['s'],
    status: 'ok',
    ...extra,
  };
}

export function setOf(indicators: Indicator[]): IndicatorSet {
  return {
    schema: 'tradebrief/indicators@1',
    meta: {
      reporter: 'IND',
      partner: 'RUS',
      reporterName: 'India',
      partnerName: 'Russia',
      title: 't',
      subtitle: '',
      organisation: { name: 'o', accent: '#0b4f8a' },
      vintage: { period: 'FY2024-25', basis: 'fiscal', provisional: false },
    },
    indicators,
    chapters: [
      { code: '27', name: 'Mineral fuels, mineral oils', sector: 'fuels' },
      { code: '30', name: 'Pharmaceutical products', sector: 'pharma' },
      { code: '31', name: 'Fertilizers', sector: 'fert' },
      { code: '52', name: 'Cotton', sector: 'other' },
    ],
    sectors: [
      { id: 'pharma', name: 'Pharmaceuticals', chapters: ['30'] },
      { id: 'eng', name: 'Engineering goods', chapters: ['84'] },
    ],
    formulas: {},
    notes: [],
    sources: [{ id: 's', title: 'T', publisher: 'Publisher S', url: '', note: '' }],
    coverage: { files: [], rejects: {} },
  };
}
