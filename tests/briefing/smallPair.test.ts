import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tempDir, tool } from '../helpers.ts';
import { type Built, buildBriefing, setFrom } from './build.ts';

/**
 * SYNTHETIC BACI-shaped rows (t,i,j,k,v,q; v in thousand USD; 699 is India in BACI) for a pair whose
 * flows are a few hundred thousand USD a year, with some trade with China so that world shares exist
 * and Russia's imports from the world (USD 25 m) dwarf what India sells it.
 */
const ROWS = [
  [2022, 156, 643, 300490, 25210.5, 12.5],
  [2022, 156, 699, 851712, 8120.25, 3.25],
  [2022, 643, 156, 270900, 9400.75, 210.5],
  [2022, 643, 699, 270900, 210.3, 4.125],
  [2022, 643, 699, 310520, 15.2, 2.5],
  [2022, 699, 156, 300490, 3105.5, 1.75],
  [2022, 699, 643, 300490, 120.62, 0.25],
  [2022, 699, 643, 851712, 64.25, 0.5],
  [2023, 156, 643, 300490, 25330.25, 13],
  [2023, 156, 699, 851712, 8240.5, 3.5],
  [2023, 643, 156, 270900, 9250.5, 215.25],
  [2023, 643, 699, 270900, 180.2, 3.75],
  [2023, 643, 699, 310520, 22.6, 3.5],
  [2023, 699, 156, 300490, 3220.75, 1.875],
  [2023, 699, 643, 300490, 150, 0.375],
  [2023, 699, 643, 851712, 70.4, 0.625],
] as const;

/** USD of one direction of the pair in a year, summed from the rows (v is in thousand USD). */
const flow = (exporter: number, importer: number, year: number) =>
  ROWS.filter(([t, i, j]) => t === year && i === exporter && j === importer).reduce(
    (sum, row) => sum + row[4] * 1000,
    0,
  );

/** USD of one direction of the pair in a year and HS chapter. */
const chapterFlow = (exporter: number, importer: number, year: number, chapter: string) =>
  ROWS.filter(
    ([t, i, j, k]) => t === year && i === exporter && j === importer && String(k).startsWith(chapter),
  ).reduce((sum, row) => sum + row[4] * 1000, 0);

/** USD of a chapter's exports from every exporter in the rows to everyone, in a year. */
const worldExports = (year: number, chapter: string, exporter?: number) =>
  ROWS.filter(
    ([t, i, , k]) =>
      t === year && (exporter === undefined || i === exporter) && String(k).startsWith(chapter),
  ).reduce((sum, row) => sum + row[4] * 1000, 0);

/** The way the briefing writes thousands: whole from a hundred, one decimal below, grouped by commas. */
const thousands = (usd: number) => {
  const value = Math.abs(usd) / 1000;
  const text = value >= 99.95 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
  return `${usd < 0 ? '−' : ''}${text}`;
};

