import SVGtoPDF from 'svg-to-pdfkit';
import { fontStyleFor } from '../core/fonts.ts';
import { printText } from './fallbackText.ts';
import { COLOURS, FONTS, PAGE, TYPE } from './style.ts';
import { keepTogether } from './typeset.ts';

type Struct = PDFKit.PDFStructureElement;

export interface Column {
  header: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right';
}

export interface Table {
  columns: Column[];
  rows: string[][];
  /** Rows drawn in semibold, such as a total. */
  strong?: number[];
  /** A line above the table giving what every column shares, such as its unit: "USD million". */
  caption?: string;
  /** Tighter rows, for the long reference tables of the annex. */
  dense?: boolean;
  /** A subheading above it, kept on the page of the table's first rows. */
  heading?: string;
}

export interface Figure {
  svg: string;
  alt: string;
}

const FACE_NAMES = {
  regular: FONTS.regular,
  italic: FONTS.italic,
  semibold: FONTS.semibold,
  bold: FONTS.bold,
} as const;

/**
 * Writes the briefing top to bottom: every block is tagged (H1, H2, P, L, Table, Figure) in reading
 * order, headings become bookmarks, and a block that doesn't fit starts a new page instead of being cut.
 */
export class Writer {
  private readonly root: Struct;
  private current: Struct;
  private bookmark: PDFKit.PDFOutline | undefined;
  /** Where each section starts (0-based page), for the contents list. */
  readonly sections: { title: string; page: number }[] = [];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly accent: string,
  ) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    this.current = this.root;
  }

  get left(): number {
    return PAGE.left;
  }

  get width(): number {
    return PAGE.width - PAGE.left - PAGE.right;
  }

  get y(): number {
    return this.doc.y;
  }

  private get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = PAGE.top;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /**
   * Starts a new page before a block of text that would otherwise leave a single line at the foot of
   * this page (an orphan) or carry a single line over to the next (a widow).
   */
  private keepLines(text: string, face: keyof typeof FACE_NAMES, size: number, width: number): void {
    this.style(face, size);
    const line = this.doc.currentLineHeight(true) + TYPE.lineGap;
    const lines = Math.round(this.doc.heightOfString(text, { width, lineGap: TYPE.lineGap }) / line);
    const fit = Math.floor((this.bottom - this.doc.y) / line);
    if (fit >= lines) return;
    if (fit < 2 || lines - fit < 2) this.newPage();
  }

  /** Tags what `draw` puts on the page as one structure element of the current section. */
  tagged(type: string, draw: () => void, options: Record<string, unknown> = {}): void {
    this.current.add(this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw));
  }

  /**
   * The document's own heading (the cover title): an H1 and the first bookmark, so the outline
   * mirrors every heading, but not an entry of the contents list.
   */
  titleHeading(title: string, draw: () => void): void {
    this.bookmark = this.doc.outline.addItem(title);
    this.tagged('H1', draw, { title });
  }

  /**
   * Starts a section. `keepWith` is the height of what must follow the heading on the same page (its
   * first paragraph and chart, say), so a heading is never left alone at the foot of a page.
   */
  section(title: string, options: { newPage?: boolean; keepWith?: number } = {}): void {
    this.closeSection();
    if (options.newPage) this.newPage();
    else this.ensureSpace(40 + (options.keepWith ?? 80));
    const section = this.doc.struct('Sect');
    this.root.add(section);
    this.current = section;
    this.sections.push({ title, page: this.doc.bufferedPageRange().count - 1 });
    this.bookmark = this.doc.outline.addItem(title);
    this.tagged(
      'H1',
      () => {
        this.write('bold', TYPE.h1, this.accent, title, this.left, this.doc.y, { width: this.width });
      },
      { title },
    );
    this.doc.moveDown(0.45);
  }

  /** A subheading above text; a table takes its own (`Table.heading`), kept with its first rows. */
  subheading(title: string): void {
    this.ensureSpace(SUBHEADING_HEIGHT + SUBHEADING_KEEP_WITH);
    this.drawSubheading(title, this.doc.currentLineHeight(true));
  }

  /** Above it, 0.3 of a line of what came before (`lineAbove`), as pdfkit's moveDown(0.3) gives. */
  private drawSubheading(title: string, lineAbove: number): void {
    this.doc.y += lineAbove * 0.3;
    this.bookmark?.addItem(title);
    this.tagged(
      'H2',
      () => {
        this.write('semibold', TYPE.h2, COLOURS.ink, title, this.left, this.doc.y, {
          width: this.width,
        });
      },
      { title },
    );
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { size?: number; colour?: string; italic?: boolean } = {}): void {
    const size = options.size ?? TYPE.body;
    const face = options.italic ? 'italic' : 'regular';
    this.keepLines(keepTogether(text), face, size, this.width);
    this.tagged('P', () => {
      this.write(face, size, options.colour ?? COLOURS.ink, keepTogether(text), this.left, this.doc.y, {
        width: this.width,
        lineGap: TYPE.lineGap,
      });
    });
    this.doc.moveDown(0.55);
  }

  bullets(items: string[], options: { size?: number; numbered?: boolean } = {}): void {
    const size = options.size ?? TYPE.body;
    const indent = options.numbered ? 16 : 11;
    const list = this.doc.struct('L');
    this.current.add(list);
    items.forEach((item, i) => {
      this.keepLines(keepTogether(item), 'regular', size, this.width - indent);
      const y = this.doc.y;
      const entry = this.doc.struct('LI');
      list.add(entry);
      entry.add(
        this.doc.struct('Lbl', {}, () => {
          this.write(
            options.numbered ? 'regular' : 'bold',
            size,
            this.accent,
            options.numbered ? `${i + 1}.` : '•',
            this.left,
            y,
            {
              width: indent,
              lineBreak: false,
            },
          );
        }),
      );
      entry.add(
        this.doc.struct('LBody', {}, () => {
          this.write('regular', size, COLOURS.ink, keepTogether(item), this.left + indent, y, {
            width: this.width - indent,
            lineGap: TYPE.lineGap,
          });
        }),
      );
      entry.end();
      this.doc.moveDown(0.35);
    });
    list.end();
    this.doc.x = this.left;
    this.doc.moveDown(0.3);
  }

  /** A vector chart from its SVG, tagged as a Figure whose alt text says what it shows. */
  figure(figure: Figure): void {
    const natural = svgSize(figure.svg);
    // Charts are drawn for the text column; one that came out wider or taller is scaled down to fit.
    const scale = Math.min(1, this.width / natural.width, (this.bottom - PAGE.top) / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    this.ensureSpace(height + 6);
    const x = this.left;
    const y = this.doc.y;
    this.tagged(
      'Figure',
      () => {
        SVGtoPDF(this.doc, figure.svg, x, y, {
          width,
          height,
          assumePt: true,
          fontCallback: (_family, bold, italic) => FACE_NAMES[fontStyleFor(bold ? 'bold' : 'normal', italic)],
        });
      },
      { alt: figure.alt, bbox: [x, y, x + width, y + height], placement: 'Block' },
    );
    // svg-to-pdfkit leaves its last font, size and colour on the document.
    this.style('regular', TYPE.body, COLOURS.ink);
    this.doc.x = this.left;
    this.doc.y = y + height + 12;
  }

  table(input: Table): void {
    const table = { ...input, rows: input.rows.map((cells) => cells.map(keepTogether)) };
    // Measuring the rows sets the table's type: the heading's space above follows what came before.
    const lineAbove = this.doc.currentLineHeight(true);
    const pad = table.dense ? 2 : 3.5;
    const widths = table.columns.map((c) => c.width * this.width);
    const rowHeight = (cells: string[], face: 'regular' | 'semibold') =>
      Math.max(
        ...cells.map(
          (cell, i) =>
            this.style(face, TYPE.table).heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }) +
            2 * pad,
        ),
      );
    const headerHeight = rowHeight(
      table.columns.map((c) => c.header),
      'semibold',
    );
    const drawRow = (
      cells: string[],
      face: 'regular' | 'semibold',
      height: number,
      band: boolean,
      header = false,
    ) => {
      const y = this.doc.y;
      const row = this.doc.struct('TR');
      element.add(row);
      if (band || header) {
        this.doc.save();
        this.doc.markContent('Artifact', { type: 'Layout' });
        this.doc.rect(this.left, y, this.width, height).fill(header ? COLOURS.ink : COLOURS.band);
        this.doc.endMarkedContent();
        this.doc.restore();
      }
      let x = this.left;
      cells.forEach((cell, i) => {
        const column = table.columns[i];
        const width = widths[i] ?? 0;
        const cellX = x;
        row.add(
          this.doc.struct(
            header ? 'TH' : 'TD',
            (header ? { scope: 'Column' } : {}) as PDFKit.Mixins.StructureElementOptions,
            () => {
              this.write(
                header ? 'semibold' : face,
                TYPE.table,
                header ? '#ffffff' : COLOURS.ink,
                cell,
                cellX + pad,
                y + pad,
                {
                  width: width - 2 * pad,
                  align: column?.align ?? 'left',
                },
              );
            },
          ),
        );
        x += width;
      });
      row.end();
      this.doc.y = y + height;
    };
    const faces = table.rows.map((_, r) => (table.strong?.includes(r) ? 'semibold' : 'regular'));
    const heights = table.rows.map((cells, r) => rowHeight(cells, faces[r] ?? 'regular'));
    const captionHeight = table.caption ? TYPE.small * 1.6 + 2 : 0;
    const opening = heights.slice(0, KEEP_ROWS).reduce((sum, h) => sum + h, 0);
    const start = captionHeight + headerHeight + opening;
    // The heading goes to the next page with the rows if they would not fit below it.
    if (table.heading) {
      this.ensureSpace(SUBHEADING_HEIGHT + Math.max(SUBHEADING_KEEP_WITH, start));
      this.drawSubheading(table.heading, lineAbove);
    }
    this.ensureSpace(start);
    const element = this.doc.struct('Table');
    this.current.add(element);
    if (table.caption) {
      const caption = table.caption;
      element.add(
        this.doc.struct('Caption', {}, () => {
          this.write('regular', TYPE.small, COLOURS.muted, caption, this.left, this.doc.y, {
            width: this.width,
          });
        }),
      );
      this.doc.y += 2;
    }
    const drawHeader = () =>
      drawRow(
        table.columns.map((c) => c.header),
        'semibold',
        headerHeight,
        false,
        true,
      );
    drawHeader();
    const breaks = pageBreaks(heights, this.doc.y, PAGE.top + headerHeight, this.bottom);
    table.rows.forEach((cells, r) => {
      if (breaks.has(r)) {
        this.newPage();
        drawHeader();
      }
      drawRow(cells, faces[r] ?? 'regular', heights[r] ?? 0, r % 2 === 1);
    });
    element.end();
    this.doc.x = this.left;
    this.doc.moveDown(0.8);
  }

  /**
   * Reserves a tagged element at the current point of the reading order whose content is drawn later,
   * once page numbers are known (the contents list on the cover). Each child is an element of its own
   * type, its content wrapped once more where `inner` says so (a TOCI holds a P).
   */
  reserve(
    type: string,
  ): (page: number, children: { type: string; inner?: string; draw: () => void }[]) => void {
    const element = this.doc.struct(type);
    this.current.add(element);
    return (page, children) => {
      this.doc.switchToPage(page);
      for (const child of children) {
        const content = child.inner ? [this.doc.struct(child.inner, {}, child.draw)] : child.draw;
        element.add(this.doc.struct(child.type, {}, content));
      }
      element.end();
    };
  }

  /**
   * Sets font, size and colour and prints `text` as doc.text would, each script in a font that has
   * its glyphs (pdfkit itself has no fallback); returns the document for chaining.
   */
  write(
    face: keyof typeof FACE_NAMES,
    size: number,
    colour: string,
    text: string,
    x?: number,
    y?: number,
    options: PDFKit.Mixins.TextOptions = {},
  ): PDFKit.PDFDocument {
    this.style(face, size, colour);
    return printText(this.doc, face, size, text, x, y, options);
  }

  /** Sets font, size and colour; returns the document for chaining. */
  style(face: keyof typeof FACE_NAMES, size: number, colour: string = COLOURS.ink): PDFKit.PDFDocument {
    return this.doc.font(FACE_NAMES[face]).fontSize(size).fillColor(colour);
  }

  private closeSection(): void {
    if (this.current !== this.root) this.current.end();
    this.current = this.root;
  }

  /** Ends the structure tree; call once, after the last block. */
  close(): void {
    this.closeSection();
    this.root.end();
  }
}

