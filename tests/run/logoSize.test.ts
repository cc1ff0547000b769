import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLogo, LOGO_BYTES, LOGO_PIXELS } from '../../src/briefing/logo.ts';
import { pngSize } from '../../src/config/logo.ts';
import { tempDir, tool, tradebrief } from '../helpers.ts';
import { copyInputs, json } from './helpers.ts';
import { bigPng } from './png.ts';

function withLogo(inputs: string, logo: string): void {
  const configFile = join(inputs, 'tradebrief.config.json');
  const config = json<{ organisation: Record<string, string> }>(configFile);
  writeFileSync(configFile, JSON.stringify({ ...config, organisation: { ...config.organisation, logo } }));
}

describe('a large logo', () => {
  it('that is all detail is drawn smaller by steps until its PNG fits, the same bytes each time', () => {
    const noise = bigPng(1200, true);
    const fitted = fitLogo(noise) as Uint8Array;
    // 600 × 600 pixels of noise take over 1 MB even compressed: each step takes 0.7 of the side.
    expect(fitted.length).toBeLessThanOrEqual(LOGO_BYTES);
    const { width, height } = pngSize(fitted) ?? { width: 0, height: 0 };
    expect(height).toBe(width);
    expect([420, 294, 206, 144, 101]).toContain(width);
    expect(Buffer.from(fitLogo(noise) as Uint8Array).equals(Buffer.from(fitted))).toBe(true);
    // A small logo is embedded as it is.
    const small = bigPng(300);
    expect(fitLogo(small)).toBe(small);
  });

  it('is drawn smaller on the cover, the PDF staying under 1 MB and the same from run to run', () => {
    const inputs = copyInputs();
    withLogo(inputs, 'logo.png');
    const png = bigPng(4000);
    writeFileSync(join(inputs, 'logo.png'), png);
    // Far more than a cover needs: 4000 pixels a side, over a megabyte.
    expect(png.length).toBeGreaterThan(1 << 20);
    const first = tempDir();
    const second = tempDir();
    for (const out of [first, second]) {
      const run = tradebrief(['run', '--inputs', inputs, '--out', out], { SOURCE_DATE_EPOCH: '1767225600' });
      expect(run.status).toBe(0);
    }
    const pdf = join(first, 'briefing.pdf');
    expect(statSync(pdf).size).toBeLessThan(1_000_000);
    // pdfimages -list: page, num, type, width, height, …; the logo is the cover's only image (with its
    // transparency as a soft mask of the same size).
    const cover = tool('pdfimages', ['-list', '-f', '1', '-l', '1', pdf])
      .trim()
      .split('\n')
      .slice(2)
      .map((line) => line.trim().split(/\s+/));
    expect(cover.map((fields) => fields[2])).toEqual(['image', 'smask']);
    const [width, height] = (cover[0] as string[]).slice(3, 5).map(Number);
    expect(width).toBe(LOGO_PIXELS);
    expect(height).toBe(LOGO_PIXELS);
    expect(readFileSync(join(second, 'briefing.pdf')).equals(readFileSync(pdf))).toBe(true);
  }, 300_000);

  it('is refused at config load when it is not an image, a folder, or past any logo’s size', () => {
    const inputs = copyInputs();
    withLogo(inputs, 'logo.png');
    const out = tempDir();
    const check = (make: () => void, expected: string) => {
      make();
      const run = tradebrief(['validate', '--inputs', inputs, '--out', out]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('key "organisation.logo"');
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    };
    check(
      () => writeFileSync(join(inputs, 'logo.png'), 'not an image, a text file'),
      'is not a PNG or JPEG image',
    );
    // Only the header is read at config load: 25,000 pixels wide is refused before any is decoded.
    const header = bigPng(1).subarray(0, 33);
    header.writeUInt32BE(25_000, 16);
    check(
      () => writeFileSync(join(inputs, 'logo.png'), header),
      'is 25000 × 1 pixels, more than 20000 a side',
    );
    check(() => {
      rmSync(join(inputs, 'logo.png'));
      mkdirSync(join(inputs, 'logo.png'));
    }, 'is a folder');
  });

  it('whose pixels cannot be read is named, exit code 2, the previous outputs intact', () => {
    const inputs = copyInputs();
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
    const before = readFileSync(join(out, 'briefing.pdf'));
    withLogo(inputs, 'logo.png');
    // A 4000-pixel PNG cut short: its header is whole, its image data is not.
    const png = bigPng(4000);
    writeFileSync(join(inputs, 'logo.png'), png.subarray(0, 2000));
    const run = tradebrief(['run', '--inputs', inputs, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'key "organisation.logo": the logo "logo.png" has an image signature but its pixels cannot be read',
    );
    expect(readFileSync(join(out, 'briefing.pdf')).equals(before)).toBe(true);
  }, 300_000);
});
