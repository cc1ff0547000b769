import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tool } from '../helpers.ts';
import { type Built, buildBriefing, defaultSet } from './build.ts';
import { elementTexts, firstItem, xmlProblems } from './xml.ts';

let set: IndicatorSet;
let built: Built;

beforeAll(async () => {
  set = await defaultSet();
  built = await buildBriefing(set);
});

/** The XMP packet as pdfinfo -meta prints it. */
const xmp = () => tool('pdfinfo', ['-meta', built.file]);

describe('the default briefing as an archival PDF', () => {
  it('passes qpdf --check', () => {
    expect(tool('qpdf', ['--check', built.file])).toContain('No syntax or stream encoding errors found');
  });

  it('embeds and subsets every font it uses, all from the one family', () => {
    const rows = tool('pdffonts', [built.file]).split('\n').slice(2).filter(Boolean);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSans-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes\s/);
    }
  });

  it('is PDF 1.7, tagged, with the title displayed and the metadata of the data', () => {
    const info = tool('pdfinfo', [built.file]);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    expect(info).toContain(`Title:           ${set.meta.title}`);
    expect(info).toContain(`Author:          ${set.meta.organisation.name}`);
    expect(info).toMatch(/^Subject:\s+Trade between India and Russia, data to FY2025-26 \(provisional\)$/m);
    expect(info).toMatch(/^Keywords:\s+India, Russia, trade, briefing, FY2025-26$/m);
    expect(info).toMatch(/^CreationDate:\s+Tue Mar 31 00:00:00 2026 UTC$/m);
  });

  it('identifies itself as PDF/A-2b in well-formed XMP that agrees with the Info dictionary', () => {
    const meta = xmp();
    expect(xmlProblems(meta)).toEqual([]);
    expect(elementTexts(meta, 'pdfaid:part')).toEqual(['2']);
    expect(elementTexts(meta, 'pdfaid:conformance')).toEqual(['B']);
    expect(firstItem(meta, 'dc:title')).toBe(set.meta.title);
    expect(firstItem(meta, 'dc:creator')).toBe(set.meta.organisation.name);
    expect(firstItem(meta, 'dc:description')).toBe(
      'Trade between India and Russia, data to FY2025-26 (provisional)',
    );
    expect(elementTexts(meta, 'pdf:Keywords')).toEqual(['India, Russia, trade, briefing, FY2025-26']);
    expect(elementTexts(meta, 'xmp:CreateDate')).toEqual(['2026-03-31T00:00:00Z']);
    expect(elementTexts(meta, 'xmp:ModifyDate')).toEqual(['2026-03-31T00:00:00Z']);
    expect(elementTexts(meta, 'tradebrief:dataVintage')).toEqual(['FY2025-26 (provisional)']);
    // A property outside the standard schemas is valid PDF/A only with its schema described.
    expect(elementTexts(meta, 'pdfaProperty:name')).toEqual(['dataVintage']);
    expect(firstItem(meta, 'dc:language')).toBe('en-GB');
  });

  it('stays under 1 MB, its charts drawn as vectors', () => {
    expect(built.bytes.length).toBeLessThan(1024 * 1024);
    expect(tool('pdfimages', ['-list', built.file]).split('\n').slice(2).filter(Boolean)).toEqual([]);
  });
});
