import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TradeRecord } from '../../src/ingest/records.ts';
import { matrixZeros } from '../../src/normalise/matrixZeros.ts';
import { ROOT, tempDir, tool, tradebrief } from '../helpers.ts';

const BACI = 'BACI_HS17_Y2022_V202401.csv';
const files = [
  { file: BACI, format: 'baci' },
  { file: 'trade.csv', format: 'canonical' },
];

function record(fields: Partial<TradeRecord>): TradeRecord {
  return {
    period: '2022',
    reporter: 'IND',
    partner: 'WLD',
    flow: 'import',
    product: '27',
    value: 1,
    unit: 'USD thousand',
    source: 'baci',
    status: 'final',
    file: BACI,
    line: 2,
    ...fields,
  };
}

describe('a flow a reconciled matrix is silent on', () => {
  // India's imports from the world and the USA's exports to it: both sides of USA → IND in the file.
  const sides = [record({}), record({ reporter: 'USA', flow: 'export' })];

  it('is zero where the matrix holds the exporter’s and the importer’s trade with the world', () => {
    const zeros = matrixZeros(
      [...sides, record({ flow: 'export' }), record({ partner: 'USA', flow: 'export', line: 7 })],
      files,
      'IND',
      'USA',
    );
    expect(zeros).toEqual([{ ...record({}), partner: 'USA', product: 'TOTAL', value: 0, line: 0 }]);
  });

  it('is not made up where the file lacks either side, or another input gives the flow', () => {
    // A file cut to some exporters, or a country BACI counts inside another: no USA exports at all.
    expect(matrixZeros([record({})], files, 'IND', 'USA')).toEqual([]);
    // Nor India's imports: a file cut to some importers.
    expect(matrixZeros([record({ reporter: 'USA', flow: 'export' })], files, 'IND', 'USA')).toEqual([]);
    const given = record({ partner: 'USA', file: 'trade.csv', product: 'TOTAL', value: 5 });
    expect(matrixZeros([...sides, given], files, 'IND', 'USA')).toEqual([]);
    // A file of another format lists only what it reports.
    const canonical = sides.map((r) => ({ ...r, file: 'trade.csv' }));
    expect(matrixZeros(canonical, files, 'IND', 'USA')).toEqual([]);
  });

  it('gives the pair’s totals in a briefing from BACI, where no USA→IND row means none', () => {
    const out = tempDir();
    const run = tradebrief([
      ...['run', '--inputs', join(ROOT, 'tests/fixtures/ingest/baci')],
      ...['--reporter', 'IND', '--partner', 'USA', '--out', out, '-q'],
    ]);
    expect(run.status).toBe(0);
    const { indicators } = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as {
      indicators: { id: string; value: number | null; dims?: Record<string, string>; refs?: string[] }[];
    };
    const value = (id: string, dims?: Record<string, string>) =>
      indicators.find((i) => i.id === id && JSON.stringify(i.dims) === JSON.stringify(dims))?.value;
    // v is in thousand USD: India's one row to the USA, 3,000; none the other way.
    expect(value('trade.exports')).toBe(3_000_000);
    expect(value('trade.imports')).toBe(0);
    expect(value('trade.total')).toBe(3_000_000 + 0);
    expect(value('trade.balance')).toBe(3_000_000 - 0);
    // India's imports from the world: Russia's two rows, (40,000 + 2,000) thousand; the USA's share 0.
    expect(value('fit.marketShare', { exporter: 'USA', importer: 'IND', basis: 'allCommodities' })).toBe(
      0 / 42_000_000,
    );
  });
});

describe('untapped potential net of the chapters where exports exceed it', () => {
  it('does not count a chapter with neither potential nor exports among them', () => {
    // HS 27 in this download: Russia imports USD 65 m, India's world share is 0, its exports 0, so
    // its untapped potential is 0 − 0: India does not sell more than that there.
    const out = tempDir();
    const inputs = join(ROOT, 'tests/fixtures/ingest/comtrade-plus-world-hs6');
    const run = tradebrief([
      'run',
      '--inputs',
      inputs,
      '--reporter',
      'IND',
      '--partner',
      'RUS',
      '--out',
      out,
      '-q',
    ]);
    expect(run.status).toBe(0);
    const text = tool('pdftotext', ['-layout', join(out, 'briefing.pdf'), '-']).replace(/\s+/g, ' ');
    expect(text).toContain('USD 594 m more than it does');
    expect(text).not.toContain('where it already sells more');
    expect(text).toContain('1 input file,');
  });
});
