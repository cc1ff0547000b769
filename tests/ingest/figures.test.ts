import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

const INPUTS = join(ROOT, 'inputs');

/** A copy of the default inputs with one line of `file` replaced. */
function inputsWith(file: string, line: string, replacement: string): string {
  const dir = join(tempDir(), 'inputs');
  cpSync(INPUTS, dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  expect(text).toContain(line);
  writeFileSync(join(dir, file), text.replace(line, replacement));
  return dir;
}

function validate(dir: string) {
  const run = tradebrief(['validate', '--inputs', dir, '-q']);
  return { status: run.status, errors: run.stderr.split('\n').filter((l) => l.startsWith('error:')) };
}

const TARGET = 'target,trade_target,,IND-RUS,2030,100,,USD bn,';

describe('published figures that would drop out of the briefing in silence', () => {
  it.each([
    [
      'a scope in names',
      TARGET,
      TARGET.replace('IND-RUS', 'India-Russia'),
      'column "scope": scope "India-Russia"',
    ],
    [
      'a range that runs backwards',
      TARGET,
      TARGET.replace('100,,', '100,90,'),
      'value_high 90 is below value 100',
    ],
    [
      'a target below zero',
      TARGET,
      TARGET.replace(',100,', ',-100,'),
      'column "value": expected a value of zero or more',
    ],
    [
      'money in a unit not read',
      TARGET,
      TARGET.replace('USD bn', 'EUR bn'),
      'column "unit": unknown unit "EUR bn"',
    ],
    [
      'rupees with no rate for the year',
      TARGET,
      TARGET.replace('USD bn', 'INR crore'),
      'no INR per USD exchange rate for 2030',
    ],
    [
      'a sector id the config lacks',
      'sector,import_demand,pharmaceuticals,RUS,annual,10,',
      'sector,import_demand,pharma,RUS,annual,10,',
      'column "sector": sector "pharma" is not one of the config\'s sector ids',
    ],
    [
      'rupees for a period with no year',
      'sector,import_demand,pharmaceuticals,RUS,annual,10,,USD bn',
      'sector,import_demand,pharmaceuticals,RUS,annual,10,,INR crore',
      'column "period": a figure in INR is converted at the rate of its year, and "annual" is none',
    ],
    [
      'exports below zero',
      'trade,exports,,IND->RUS,2024,4.9,',
      'trade,exports,,IND->RUS,2024,-4.9,',
      'column "value": expected a value of zero or more: exports is an amount of trade',
    ],
  ])('%s is refused at its cell', (_, line, replacement, message) => {
    const run = validate(inputsWith('figures.csv', line, replacement));
    expect(run.status).toBe(2);
    expect(run.errors[0]).toContain('figures.csv, line ');
    expect(run.errors[0]).toContain(message);
  });

  it('reads what analysts write beside them: falls in percent or points, prices, net counts, world scopes', () => {
    const rows = [
      'people,arrivals_growth,,IND->RUS,2024,-12,,% y/y,,x,low,',
      'energy,share_change,,IND-RUS,2024,-2.1,,percentage points,,x,low,',
      'energy,crude_price,,WLD,2024,80,,USD per barrel,,x,low,',
      'labour,net_movement,,IND->RUS,2024,-3000,,persons,,x,low,',
      'trade,balance,,IND-RUS,2024,-58.9,,USD bn,,x,low,',
      'trade,exports,,WLD->RUS,2024,420,,USD bn,,x,low,',
    ];
    const dir = inputsWith(
      'figures.csv',
      TARGET,
      `${rows.join('\n').replaceAll(',x,', ',ht-target,')}\n${TARGET}`,
    );
    const run = validate(dir);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('reads a target for a fiscal year as one for the year it ends in, and counts in lakh', () => {
    const dir = inputsWith('figures.csv', TARGET, TARGET.replace(',2030,', ',FY2029-30,'));
    const figures = join(dir, 'figures.csv');
    const people = 'people,visitors,,IND->RUS,2024,120000,,persons,';
    writeFileSync(
      figures,
      readFileSync(figures, 'utf8').replace(people, 'people,visitors,,IND->RUS,2024,1.2,,lakh persons,'),
    );
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', dir, '--out', out, '-q']).status).toBe(0);
    const { indicators } = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as {
      indicators: {
        id: string;
        period: string;
        value: number | null;
        dims?: Record<string, string>;
        unit: string;
      }[];
    };
    const total = indicators.find((i) => i.id === 'trade.total' && i.period === 'FY2025-26')?.value ?? 0;
    const needed = indicators.find((i) => i.id === 'target.requiredCagr' && i.dims?.targetYear === '2030');
    // From FY2025-26 to FY2029-30: four years, (100 bn / total)^(1/4) − 1 (13.7 %), not three (18.7 %).
    expect(needed?.value).toBeCloseTo((100e9 / total) ** (1 / 4) - 1, 10);
    const visitors = indicators.find((i) => i.id === 'figure.people.visitors' && i.period === '2024');
    expect(visitors).toMatchObject({ value: 1.2 * 100_000, unit: 'persons' });
  });
});

describe('chapters that add up to more than their total', () => {
  const line = 'FY2025-26,IND,RUS,export,84,660.18,';
  it('are refused where they exceed it by more than a quarter, naming both rows', () => {
    const run = validate(
      inputsWith('trade_hs2_eidb_fy2025-26.csv', line, 'FY2025-26,IND,RUS,export,84,6601.8,'),
    );
    expect(run.status).toBe(2);
    expect(run.errors[0]).toContain(
      'trade_hs2_eidb_fy2025-26.csv, line 2, column "value": FY2025-26 exports: HS 84',
    );
    expect(run.errors[0]).toContain('(trade_totals_ftspcc.csv:32)');
  });

  it('are read with a data note where they exceed it by less, as another release may', () => {
    // The ten chapters add up to 2,768.46 m; HS 84 660.18 → 3,104.18 makes them 5,212.46 m, 16 % over
    // the 4,493.51 m total: a data note, as before.
    const dir = inputsWith('trade_hs2_eidb_fy2025-26.csv', line, 'FY2025-26,IND,RUS,export,84,3104.18,');
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', dir, '--out', out, '-q']).status).toBe(0);
    const { notes } = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as {
      notes: { text: string }[];
    };
    expect(notes.map((n) => n.text)).toContain(
      'FY2025-26 exports by chapter add up to USD 719 m more than the total; the total is used.',
    );
  });
});

describe('a total a thousand times the year before it', () => {
  const totals = 'trade_totals_ftspcc.csv';
  it('is refused as a unit slip, naming both rows', () => {
    const dir = inputsWith(
      totals,
      'FY2025-26,IND,RUS,export,TOTAL,4493.51,USD mn',
      'FY2025-26,IND,RUS,export,TOTAL,4493.51,USD bn',
    );
    const run = validate(dir);
    expect(run.status).toBe(2);
    // 4,493.51 bn against FY2024-25's 4,881.3 m (line 30): 4,493,510 / 4,881.3 ≈ 921 times.
    expect(run.errors[0]).toContain(
      `${totals}, line 32, column "unit": FY2025-26 exports, IND–RUS: USD 4,493.5 bn is 921 times FY2024-25's USD 4,881 m (${totals}:30)`,
    );
  });

  it('is read with a data note from 100 times on, short of a slip', () => {
    const dir = inputsWith(
      totals,
      'FY2024-25,IND,RUS,export,TOTAL,4881.3,',
      'FY2024-25,IND,RUS,export,TOTAL,20,',
    );
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', dir, '--out', out, '-q']).status).toBe(0);
    const { notes } = JSON.parse(readFileSync(join(out, 'indicators.json'), 'utf8')) as {
      notes: { text: string }[];
    };
    // 4,261.62 / 20 = 213.1 and 4,493.51 / 20 = 224.7: both sides of the year, each said once.
    expect(notes.map((n) => n.text).filter((t) => t.includes(' times '))).toEqual([
      "FY2024-25 exports, IND–RUS: USD 20.0 m is 213 times less than FY2023-24's USD 4,262 m, as the inputs give them: a large order, or a unit written wrong in one of them; check both before quoting either.",
      "FY2025-26 exports, IND–RUS: USD 4,494 m is 225 times FY2024-25's USD 20.0 m, as the inputs give them: a large order, or a unit written wrong in one of them; check both before quoting either.",
    ]);
  });

  it('is read where the flow is small, as a first shipment may be', () => {
    // 0.5 m to 4,494 m: 8,987 times, from under a million dollars.
    const dir = inputsWith(
      totals,
      'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD mn',
      'FY2024-25,IND,RUS,export,TOTAL,0.5,USD mn',
    );
    expect(validate(dir).status).toBe(0);
  });
});

describe('a cell that is not one of the words a column takes', () => {
  it('is quoted as written, so it can be found', () => {
    const totals = 'trade_totals_ftspcc.csv';
    const flow = validate(
      inputsWith(totals, 'FY2025-26,IND,RUS,export,TOTAL', 'FY2025-26,IND,RUS,Exprot,TOTAL'),
    );
    expect(flow.errors[0]).toContain('column "flow": unknown flow "Exprot"');
    const status = validate(
      inputsWith(
        totals,
        'TOTAL,4493.51,USD mn,dgcis-ftspcc,provisional',
        'TOTAL,4493.51,USD mn,dgcis-ftspcc,Provisonal',
      ),
    );
    expect(status.errors[0]).toContain('column "status": unexpected value "Provisonal"');
  });
});

describe('a header row repeated among the rows', () => {
  it('is one problem at its line, saying two files may have been pasted together', () => {
    const totals = 'trade_totals_ftspcc.csv';
    const header = 'period,reporter,partner,flow,product,value,unit,source,status';
    const row = 'FY2019-20,IND,RUS,import,TOTAL,7093.01,USD mn,dgcis-ftspcc,final';
    const run = validate(inputsWith(totals, row, `${header.toUpperCase()}\n${row}`));
    expect(run.errors).toEqual([
      `error: ${totals}, line 21: the header of line 1 repeats here, as where two downloads were pasted into one file: delete this line, and check the rows below it are not there twice`,
      'error: 1 problem; nothing was written',
    ]);
  });
});

describe('a row delivered again as final with the same amount', () => {
  it('makes the figure final, citing the final row', () => {
    const totals = 'trade_totals_ftspcc.csv';
    const provisional = 'FY2025-26,IND,RUS,export,TOTAL,4493.51,USD mn,dgcis-ftspcc,provisional';
    // The same amount in USD bn: 4.49351 bn is 4,493.51 m.
    const dir = inputsWith(
      totals,
      provisional,
      `${provisional}\nFY2025-26,IND,RUS,export,TOTAL,4.49351,USD bn,dgcis-ftspcc,final`,
    );
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', dir, '--out', out, '-q']).status).toBe(0);
    const normalised = JSON.parse(readFileSync(join(out, 'stages', 'normalised.json'), 'utf8')) as {
      trade: {
        period: string;
        flow: string;
        product: string;
        partner: string;
        status: string;
        refs: string[];
      }[];
    };
    const total = normalised.trade.find(
      (r) => r.period === 'FY2025-26' && r.flow === 'export' && r.product === 'TOTAL' && r.partner === 'RUS',
    );
    expect(total).toMatchObject({ status: 'final', refs: [`${totals}:33`] });
  });
});

describe('a config whose title names a country outside the pair', () => {
  it('is warned of when the briefing is built', () => {
    const dir = inputsWith('tradebrief.config.json', '"partner": "RUS"', '"partner": "CHN"');
    const run = tradebrief(['run', '--inputs', dir, '--out', tempDir(), '-q']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      "warning: the config's title or subtitle names Russia, and this briefing is on India–China: check it was not copied from another pair's config",
    );
  });
});
