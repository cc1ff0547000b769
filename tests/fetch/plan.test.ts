import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { comtradeArea } from '../../src/fetch/areas.ts';
import { datasetStatus } from '../../src/fetch/availability.ts';
import type { DatasetEntry } from '../../src/fetch/manifest.ts';
import { defaultYears, parseYears, planSides } from '../../src/fetch/plan.ts';

describe('what the fetch asks for', () => {
  it("uses Comtrade's own area codes where they are not ISO 3166 numeric", () => {
    const codes = ['IND', 'RUS', 'USA', 'FRA', 'CHE', 'NOR', 'TWN', 'DEU', 'CHN', 'WLD'].map(
      (iso3) => comtradeArea(iso3)?.code,
    );
    // Reporters.json: India 699 (356 is "India (...1974)"), USA 842, France 251, Switzerland 757,
    // Norway 579, Taiwan as "Other Asia, nes" 490; Russia 643, Germany 276, China 156 as ISO; World 0.
    expect(codes).toEqual([699, 643, 842, 251, 757, 579, 490, 276, 156, 0]);
    expect(comtradeArea('XYZ')).toBeUndefined();
  });

  it('asks each side of the pair for its trade with the other and the World', () => {
    const sides = planSides('IND', ['RUS', 'CHN']).map(
      (s) => `${s.reporter.code}:${s.partners.map((p) => p.code).join(',')}`,
    );
    expect(sides).toEqual(['699:643,156', '643:699', '156:699']);
  });

  it('reads a year or a range of years, and refuses anything else', () => {
    expect(parseYears('2019')).toEqual([2019]);
    expect(parseYears('2015-2018')).toEqual([2015, 2016, 2017, 2018]);
    expect(parseYears(undefined)).toBeUndefined();
    for (const bad of ['2019-2015', '19', '2019,2020', '1900', 'last'])
      expect(() => parseYears(bad), bad).toThrow(InputError);
  });

  it('by default takes the latest ten years up to the newest any side has published', () => {
    expect(defaultYears([2019, 2020, 2021, 2023, 2022])).toEqual([
      2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023,
    ]);
    expect(defaultYears([])).toEqual([]);
  });

  it('downloads a reporter-year again when its release stamp, request or file changed', () => {
    const stamp = {
      classificationCode: 'H6',
      lastReleased: '2024-10-06T10:53:32.8266667',
      datasetChecksum: '-1349953107',
      totalRecords: 1631459,
    };
    const entry = { scope: 'a', sha256: 'f', release: [stamp] } as DatasetEntry;
    expect(datasetStatus(undefined, [stamp], 'a', undefined)).toBe('new');
    expect(datasetStatus(entry, [stamp], 'a', 'f')).toBe('unchanged');
    expect(datasetStatus(entry, [{ ...stamp, lastReleased: '2025-01-12T02:32:26.3933333' }], 'a', 'f')).toBe(
      'revised',
    );
    expect(datasetStatus(entry, [{ ...stamp, datasetChecksum: '527449718' }], 'a', 'f')).toBe('revised');
    expect(datasetStatus(entry, [stamp], 'b', 'f')).toBe('rescoped');
    expect(datasetStatus(entry, [stamp], 'a', undefined)).toBe('altered');
  });
});
