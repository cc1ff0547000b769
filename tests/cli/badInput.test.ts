import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonical } from '../../src/ingest/adapters/canonical.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const BAD = join(ROOT, 'tests', 'fixtures', 'ingest', 'bad');
const CONFIG = join(ROOT, 'inputs', 'tradebrief.config.json');

function tradebrief(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'tradebrief.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/**
 * Every entry under `dir`: a file by its sha256, a link by its target, so equal snapshots mean the
 * folder is byte-for-byte as it was (links included: outputs may be published through one).
 */
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
  work = await mkdtemp(join(tmpdir(), 'tradebrief-cli-'));
  out = join(work, 'out');
  const built = tradebrief('run', '--inputs', join(ROOT, 'inputs'), '--out', out);
  expect(built.status, built.stderr).toBe(0);
  before = await snapshot(out);
  expect(existsSync(join(out, 'briefing.pdf'))).toBe(true);
  expect(Object.values(before).filter((v) => !v.startsWith('->')).length).toBeGreaterThan(5);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs on bad inputs: exit 2, the problems one per line with no stack trace, the earlier outputs untouched. */
async function expectRejected(inputs: string, problems: string[]) {
  const result = tradebrief('run', '--inputs', inputs, '--config', CONFIG, '--out', out);
  expect(result.status, result.stderr).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines.slice(0, -1)).toEqual(problems.map((p) => `error: ${p}`));
  expect(lines.at(-1)).toMatch(/^error: \d+ problems?; nothing was written$/);
  expect(result.stderr).not.toMatch(/^\s+at |Error:/m);
  expect(await snapshot(out)).toEqual(before);
}

describe('tradebrief run on bad inputs', () => {
  it('an empty file', async () => {
    await expectRejected(join(BAD, 'empty'), [
      'trade.csv: the file is empty: expected a header row and at least one data row',
    ]);
  });

  it('a header without rows', async () => {
    await expectRejected(join(BAD, 'header-only'), [
      'trade.csv, line 1: the file has a header but no data rows',
    ]);
  });

  it('ragged rows', async () => {
    await expectRejected(join(BAD, 'ragged'), [
      'trade.csv, line 3: expected 7 fields as in the header, found 8',
      'trade.csv, line 4: expected 7 fields as in the header, found 6',
      'trade.csv, line 5: expected 7 fields as in the header, found 9',
    ]);
  });

  it('an unclosed quote', async () => {
    await expectRejected(join(BAD, 'unclosed-quote'), [
      'trade.csv, line 4: a quoted field is never closed: expected a closing double quote (")',
    ]);
  });

  it('values that are not numbers', async () => {
    await expectRejected(join(BAD, 'not-a-number'), [
      'trade.csv, line 2, column "value": expected a number, found "12,3x4"',
      'trade.csv, line 3, column "value": expected a number, found "NaN"',
      'trade.csv, line 4, column "value": expected a number, found "1e400"',
      'trade.csv, line 5, column "value": expected a number, found an empty cell',
    ]);
  });

  it('a negative trade value', async () => {
    await expectRejected(join(BAD, 'negative'), [
      'trade.csv, line 2, column "value": expected a trade value of zero or more, found "-5"',
    ]);
  });

  it('an unknown flow code', async () => {
    await expectRejected(join(BAD, 'unknown-flow'), [
      'trade.csv, line 2, column "flow": unknown flow "exprot": expected export, import, re-export, re-import',
    ]);
    await expectRejected(join(BAD, 'unknown-flow-code'), [
      'TradeData.csv, line 3, column "flowCode": unknown flow "XM": expected X, M, RX or RM',
    ]);
  });

  it('a malformed year', async () => {
    await expectRejected(join(BAD, 'malformed-year'), [
      'trade.csv, line 2, column "period": malformed period "20233": expected "FY2024-25" or "2024"',
      'trade.csv, line 3, column "period": malformed period "2024-26": expected "FY2024-25" or "2024"',
    ]);
  });

  it('two rows with the same key and different values', async () => {
    await expectRejected(join(BAD, 'duplicate-key'), [
      'trade.csv, line 4, column "value": same period, reporter, partner, flow, product and source as line 2, but a different value (100 USD mn there): keep one',
    ]);
  });

  it('an unknown header, and a header named __proto__', async () => {
    const formats = 'expected one of canonical long CSV';
    for (const [folder, file, header] of [
      ['unknown-header', 'data.csv', 'date,country,amount'],
      ['proto-header', 'only-proto.csv', '__proto__,constructor,toString'],
    ] as const) {
      const result = tradebrief('run', '--inputs', join(BAD, folder), '--config', CONFIG, '--out', out);
      expect(result.status).toBe(2);
      const [line] = result.stderr.split('\n');
      expect(line).toContain(
        `error: ${file}, line 1: the header "${header}" matches no supported format: ${formats}`,
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
    }
    expect(await snapshot(out)).toEqual(before);
  });

  it('a required column missing', async () => {
    await expectRejected(join(BAD, 'missing-column'), [
      `trade.csv, line 1: looks like ${canonical.label} but lacks the column "unit"`,
    ]);
  });

  it('binary garbage and a 60 MB single line', async () => {
    const dir = join(work, 'generated');
    await mkdir(dir);
    await writeFile(
      join(dir, 'garbage.csv'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x13]),
    );
    await writeFile(
      join(dir, 'huge.csv'),
      `period,reporter,partner,flow,product,value,unit\n${'9'.repeat(60 * 1024 * 1024)}`,
    );
    await expectRejected(dir, [
      'garbage.csv: the file holds binary data, not CSV text (is it an Excel or zip file? export it as CSV)',
      'huge.csv, line 2: a record is longer than 1024 KiB: expected one CSV record per line (is a quote left open?)',
    ]);
  });
});

