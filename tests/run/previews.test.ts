import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tradebrief } from '../helpers.ts';
import { json } from './helpers.ts';

interface ChartEntry {
  id: string;
  files?: { spec: string; svg: string; png?: string };
}

describe('PNG previews of the charts', () => {
  it('are drawn with --png only; asking for them, or no longer, draws the charts again and nothing before them', () => {
    const out = tempDir();
    const first = tradebrief(['run', '--png', '--out', out]);
    expect(first.status).toBe(0);
    const chart = json<ChartEntry[]>(join(out, 'charts/index.json')).find((c) => c.id === 'trade-over-time');
    expect(chart?.files?.png).toBe('charts/trade-over-time.png');
    const png = readFileSync(join(out, 'charts/trade-over-time.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Drawn at twice the SVG's size: the width in the IHDR chunk against the SVG's own width attribute.
    const svgWidth = Number(
      /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(
        readFileSync(join(out, 'charts/trade-over-time.svg'), 'utf8'),
      )?.[1],
    );
    expect(png.readUInt32BE(16)).toBe(Math.round(svgWidth * 2));
    const manifest = json<{ outputs: { file: string }[] }>(join(out, 'manifest.json'));
    expect(manifest.outputs.map((o) => o.file)).toContain('charts/trade-over-time.png');

    const again = tradebrief(['run', '--out', out, '-v']);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('charts: wrote');
    for (const stage of ['ingest', 'normalise', 'indicators'])
      expect(again.stderr).toContain(`${stage}: unchanged`);
    expect(existsSync(join(out, 'charts/trade-over-time.png'))).toBe(false);
    const entry = json<ChartEntry[]>(join(out, 'charts/index.json')).find((c) => c.id === 'trade-over-time');
    expect(entry?.files).toEqual({
      spec: 'charts/trade-over-time.vl.json',
      svg: 'charts/trade-over-time.svg',
    });
  }, 180_000);
});
