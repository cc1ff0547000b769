import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, type Run, tempDir, tool, tradebrief } from '../helpers.ts';

/**
 * A briefing whose config names the countries in Chinese and Arabic script, and puts an emoji no font
 * has in the title, built through the command line from a synthetic Comtrade Plus download.
 */
let dir: string;
let out: string;
let run: Run;

beforeAll(() => {
  dir = tempDir('tradebrief-scripts-');
  copyFileSync(
    join(ROOT, 'tests/fixtures/ingest/comtrade-plus/TradeData_IND_2023.csv'),
    join(dir, 'TradeData_IND_2023.csv'),
  );
  writeFileSync(
    join(dir, 'tradebrief.config.json'),
    JSON.stringify({
      reporter: 'IND',
      partner: 'RUS',
      title: 'India–Russia 🇮🇳 trade briefing',
      subtitle: '中国 and السعودية in one line',
      names: { IND: { en: 'India', native: '印度' }, RUS: { en: 'Russia', native: 'روسيا' } },
    }),
  );
  out = tempDir();
  run = tradebrief(['run', '--inputs', dir, '--out', out]);
}, 120_000);

describe('text in scripts Noto Sans lacks', () => {
  it('embeds the fallback fonts the text needs, subset, and prints the names', () => {
    expect(run.status).toBe(0);
    const pdf = join(out, 'briefing.pdf');
    const fonts = tool('pdffonts', [pdf]);
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSansArabic-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    // Only the scripts used are embedded: no Korean, Thai or Hebrew face.
    expect(fonts).not.toMatch(/NotoSansKR|NotoSansThai|NotoSansHebrew/);
    const text = tool('pdftotext', ['-l', '1', pdf, '-']);
    expect(text).toContain('India · 印度');
    expect(text).toContain('中国');
    // Subset fonts keep the PDF small even with a CJK face.
    expect(readFileSync(pdf).length).toBeLessThan(1024 * 1024);
  });

  it('warns, naming the config key, about characters no font can print', () => {
    const file = join(dir, 'tradebrief.config.json');
    expect(run.stderr).toContain(`key title, has characters no embedded font can print`);
    expect(run.stderr).toContain('🇮 (U+1F1EE), 🇳 (U+1F1F3)');
    expect(run.stderr).toContain(file.split('/').pop());
    expect(run.stderr).not.toMatch(/key (subtitle|names)/);
  });

  it('gives the same bytes on a rebuild', () => {
    const first = readFileSync(join(out, 'briefing.pdf'));
    const again = tempDir();
    expect(tradebrief(['run', '--inputs', dir, '--out', again]).status).toBe(0);
    expect(readFileSync(join(again, 'briefing.pdf')).equals(first)).toBe(true);
  });
});