describe('tradebrief run on text it cannot read right', () => {
  const HEADER = 'period,reporter,partner,flow,product,value,unit';

  it('bytes of no encoding, a control character, a number that reads two ways, a broken quote', async () => {
    const dir = join(work, 'reading-core');
    await mkdir(dir);
    const files: Record<string, Buffer | string> = {
      'undefined.csv': Buffer.from(`${HEADER}\n2023,IND,RUS,export,TOTAL,5,USD mn\n\x81\n`, 'latin1'),
      'bell.csv': `${HEADER},label\n2023,IND,RUS,export,30,5,USD mn,Drugs\u0007\n`,
      'semicolons.csv': `${HEADER.replaceAll(',', ';')}\n2023;IND;RUS;import;TOTAL;1.234;USD mn\n`,
      'quote.csv': `${HEADER}\n2023,IND,RUS,export,"84"x,5,USD mn\n`,
      // Decimal commas, quoted, in a comma-separated file: "4,260" might be either.
      'mixed.csv': `${HEADER}\n2023,IND,RUS,export,TOTAL,"63840,2",USD mn\n2023,IND,RUS,export,30,"4,260",USD mn\n`,
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    await expectRejected(dir, [
      'bell.csv, line 2, column "label": the text holds the control character U+0007: expected printable text (delete it in the program that made the file)',
      'quote.csv, line 2: text follows a closing quote: expected a delimiter after a quoted field (a quote inside one is written twice: "")',
      'undefined.csv, line 3: byte 0x81 fits no text encoding read here (UTF-8, UTF-16, Windows-1252): save the file as "CSV UTF-8"',
      'mixed.csv, line 3, column "value": the number "4,260" reads two ways: 4260 with a decimal point, 4.26 with a decimal comma, and the rest of the file does not settle which: write it without a thousands separator',
      'semicolons.csv, line 2, column "value": the number "1.234" reads two ways: 1.234 with a decimal point, 1234 with a decimal comma, and the rest of the file does not settle which: write it without a thousands separator',
    ]);
  });

  it('inputs that vanish: a link to nothing, links in a loop; a linked system file is not quoted', async () => {
    const dir = join(work, 'vanished');
    await mkdir(dir);
    await writeFile(join(dir, 'trade.csv'), `${HEADER}\n2023,IND,RUS,export,TOTAL,5,USD mn\n`);
    await symlink(join(work, 'moved-away.csv'), join(dir, 'linked.csv'));
    await symlink(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    await symlink(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    await expectRejected(dir, [
      'linked.csv: cannot read the file: it is gone (moved or deleted, or a link to a file that no longer exists)',
      'loop-a.csv: cannot read the file: its symbolic links form a loop',
      'loop-b.csv: cannot read the file: its symbolic links form a loop',
    ]);
    const system = join(work, 'system');
    await mkdir(system);
    await symlink('/etc/passwd', join(system, 'passwd.csv'));
    const result = tradebrief('run', '--inputs', system, '--config', CONFIG, '--out', out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^error: passwd\.csv, line 1: the first line, in a file linked from outside/,
    );
    expect(result.stderr).not.toMatch(/root|bin\/|^\s+at /m);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a pipe and a folder named like tables: a warning each, and the rest is read', async () => {
    const dir = join(work, 'skipped');
    await mkdir(join(dir, 'old.csv'), { recursive: true });
    for (const name of await readdir(join(ROOT, 'inputs'))) {
      if (name.endsWith('.json')) continue;
      await writeFile(join(dir, name), await readFile(join(ROOT, 'inputs', name)));
    }
    spawnSync('mkfifo', [join(dir, 'feed.csv')]);
    const result = tradebrief('validate', '--inputs', dir, '--config', CONFIG);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      'warning: skipped "feed.csv": a pipe or device, not a file: never opened',
    );
    expect(result.stderr).toContain('warning: skipped "old.csv": a folder, though named like a data file');
  });
});
