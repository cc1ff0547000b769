import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { fileFault } from '../../src/ingest/fileFault.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { hashInputs, listInputs, type Skipped } from '../../src/ingest/listInputs.ts';
import { readCsv } from '../../src/ingest/readCsv.ts';
import { brief, folderWith, problemsOf } from './folders.ts';

const TRADE = 'period,reporter,partner,flow,product,value,unit\n2023,IND,RUS,export,TOTAL,5,USD mn\n';
const asRoot = process.getuid?.() === 0;

describe('inputs that cannot be read are named, never skipped in silence', () => {
  it('a link to a file that is gone, and links that form a loop', async () => {
    const dir = await folderWith({ 'trade.csv': TRADE });
    await symlink(join(dir, 'moved-away.csv'), join(dir, 'linked.csv'));
    await symlink(join(dir, 'loop-b.csv'), join(dir, 'loop-a.csv'));
    await symlink(join(dir, 'loop-a.csv'), join(dir, 'loop-b.csv'));
    const expected = [
      `linked.csv: ${m.cannotRead(m.vanished())}`,
      `loop-a.csv: ${m.cannotRead(m.linkLoop())}`,
      `loop-b.csv: ${m.cannotRead(m.linkLoop())}`,
    ];
    expect(await problemsOf(dir)).toEqual(expected);
    // A run stops before comparing hashes: an earlier build is never taken as up to date without them.
    await expect(hashInputs(dir)).rejects.toThrow(expected.join('\n'));
  });

  it.skipIf(asRoot)('a file without read permission', async () => {
    const dir = await folderWith({ 'trade.csv': TRADE, 'locked.csv': TRADE });
    await chmod(join(dir, 'locked.csv'), 0o200);
    expect(await problemsOf(dir)).toEqual([`locked.csv: ${m.cannotRead(m.permissionDenied())}`]);
  });

  it('a pipe or a folder named like a table is skipped with a warning, never opened', async () => {
    const dir = await folderWith({ 'trade.csv': TRADE, 'notes.pdf': 'not data' });
    execFileSync('mkfifo', [join(dir, 'feed.csv')]);
    await mkdir(join(dir, 'old.csv'));
    await mkdir(join(dir, '_templates'));
    const warned: Skipped[] = [];
    const result = await ingest(dir, { onSkipped: (s) => warned.push(s) });
    expect(result.trade.map(brief)).toEqual(['2023 IND RUS export TOTAL 5 USD mn line 2']);
    expect(warned).toEqual([
      { file: 'feed.csv', reason: m.skippedNotFile(), warn: true },
      { file: 'old.csv', reason: m.skippedFolder(), warn: true },
    ]);
    expect((await listInputs(dir)).skipped).toEqual([
      { file: '_templates', reason: m.skippedPutAside(), warn: false },
      { file: 'feed.csv', reason: m.skippedNotFile(), warn: true },
      { file: 'notes.pdf', reason: m.skippedNotData(), warn: false },
      { file: 'old.csv', reason: m.skippedFolder(), warn: true },
    ]);
  });

  it('"no CSV files found" says what was there and why it was not read', async () => {
    const dir = await folderWith({ 'report.pdf': '%PDF', 'readme.txt': 'notes' });
    await mkdir(join(dir, 'trade.csv'));
    expect(await problemsOf(dir)).toEqual([
      `${dir}: ${m.noInputs([
        { file: 'readme.txt', reason: m.skippedNotData() },
        { file: 'report.pdf', reason: m.skippedNotData() },
        { file: 'trade.csv', reason: m.skippedFolder() },
      ])}`,
    ]);
    expect(m.noInputs([{ file: 'report.pdf', reason: m.skippedNotData() }])).toBe(
      'no CSV files found: expected trade data in a supported format; skipped "report.pdf" (not a data file)',
    );
  });

  it('a linked file from outside the inputs folder is never quoted back', async () => {
    const outside = await folderWith({ 'secrets.txt': 'root:x:0:0:root:/root:/bin/bash\nuser:x:1000\n' });
    const dir = await folderWith({ 'trade.csv': TRADE });
    await symlink(join(outside, 'secrets.txt'), join(dir, 'passwd.csv'));
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^passwd\.csv, line 1: the first line, in a file linked/),
    ]);
    expect(problems.join('\n')).not.toContain('root');
  });
});

describe('faults of the disk while reading an input', () => {
  it('a file gone between listing and reading, and permission refused, are named, not called faults of ours', async () => {
    expect(await readCsv('/nonexistent/trade.csv', 'trade.csv')).toEqual({
      problems: [{ file: 'trade.csv', message: m.cannotRead(m.vanished()) }],
    });
    // Root reads any file: the permission case is the same mapping of the error's code.
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    expect(fileFault(denied)).toBe(m.cannotRead(m.permissionDenied()));
    const other = new Error('out of memory');
    expect(() => fileFault(other)).toThrow(other);
  });
});