describe('the briefing of a small pair (SYNTHETIC, flows of about USD 200 thousand)', () => {
  let set: IndicatorSet;
  let built: Built;
  let text: string;
  beforeAll(async () => {
    const dir = tempDir('tradebrief-small-pair-');
    for (const year of [2022, 2023]) {
      const lines = ROWS.filter(([t]) => t === year).map((r) => r.join(','));
      writeFileSync(join(dir, `BACI_HS17_Y${year}_V202401.csv`), `t,i,j,k,v,q\n${lines.join('\n')}\n`);
    }
    writeFileSync(
      join(dir, 'country_codes_V202401.csv'),
      'country_code,country_name,country_iso2,country_iso3\n156,China,CN,CHN\n643,Russian Federation,RU,RUS\n699,India,IN,IND\n',
    );
    set = await setFrom(dir, { reporter: 'IND', partner: 'RUS' });
    built = await buildBriefing(set);
    text = tool('pdftotext', ['-layout', built.file, '-']);
  }, 120_000);

  it('writes the cover and the findings in thousands, never as "<0.1 m"', () => {
    const exports = flow(699, 643, 2023);
    const imports = flow(643, 699, 2023);
    // 150 + 70.4 = 220.4 thousand exported, 180.2 + 22.6 = 202.8 thousand imported: 423.2 thousand.
    expect(exports).toBeCloseTo(220_400, 6);
    expect(imports).toBeCloseTo(202_800, 6);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`USD ${thousands(exports + imports)} thousand`);
    expect(flat).toContain(
      `India imported USD ${thousands(imports)} thousand and exported USD ${thousands(exports)} thousand`,
    );
    expect(flat).toContain(`a balance of USD ${thousands(exports - imports)} thousand`);
    expect(flat).not.toMatch(/<0\.1 m|USD 0\.\d m|USD 0\.0/);
  });

  it('prints the balance table in USD thousand, each cell summed from the file', () => {
    // The headers wrap in their columns: "Exports, USD" above "thousand", four times.
    const header = text.slice(text.indexOf('Exports, USD'), text.indexOf('Exports, USD') + 400);
    expect(header).toMatch(
      /Exports, USD\s+Imports, USD\s+Total, USD\s+Balance, USD[^\n]*\n\s*(thousand\s+){4}/,
    );
    for (const year of [2022, 2023]) {
      const x = flow(699, 643, year);
      const m = flow(643, 699, year);
      const cells = [x, m, x + m, x - m].map(thousands);
      expect(text).toMatch(
        new RegExp(`\\n\\s*${year}\\s+${cells.map((c) => c.replace('.', '\\.')).join('\\s+')}\\s`),
      );
    }
  });

  it('draws the charts on a USD thousand scale and says so on the axis and in the subtitle', () => {
    for (const id of ['trade-over-time', 'import-composition', 'export-composition']) {
      const chart = built.charts.find((c) => c.id === id);
      expect(chart?.svg, id).toMatch(/^<svg/);
      expect(chart?.svg, id).toContain('USD thousand');
      expect(JSON.stringify(chart?.spec), id).toContain('"title":"USD thousand"');
    }
    // HS 27 is the largest chapter imported in 2023: 180.2 thousand of 202.8, drawn as 180.2 on the axis.
    const fuels = chapterFlow(643, 699, 2023, '27');
    const share = ((100 * fuels) / flow(643, 699, 2023)).toFixed(1);
    const spec = JSON.stringify(built.charts.find((c) => c.id === 'import-composition')?.spec);
    expect(spec).toContain(`"amount":${fuels / 1000}`);
    expect(spec).toContain(`"text":"${thousands(fuels)} thousand · ${share} %"`);
  });

  it('prints the export potential table in the unit of potential and exports, not of the larger demand', () => {
    // HS 30 in 2023: Russia imports 25,330.25 + 150 thousand from the world; India sells 3,220.75 + 150
    // thousand of the 28,701 thousand all exporters sell; potential = demand × world share.
    const demand = chapterFlow(156, 643, 2023, '30') + chapterFlow(699, 643, 2023, '30');
    const share = worldExports(2023, '30', 699) / worldExports(2023, '30');
    const potential = demand * share;
    const untapped = potential - chapterFlow(699, 643, 2023, '30');
    expect(demand).toBeGreaterThan(1e7);
    expect(potential).toBeLessThan(1e7);
    const flat = text.replace(/\s+/g, ' ');
    // HS 85, where India already sells more than the potential, is in tables/potential.csv, not this table.
    expect(flat).toContain('USD thousand, 2023; the largest untapped potential of 2 chapters');
    const table = flat.slice(
      flat.indexOf('the largest untapped potential of 2 chapters'),
      flat.indexOf('By HS4'),
    );
    expect(table).toContain('30 Pharmaceutical products');
    expect(table).not.toContain('85 Electrical');
    expect(flat).toContain('USD thousand, 2023; the largest untapped potential of 2 HS4 headings');
    expect(flat).toContain('the largest untapped potential is 3004 medicaments');
    expect(flat).toContain('one has some left');
    expect(flat).toMatch(
      new RegExp(
        `30 Pharmaceutical products ${thousands(demand)} [\\d.]+ % [\\d.]+ % ${thousands(potential)} ${thousands(150_000)} ${thousands(untapped)}`,
      ),
    );
  });
});