export function svgSize(svg: string): { width: number; height: number } {
  const match = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  return { width: Number(match?.[1] ?? 0), height: Number(match?.[2] ?? 0) };
}

/** Rows kept together on either side of a page break: no page holds a header with one or two rows. */
const KEEP_ROWS = 3;
/** Room a subheading takes, and the least that must fit below it on its page. */
const SUBHEADING_HEIGHT = 30;
const SUBHEADING_KEEP_WITH = 70;

/**
 * The rows a table's pages start with, from the rows' heights, where the first row starts and where a
 * continued page's rows start (below the repeated header). A break that would carry fewer than
 * `KEEP_ROWS` rows over moves up, so they take company with them, unless that would leave fewer than
 * `KEEP_ROWS` on the page before.
 */
export function pageBreaks(heights: number[], start: number, top: number, bottom: number): Set<number> {
  const breaks = new Set<number>();
  let y = start;
  let first = 0;
  for (let r = 0; r < heights.length; r++) {
    const height = heights[r] ?? 0;
    if (y + height <= bottom || r === first) {
      y += height;
      continue;
    }
    const left = heights.length - r;
    const at = left < KEEP_ROWS ? Math.max(first + KEEP_ROWS, heights.length - KEEP_ROWS) : r;
    const moved = Math.min(at, r);
    breaks.add(moved);
    first = moved;
    y = top + heights.slice(moved, r + 1).reduce((sum, h) => sum + h, 0);
  }
  return breaks;
}
