import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tradebrief } from '../helpers.ts';

// SYNTHETIC canonical rows, made up for this test: every pair of twelve countries and each one's trade
// with the world, by HS chapter, 2015–2024. Over 2 MiB, so the file is streamed.
const COUNTRIES = ['IND', 'RUS', 'USA', 'CHN', 'DEU', 'FRA', 'BRA', 'ZAF', 'ARE', 'JPN', 'TUR', 'EGY'];
const HEADER = 'period,reporter,partner,flow,product,value,unit,source';
const SOURCES =
  'id,title,publisher,url\nsyn,SYNTHETIC figures (not real data),tradebrief tests,https://example.org\n';

function allRows(): string[] {
  let state = 5;
  const rows: string[] = [];
  for (let year = 2015; year <= 2024; year++)
    for (const reporter of COUNTRIES)
      for (const partner of [...COUNTRIES, 'WLD']) {
        if (partner === reporter) continue;
        for (const flow of ['export', 'import'])
          for (let chapter = 1; chapter <= 28; chapter++) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const value = ((state % 9_000_000) / 1000 + 1).toFixed(3);
            rows.push(
              `${year},${reporter},${partner},${flow},${String(chapter).padStart(2, '0')},${value},USD mn,syn`,
            );
          }
      }
  return rows;
}

/**
 * The rows a briefing on India–Russia reads, picked by hand: the pair's flows as either reports them,
 * with each other or with the world, and every country's exports to the world.
 */
function neededRows(rows: string[]): string[] {
  const pair = ['IND', 'RUS'];
  return rows.filter((row) => {
    const [, reporter = '', partner = '', flow] = row.split(',');
    if (pair.includes(reporter) && [...pair, 'WLD'].includes(partner)) return true;
    return partner === 'WLD' && flow === 'export';
  });
}

function briefingOf(rows: string[]) {
  const inputs = join(tempDir(), 'inputs');
  mkdirSync(inputs);
  writeFileSync(join(inputs, 'sources.csv'), SOURCES);
  writeFileSync(join(inputs, 'trade.csv'), `${HEADER}\n${rows.join('\n')}\n`);
  const out = join(tempDir(), 'out');
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
    '-q',
  ]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const indicators = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8'));
  return {
    inputBytes: statSync(join(inputs, 'trade.csv')).size,
    stageBytes: statSync(join(out, 'stages', 'ingest.json')).size,
    indicators,
  };
}

describe('a canonical file holding every pair', () => {
  it('gives the indicators of the file holding only the rows the briefing needs, from a small stage file', () => {
    const rows = allRows();
    const needed = neededRows(rows);
    expect(rows.length).toBe(10 * 12 * 12 * 2 * 28);
    // India and Russia with each other and the world (2 × 2 partners, 10 years, 2 flows, 28 chapters),
    // and ten other countries' exports to the world.
    expect(needed.length).toBe(2 * 2 * 10 * 2 * 28 + 10 * 10 * 28);
    const all = briefingOf(rows);
    const only = briefingOf(needed);
    expect(all.inputBytes).toBeGreaterThan(2 * 1024 * 1024);
    for (const part of ['indicators', 'chapters', 'sectors', 'formulas', 'notes', 'sources'])
      expect(all.indicators[part]).toEqual(only.indicators[part]);
    // The balance is India's own report: exports to Russia less imports from it, summed over chapters.
    const sum = (flow: string) =>
      needed
        .filter((row) => row.startsWith(`2015,IND,RUS,${flow},`))
        .reduce((total, row) => total + Number(row.split(',')[5]) * 1e6, 0);
    const balance = all.indicators.indicators.find(
      (i: { id: string; period: string }) => i.id === 'trade.balance' && i.period === '2015',
    );
    expect(balance.value).toBeCloseTo(sum('export') - sum('import'), 0);
    // The stage file holds the rows kept: the other pairs' rows add their counts and a few examples.
    expect(all.stageBytes).toBeLessThan(only.stageBytes + 16 * 1024);
    // About 180 bytes a record: bounded by the rows kept (5,040), not the rows read (80,640).
    expect(all.stageBytes).toBeLessThan(needed.length * 250);
  });
});
