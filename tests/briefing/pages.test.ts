import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAGE } from '../../src/briefing/style.ts';
import { tempDir, tool } from '../helpers.ts';
import { type Built, buildBriefing, defaultSet, setFor } from './build.ts';
import { outline, PdfObjects } from './pdfObjects.ts';

const DPI = 50;
const px = (pt: number) => (pt * DPI) / 72;
/** Height of the cover's full-bleed band, the one thing drawn to the paper's edge. */
const COVER_BAND = 214;
/** Nothing but the cover band within this distance of the paper's edge (10 mm). */
const PRINTABLE = 28;
/** Greys darker than this count as ink. */
const INK = 235;

interface Page {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Every page in greyscale, as pdftoppm renders it (binary PGM). */
function renderPages(file: string): Page[] {
  const dir = tempDir('tradebrief-pages-');
  tool('pdftoppm', ['-gray', '-r', String(DPI), file, join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const data = readFileSync(join(dir, f));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'));
      if (!header) throw new Error(`${f} is not a binary PGM`);
      const [head, width, height] = header;
      return { width: Number(width), height: Number(height), pixels: data.subarray(head.length) };
    });
}

/** The box around the ink of a page, in points, leaving out rows above `fromPt`. */
function inkBox(
  page: Page,
  fromPt = 0,
): { left: number; right: number; top: number; bottom: number } | undefined {
  let left = Infinity;
  let right = -1;
  let top = Infinity;
  let bottom = -1;
  for (let y = Math.ceil(px(fromPt)); y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if ((page.pixels[y * page.width + x] ?? 255) >= INK) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const pt = (v: number) => (v * 72) / DPI;
  return right < 0
    ? undefined
    : { left: pt(left), right: pt(right + 1), top: pt(top), bottom: pt(bottom + 1) };
}

/** How far down the text area the last line of content (not the footer) reaches, 0 to 1. */
function filled(page: Page): number {
  const box = inkBox({ ...page, height: Math.floor(px(PAGE.height - PAGE.bottom)) }, PAGE.top);
  return box ? (box.bottom - PAGE.top) / (PAGE.height - PAGE.top - PAGE.bottom) : 0;
}

function checkMargins(pages: Page[]): string[] {
  const problems: string[] = [];
  pages.forEach((page, i) => {
    // The cover's band runs to the edges by design; below it, the cover keeps to the column too.
    const box = inkBox(page, i === 0 ? COVER_BAND + 1 : 0);
    if (!box) return;
    const column = { left: PAGE.left - 1.5, right: PAGE.width - PAGE.right + 1.5 };
    if (box.left < column.left || box.right > column.right)
      problems.push(`page ${i + 1}: ink from x ${box.left.toFixed(1)} to ${box.right.toFixed(1)} pt`);
    if ((i > 0 && box.top < PRINTABLE) || box.bottom > PAGE.height - PRINTABLE)
      problems.push(`page ${i + 1}: ink from y ${box.top.toFixed(1)} to ${box.bottom.toFixed(1)} pt`);
  });
  return problems;
}

describe('the pages of the default briefing', () => {
  let built: Built;
  let pages: Page[];
  beforeAll(async () => {
    built = await buildBriefing(await defaultSet());
    pages = renderPages(built.file);
  });

  it('draw nothing outside the text column and the printable area', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(checkMargins(pages)).toEqual([]);
  });

  it('leave no page nearly empty', () => {
    const thin = pages.map((p, i) => ({ page: i + 1, filled: filled(p) })).filter((p) => p.filled < 0.25);
    expect(thin).toEqual([]);
  });
});

/** The headings that end a page: the last line above the footer, when it is a heading. */
function headingsAtPageFoot(file: string): string[] {
  const titles = new Set(outline(new PdfObjects(file)).map((o) => o.title));
  const pages = tool('pdftotext', ['-layout', file, '-']).split('\f');
  return pages.flatMap((page, i) => {
    const lines = page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^tradebrief\s+\d+\s*\/\s*\d+$/.test(line));
    const last = lines.at(-1);
    return last !== undefined && titles.has(last) ? [`page ${i + 1}: ${last}`] : [];
  });
}

describe('headings', () => {
  it('never end a page: a heading goes over with the table or text it heads', async () => {
    const pairs = [await defaultSet(), await setFor('ingest/baci', { reporter: 'IND', partner: 'RUS' })];
    for (const set of pairs) expect(headingsAtPageFoot((await buildBriefing(set)).file)).toEqual([]);
  });
});

describe('a briefing for a pair with little data', () => {
  it('keeps to the margins and says what is not available instead of drawing empty charts', async () => {
    const set = await setFor('ingest/baci', { reporter: 'USA', partner: 'FRA' });
    const built = await buildBriefing(set);
    expect(built.charts.filter((c) => c.svg).length).toBeLessThan(built.charts.length);
    expect(checkMargins(renderPages(built.file))).toEqual([]);
    const text = tool('pdftotext', [built.file, '-']);
    expect(text).toContain('United States');
    expect(text).toContain('not available — needs at least one HS chapter that both countries export');
    // France's imports from the world by chapter are in the BACI file: the potential is computed from them.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'France imported USD 10.0 thousand from the world in 2022 across 1 HS chapter.',
    );
    expect(text).toContain('No rebalancing scenarios are set in the config');
    expect(text).not.toContain('Russia');
  });
});
