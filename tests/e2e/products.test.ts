import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSyntheticBaci } from '../../bench/syntheticBaci.ts';
import type { Indicator, IndicatorSet } from '../../src/indicators/types.ts';
import { tempDir, tool, tradebrief } from '../helpers.ts';

/** BACI's codes for India and Russia. */
const INDIA = '699';
const RUSSIA = '643';

interface Line {
  value: number;
  tons: number | null;
}

/** India's HS6 lines with Russia in one SYNTHETIC BACI year, each way, in USD and tons, read as text. */
function pairLines(file: string): Record<'export' | 'import', Map<string, Line>> {
  const lines = { export: new Map<string, Line>(), import: new Map<string, Line>() };
  for (const text of readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
    const [, i, j, k = '', v = '', q = ''] = text.split(',');
    const flow = i === INDIA && j === RUSSIA ? 'export' : i === RUSSIA && j === INDIA ? 'import' : undefined;
    if (!flow) continue;
    const tons = q.trim() === 'NA' ? null : Number(q);
    lines[flow].set(k.padStart(6, '0'), { value: Number(v) * 1000, tons });
  }
  return lines;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

describe('the products section from a BACI folder', () => {
  it('ranks headings, splits each flow’s change into price and volume, as sums of the files give them', async () => {
    // Two SYNTHETIC BACI-shaped years among 8 countries: the same rows, values and tons moved.
    const inputs = tempDir();
    const y2021 = await writeSyntheticBaci(inputs, 20_000, 8, 2021);
    const y2022 = await writeSyntheticBaci(inputs, 20_000, 8, 2022);
    const out = tempDir();
    const run = tradebrief([
      'run',
      '--inputs',
      inputs,
      '--out',
      out,
      '--reporter',
      'IND',
      '--partner',
      'RUS',
    ]);
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
    const set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
    // The latest year's: every indicator of this section but the yearly heading values is filed there.
    const find = (id: string, dims: Record<string, string>) =>
      set.indicators.find(
        (i: Indicator) =>
          i.id === id && i.period === '2022' && Object.entries(dims).every(([k, v]) => i.dims?.[k] === v),
      );
    const before = pairLines(y2021.file);
    const after = pairLines(y2022.file);

    for (const flow of ['export', 'import'] as const) {
      // Headings: the sum of their HS6 lines; the largest first.
      const headings = new Map<string, number>();
      for (const [code, line] of after[flow])
        headings.set(code.slice(0, 4), (headings.get(code.slice(0, 4)) ?? 0) + line.value);
      const [top, topValue] = [...headings].sort((a, b) => b[1] - a[1])[0] as [string, number];
      const total = sum([...after[flow].values()].map((l) => l.value));
      const value = find('products.heading.value', { flow, heading: top });
      expect(value?.value).toBeCloseTo(topValue, 2);
      expect(find('products.heading.share', { flow, heading: top })?.value).toBeCloseTo(topValue / total, 9);
      const csv = readFileSync(join(out, 'tables', 'products.csv'), 'utf8').split('\n');
      expect(csv.find((row) => row.startsWith(`${flow},1,`))?.split(',')[2]).toBe(top);

      // Bennet over the lines with tons both years: volume + price = their change in value.
      let volume = 0;
      let price = 0;
      let covered = 0;
      for (const [code, l1] of after[flow]) {
        const l0 = before[flow].get(code);
        if (!l0 || l0.tons === null || l1.tons === null || !(l0.tons > 0 && l1.tons > 0)) continue;
        const [p0, p1] = [l0.value / l0.tons, l1.value / l1.tons];
        volume += ((l1.tons - l0.tons) * (p0 + p1)) / 2;
        price += ((p1 - p0) * (l0.tons + l1.tons)) / 2;
        covered += l0.value + l1.value;
      }
      const all = total + sum([...before[flow].values()].map((l) => l.value));
      const dims = { flow, from: '2021' };
      // Cents are rounded line by line on the way in: a few cents over hundreds of lines.
      expect(Math.abs((find('products.split.volume', dims)?.value ?? 0) - volume)).toBeLessThan(1);
      expect(Math.abs((find('products.split.price', dims)?.value ?? 0) - price)).toBeLessThan(1);
      expect(find('products.split.coverage', dims)?.value).toBeCloseTo(covered / all, 6);
      expect(covered).toBeGreaterThan(0);
    }
    const text = tool('pdftotext', ['-layout', join(out, 'briefing.pdf'), '-']);
    expect(text).toContain('Products');
    expect(text).toContain('Top products traded between India and Russia');
    expect(text).toContain('(Bennet');
  });
});
