import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSet } from '../../src/indicators/types.ts';
import { tempDir, tool } from '../helpers.ts';
import { type Built, buildBriefing, defaultSet } from './build.ts';
import { flatten, outline, PdfObjects, type StructNode, structTree, text } from './pdfObjects.ts';

let set: IndicatorSet;
let built: Built;
let pdf: PdfObjects;
let nodes: StructNode[];

beforeAll(async () => {
  set = await defaultSet();
  built = await buildBriefing(set);
  pdf = new PdfObjects(built.file);
  nodes = flatten(structTree(pdf));
});

/** Where a table cell may stand, a list item, a contents entry: the nesting a screen reader expects. */
const PARENTS: Record<string, string[]> = {
  TR: ['Table'],
  TH: ['TR'],
  TD: ['TR'],
  LI: ['L'],
  Lbl: ['LI'],
  LBody: ['LI'],
  TOCI: ['TOC'],
  Caption: ['Table'],
};

describe('the structure of the default briefing', () => {
  it('declares its language, its tagging and that viewers show the title', () => {
    expect(text(pdf.catalog['/Lang'])).toBe('en-GB');
    expect(pdf.dict(pdf.catalog['/MarkInfo'])['/Marked']).toBe(true);
    expect(pdf.dict(pdf.catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
  });

  it('has one Document whose sections each open with an H1, in reading order', () => {
    const [root, ...others] = structTree(pdf);
    expect(others).toEqual([]);
    expect(root?.type).toBe('Document');
    const sections = root?.children.filter((c) => c.type === 'Sect') ?? [];
    expect(sections.length).toBeGreaterThanOrEqual(12);
    for (const section of sections) expect(section.children[0]?.type).toBe('H1');
  });

  it('has bookmarks that mirror the headings, H2 under their H1', () => {
    const headings = nodes
      .filter((n) => n.type === 'H1' || n.type === 'H2')
      .map((n) => ({ title: n.title, depth: n.type === 'H1' ? 0 : 1 }));
    expect(headings.map((h) => h.title)).toContain('Rebalancing scenarios');
    expect(outline(pdf)).toEqual(headings);
  });

  it('gives every chart a Figure with alt text written from the data', () => {
    const figures = nodes.filter((n) => n.type === 'Figure');
    const drawn = built.charts.filter((c) => c.svg);
    expect(figures.map((f) => f.alt)).toEqual(drawn.map((c) => c.alt));
    // The default draws ten charts, the structure of the trade among them.
    expect(figures.length).toBe(10);
    for (const figure of figures) {
      expect(figure.alt.length).toBeGreaterThan(80);
      expect(figure.attributes['/O']).toBe('/Layout');
      expect(figure.attributes['/BBox']).toHaveLength(4);
    }
    const rca = figures.find((f) => f.alt.startsWith('Dot chart of revealed comparative advantage'));
    expect(rca?.alt).toContain('India has an RCA above 1 in 40 chapters, Russia in 16.');
    const scenarios = figures.find((f) => f.alt.startsWith('Stacked bar chart'));
    expect(scenarios?.alt).toContain('exports USD 9.4 bn, covering 17.0 % of imports');
  });

  it('marks every table header cell as a column header, and nests cells, items and entries correctly', () => {
    const headers = nodes.filter((n) => n.type === 'TH');
    expect(headers.length).toBeGreaterThan(40);
    for (const th of headers) expect(th.attributes).toMatchObject({ '/O': '/Table', '/Scope': '/Column' });
    const parentOf = new Map<StructNode, StructNode>();
    for (const n of nodes) for (const c of n.children) parentOf.set(c, n);
    for (const n of nodes) {
      const allowed = PARENTS[n.type];
      if (allowed)
        expect(allowed, `${n.type} inside ${parentOf.get(n)?.type}`).toContain(parentOf.get(n)?.type);
    }
    expect(nodes.filter((n) => n.type === 'TOCI').length).toBe(
      outline(pdf).filter((o) => o.depth === 0).length - 1,
    );
  });

  it('uses only standard structure types', () => {
    const standard = new Set([
      'Document',
      'Sect',
      'H1',
      'H2',
      'P',
      'L',
      'LI',
      'Lbl',
      'LBody',
      'Table',
      'TR',
      'TH',
      'TD',
      'Figure',
      'TOC',
      'TOCI',
      'Caption',
      'Div',
    ]);
    expect([...new Set(nodes.map((n) => n.type))].filter((t) => !standard.has(t))).toEqual([]);
  });

  it('marks everything it draws as tagged content or as an artifact (running header, footer, page number)', () => {
    const qdf = join(tempDir('tradebrief-qdf-'), 'briefing.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', built.file, qdf]);
    const pages = readFileSync(qdf, 'latin1')
      .split(/%% Contents for page \d+/)
      .slice(1);
    const unmarked: string[] = [];
    let artifacts = 0;
    pages.forEach((page, i) => {
      const stream = /stream\n([\s\S]*?)\nendstream/.exec(page)?.[1] ?? '';
      artifacts += stream.match(/\/Artifact\b/g)?.length ?? 0;
      let depth = 0;
      for (const line of stream.split('\n').map((l) => l.trim())) {
        if (/B[DM]C$/.test(line)) depth += 1;
        else if (line === 'EMC') depth -= 1;
        else if (depth === 0 && /(Tj|TJ| f| S| B| f\*| Do)$/.test(line))
          unmarked.push(`page ${i + 1}: ${line.slice(0, 60)}`);
      }
    });
    expect(pages.length).toBeGreaterThan(10);
    expect(unmarked).toEqual([]);
    // At least the running header and footer of every page but the cover.
    expect(artifacts).toBeGreaterThanOrEqual(pages.length - 1);
  });
});
