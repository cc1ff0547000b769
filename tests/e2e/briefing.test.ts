import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { type Run, tempDir, tool, tradebrief } from '../helpers.ts';

const out = tempDir();
let run: Run;
let text: string;
let set: IndicatorSet;

const value = (id: string, period: string, dims: Record<string, string> = {}) =>
  set.indicators.find(
    (i) => i.id === id && i.period === period && Object.entries(dims).every(([k, v]) => i.dims?.[k] === v),
  )?.value;

beforeAll(() => {
  run = tradebrief(['run', '--out', out]);
  text = tool('pdftotext', ['-layout', join(out, 'briefing.pdf'), '-']);
  set = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as IndicatorSet;
});

describe('the default India–Russia briefing', () => {
  it('builds with exit code 0 and writes every output the contract names', () => {
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    for (const file of [
      'briefing.pdf',
      'indicators.json',
      'manifest.json',
      'charts/index.json',
      'tables/trade.csv',
    ]) {
      expect(readFileSync(join(out, file)).length).toBeGreaterThan(0);
    }
    // PNGs of the charts only on request (--png).
    expect(existsSync(join(out, 'charts/trade-over-time.png'))).toBe(false);
    const charts = JSON.parse(readFileSync(join(out, 'charts/index.json'), 'utf8')) as {
      id: string;
      files?: object;
      missing?: string;
    }[];
    expect(charts.filter((c) => c.files).length).toBeGreaterThanOrEqual(6);
    // A chart these inputs can't support says what it needs: composition over time (one year itemised),
    // the untapped potential by chapter (none of Russia's imports from the world).
    for (const chart of charts.filter((c) => !c.files)) expect(chart.missing).toMatch(/^needs /);
    for (const chart of charts.filter((c) => c.files)) {
      expect(readFileSync(join(out, `charts/${chart.id}.svg`), 'utf8')).toMatch(/^<svg/);
      expect(JSON.parse(readFileSync(join(out, `charts/${chart.id}.vl.json`), 'utf8')).$schema).toContain(
        'vega-lite',
      );
    }
  });

  it('computes the headline numbers from the DGCI&S figures', () => {
    // FY2024-25, US$ million: exports 4,881.30, imports 63,811.44 (FTSPCC).
    expect(value('trade.exports', 'FY2024-25')).toBeCloseTo(4_881.3e6, 0);
    expect(value('trade.imports', 'FY2024-25')).toBeCloseTo(63_811.44e6, 0);
    expect(value('trade.total', 'FY2024-25')).toBeCloseTo((4_881.3 + 63_811.44) * 1e6, 0);
    expect(value('trade.balance', 'FY2024-25')).toBeCloseTo((4_881.3 - 63_811.44) * 1e6, 0);
    expect(value('trade.coverage', 'FY2024-25')).toBeCloseTo(4_881.3 / 63_811.44, 12);
    // FY2025-26 chapter 27 imports over all imports: 47,824.9 / 55,369.62 (FTSPCC total preferred over EIDB's).
    expect(value('composition.chapter.share', 'FY2025-26', { flow: 'import', chapter: '27' })).toBeCloseTo(
      47_824.9 / 55_369.62,
      12,
    );
    const total = (x: number, m: number) => x + m;
    expect(value('growth.total.yoy', 'FY2025-26')).toBeCloseTo(
      total(4_493.51, 55_369.62) / total(4_881.3, 63_811.44) - 1,
      12,
    );
    expect(value('growth.total.cagr', 'FY2010-11–FY2025-26')).toBeCloseTo(
      (total(4_493.51, 55_369.62) / total(1_689.5, 3_600.02)) ** (1 / 15) - 1,
      12,
    );
  });

  it('says the key figures in the PDF', () => {
    for (const phrase of [
      '4,881',
      '63,811',
      '68.7 bn',
      '\u221258.9 bn',
      '7.6 %',
      '86.4 %',
      '\u221212.9 %',
      '17.6 %',
      'USD 100 bn',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).toContain('Data notes');
    expect(text).toContain('Methodology');
    expect(text).toMatch(/not corroborated/);
  });

  it('names the HS revisions of the inputs, where one download mixes them', () => {
    // The 97-reporter Comtrade file: most reporters in H5, some in H4 and H3.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'The inputs mix HS revisions: HS 2007; HS 2012; HS 2017; HS (revision not stated). Chapters change little between them',
    );
  });

  it("prints each country's own-language name from the config on the cover", () => {
    const cover = tool('pdftotext', ['-l', '1', join(out, 'briefing.pdf'), '-']);
    expect(cover).toContain('India · भारत – Russia · Россия');
  });

  it("keeps the published demand for export potential, and says computing it needs Russia's imports by chapter", () => {
    // The inputs hold exports to the world by chapter, but none of Russia's imports from the world.
    expect(set.indicators.find((i) => i.id === 'matrix.demand')?.needs).toBe(
      "needs Russia's imports from the world by HS chapter",
    );
    expect(set.indicators.some((i) => i.id === 'matrix.potential')).toBe(false);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(
      "Computing demand from the data, by HS chapter, needs Russia's imports from the world by HS chapter; the inputs do not hold them, so the demand here is as published.",
    );
  });

  it('is an A4 PDF of several pages with every font embedded, and passes qpdf --check', () => {
    const info = tool('pdfinfo', [join(out, 'briefing.pdf')]);
    expect(info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(8);
    expect(info).toMatch(/Tagged:\s+yes/);
    const fonts = tool('pdffonts', [join(out, 'briefing.pdf')])
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/ yes yes yes /);
    expect(tool('qpdf', ['--check', join(out, 'briefing.pdf')])).toContain(
      'No syntax or stream encoding errors',
    );
  });

  it('cites a source for every value', () => {
    const ids = new Set(set.sources.map((s) => s.id));
    for (const indicator of set.indicators.filter((i) => i.value !== null)) {
      expect(indicator.sources.length, indicator.id).toBeGreaterThan(0);
      for (const id of indicator.sources) expect(ids.has(id), `${indicator.id} cites ${id}`).toBe(true);
    }
  });

  it('gives byte-identical outputs from the same inputs in another folder, time zone and locale', () => {
    const again = tempDir();
    const elsewhere = { TZ: 'Pacific/Kiritimati', LANG: 'lt_LT.UTF-8', LC_ALL: 'lt_LT.UTF-8' };
    expect(tradebrief(['run', '--out', again], elsewhere).status).toBe(0);
    for (const file of [
      'briefing.pdf',
      'indicators.json',
      'manifest.json',
      'charts/trade-over-time.svg',
      'tables/indicators.csv',
    ]) {
      expect(readFileSync(join(again, file)).equals(readFileSync(join(out, file))), file).toBe(true);
    }
  });
});
