import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Changes } from '../../src/changes/compare.ts';
import { tempDir, tool, tradebrief } from '../helpers.ts';
import { copyInputs, json, stagesRan } from './helpers.ts';

describe('incremental runs', () => {
  it('do nothing and say "up to date" when nothing changed', () => {
    const out = tempDir();
    expect(tradebrief(['run', '--out', out]).status).toBe(0);
    const current = readlinkSync(join(out, '.current'));
    const again = tradebrief(['run', '--out', out, '--log-format', 'json']);
    expect(again.status).toBe(0);
    expect(stagesRan(again.stderr)).toEqual([]);
    expect(again.stderr).toContain('up to date');
    expect(readlinkSync(join(out, '.current'))).toBe(current);
  });

  it('re-run only the stages a change reaches, and everything with --force', () => {
    const inputs = copyInputs();
    const out = tempDir();
    const args = ['run', '--inputs', inputs, '--out', out, '--log-format', 'json'];
    expect(stagesRan(tradebrief(args).stderr)).toEqual([
      'ingest',
      'normalise',
      'indicators',
      'charts',
      'briefing',
    ]);
    const configFile = join(inputs, 'tradebrief.config.json');
    const config = json<Record<string, unknown>>(configFile);
    writeFileSync(configFile, JSON.stringify({ ...config, title: 'India and Russia: a new title' }));
    // The title is not read by ingest or normalise, so their outputs stand.
    expect(stagesRan(tradebrief(args).stderr)).toEqual(['indicators', 'charts', 'briefing']);
    expect(stagesRan(tradebrief([...args, '--force']).stderr)).toEqual([
      'ingest',
      'normalise',
      'indicators',
      'charts',
      'briefing',
    ]);
  });

  it('re-run the briefing when SOURCE_DATE_EPOCH changes its date', () => {
    const out = tempDir();
    expect(tradebrief(['run', '--out', out]).status).toBe(0);
    expect(tool('pdfinfo', [join(out, 'briefing.pdf')])).toMatch(
      /CreationDate:\s+Tue Mar 31 00:00:00 2026 UTC/,
    );
    // 1700000000 s after 1970 is 14 November 2023, 22:13:20 UTC.
    const dated = tradebrief(['run', '--out', out, '--log-format', 'json'], {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    expect(stagesRan(dated.stderr)).toEqual(['briefing']);
    expect(tool('pdfinfo', [join(out, 'briefing.pdf')])).toMatch(
      /CreationDate:\s+Tue Nov 14 22:13:20 2023 UTC/,
    );
  });

  it('report what changed since the last edition after a data revision, and archive both editions', () => {
    const inputs = copyInputs();
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
    const first = json<Changes>(join(out, 'changes.json'));
    expect(first.previous).toBeNull();
    // Revise FY2025-26 exports from 4,493.51 to 4,600.00 US$ million.
    const file = join(inputs, 'trade_totals_ftspcc.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'FY2025-26,IND,RUS,export,TOTAL,4493.51',
        'FY2025-26,IND,RUS,export,TOTAL,4600.00',
      ),
    );
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
    const changes = json<Changes>(join(out, 'changes.json'));
    expect(changes.previous?.vintage).toBe('FY2025-26-provisional');
    const exports = changes.revised.find((r) => r.id === 'trade.exports' && r.period === 'FY2025-26');
    expect(exports).toMatchObject({ before: 4_493.51e6, after: 4_600e6 });
    expect(changes.newPeriods).toEqual([]);
    const text = tool('pdftotext', [join(out, 'briefing.pdf'), '-']);
    expect(text).toContain('Changes since the last edition');
    const editions = json<{ id: string; dir: string }[]>(join(out, 'archive/IND-RUS/editions.json'));
    expect(editions).toHaveLength(2);
    for (const edition of editions)
      expect(
        readFileSync(join(out, edition.dir, 'briefing.pdf'))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
  });
});
