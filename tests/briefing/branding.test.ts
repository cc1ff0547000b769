import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/charts/preview.ts';
import { parseConfig } from '../../src/config/load.ts';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tool } from '../helpers.ts';
import { buildBriefing, defaultSet } from './build.ts';
import { flatten, PdfObjects, structTree } from './pdfObjects.ts';
import { elementTexts, firstItem, xmlProblems } from './xml.ts';

const HOSTILE = { title: `R&D <Q1> "brief" & 'more'`, organisation: 'R&D <Q1> & Sons' };

function withMeta(set: IndicatorSet, title: string, organisation: string): IndicatorSet {
  return {
    ...set,
    meta: { ...set.meta, title, organisation: { ...set.meta.organisation, name: organisation } },
  };
}

describe('metadata with markup characters in the title and the organisation', () => {
  it('gives well-formed XMP and an Info dictionary with the exact text', async () => {
    const { file } = await buildBriefing(withMeta(await defaultSet(), HOSTILE.title, HOSTILE.organisation));
    const info = tool('pdfinfo', [file]);
    expect(info).toContain(`Title:           ${HOSTILE.title}\n`);
    expect(info).toContain(`Author:          ${HOSTILE.organisation}\n`);
    const xmp = tool('pdfinfo', ['-meta', file]);
    expect(xmlProblems(xmp)).toEqual([]);
    expect(firstItem(xmp, 'dc:title')).toBe(HOSTILE.title);
    expect(firstItem(xmp, 'dc:creator')).toBe(HOSTILE.organisation);
    expect(xmp).toContain('R&amp;D &lt;Q1&gt; &quot;brief&quot; &amp; &apos;more&apos;');
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
  });

  it('says the same in both when a title holds a line break or a control character', async () => {
    const { file } = await buildBriefing(withMeta(await defaultSet(), 'Trade\nbriefing\u0007 2026', 'Desk'));
    expect(tool('pdfinfo', [file])).toContain('Title:           Trade briefing 2026\n');
    const xmp = tool('pdfinfo', ['-meta', file]);
    expect(xmlProblems(xmp)).toEqual([]);
    expect(firstItem(xmp, 'dc:title')).toBe('Trade briefing 2026');
    expect(elementTexts(xmp, 'pdf:Producer')).toEqual(['tradebrief (pdfkit)']);
  });
});

describe('the organisation logo', () => {
  it('is drawn on the cover as decoration, not as a figure', async () => {
    const logo = await renderPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><rect width="60" height="20" fill="#e69f00"/></svg>',
    );
    const set = await defaultSet();
    const { file } = await buildBriefing(set, logo);
    const images = tool('pdfimages', ['-list', file]).split('\n').slice(2).filter(Boolean);
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(images.every((row) => /^\s*1\s/.test(row))).toBe(true);
    const figures = flatten(structTree(new PdfObjects(file))).filter((n) => n.type === 'Figure');
    expect(figures.every((f) => !/logo/i.test(f.alt))).toBe(true);
  });

  it('is a PNG or JPEG path in the config', () => {
    const base = { reporter: 'IND', partner: 'RUS' };
    expect(
      parseConfig({ ...base, organisation: { name: 'Desk', logo: 'brand/logo.png' } }, 'c').organisation.logo,
    ).toBe('brand/logo.png');
    expect(() => parseConfig({ ...base, organisation: { name: 'Desk', logo: 'logo.gif' } }, 'c')).toThrow(
      /PNG or JPEG/,
    );
  });
});
