import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

// SYNTHETIC files in the real layouts: values that would be misread if the meaning of a row were
// guessed. Each run must end in exit 2 with located lines, the outputs of the run before untouched.
const CONFIG = join(ROOT, 'inputs', 'tradebrief.config.json');
const CANONICAL = 'period,reporter,partner,flow,product,value,unit';

/** Every entry under `dir`: a file by its sha256, a link by its target (outputs are published through links). */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const described = await Promise.all(
    entries.map(async (e) => {
      const path = join(e.parentPath, e.name);
      if (e.isSymbolicLink()) return [relative(dir, path), `-> ${await readlink(path)}`] as const;
      if (!e.isFile()) return undefined;
      return [
        relative(dir, path),
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      ] as const;
    }),
  );
  return Object.fromEntries(described.filter((d) => d !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}

let work: string;
let out: string;
let before: Record<string, string>;

beforeAll(async () => {
  work = tempDir('tradebrief-meaning-');
  out = join(work, 'out');
  const built = tradebrief(['run', '--inputs', join(ROOT, 'inputs'), '--out', out]);
  expect(built.status, built.stderr).toBe(0);
  before = await snapshot(out);
  expect(Object.keys(before)).toContain('briefing.pdf');
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A folder holding `files`, run through the command line: exit 2, these lines, outputs untouched. */
async function expectRejected(name: string, files: Record<string, string>, problems: string[]) {
  const dir = join(work, name);
  await mkdir(dir);
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  const result = tradebrief(['run', '--inputs', dir, '--config', CONFIG, '--out', out]);
  expect(result.status, result.stderr).toBe(2);
  // A problem found after the ingest stage follows that stage's log line.
  const lines = result.stderr
    .trimEnd()
    .split('\n')
    .filter((line) => !line.startsWith('['));
  expect(lines.slice(0, -1)).toEqual(problems.map((p) => `error: ${p}`));
  expect(lines.at(-1)).toMatch(/^error: \d+ problems?; nothing was written$/);
  expect(result.stderr).not.toMatch(/^\s+at |Error:/m);
  expect(await snapshot(out)).toEqual(before);
}

describe('tradebrief run on rows whose meaning cannot be read', () => {
  it('periods whose second year is not the next one', async () => {
    await expectRejected(
      'periods',
      {
        'trade.csv': [
          CANONICAL,
          '2024-2125,IND,RUS,export,TOTAL,5,USD mn',
          'FY2024-1925,IND,RUS,import,TOTAL,5,USD mn',
        ].join('\n'),
      },
      [
        'trade.csv, line 2, column "period": malformed period "2024-2125": expected "FY2024-25" or "2024"',
        'trade.csv, line 3, column "period": malformed period "FY2024-1925": expected "FY2024-25" or "2024"',
      ],
    );
  });

  it('values above any trade flow, alone or as two that would add up past the largest number', async () => {
    const tooLarge = (text: string, unit: string) =>
      `the value "${text}" in ${unit} is above USD 1,000 trillion, more than any trade flow (world trade is about USD 30 trillion a year): check the value and its unit`;
    await expectRejected(
      'overflow',
      {
        'trade.csv': [
          CANONICAL,
          '2024,IND,RUS,export,TOTAL,1e308,USD bn',
          '2024,IND,RUS,import,TOTAL,1.7e308,USD',
          '2024,IND,RUS,import,27,1.7e308,USD',
        ].join('\n'),
      },
      [
        `trade.csv, line 2, column "value": ${tooLarge('1e308', 'USD bn')}`,
        `trade.csv, line 3, column "value": ${tooLarge('1.7e308', 'USD')}`,
        `trade.csv, line 4, column "value": ${tooLarge('1.7e308', 'USD')}`,
      ],
    );
  });

  it('a SITC download, refused once with what to download instead', async () => {
    const header =
      'Classification,Year,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Aggregate Level,Commodity Code,Commodity,Trade Value (US$)';
    await expectRejected(
      'sitc',
      {
        'comtrade_CHN_2019_SITC.csv': [
          header,
          'S4,2019,Export,156,China,CHN,0,World,WLD,2,76,Telecommunications equipment,74285000000',
          'S4,2019,Export,156,China,CHN,0,World,WLD,2,77,Electrical machinery,60000000000',
        ].join('\n'),
      },
      [
        'comtrade_CHN_2019_SITC.csv, line 2, column "Classification": the file is in SITC Rev. 4 (classification "S4"), not the Harmonized System, and its codes would be misread as HS codes: download the same data in HS instead (in UN Comtrade, classification "HS" or H0 to H6)',
      ],
    );
  });

  it('the same figure from two sources in units 1000× apart, with nothing to decide between them', async () => {
    await expectRejected(
      'units',
      {
        'a.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD mn'].join('\n'),
        'b.csv': [CANONICAL, 'FY2024-25,IND,RUS,export,TOTAL,4881.3,USD bn'].join('\n'),
      },
      [
        'b.csv, line 2: FY2024-25 IND→RUS exports, total: USD 4,881.3 bn here but USD 4,881 m in a.csv:2, from another source, and "sourcePriority" in the config names neither: list the source to use first ("file:a.csv" or "file:b.csv"), or remove the other file',
      ],
    );
  });
});
