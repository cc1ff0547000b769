import PDFDocument from 'pdfkit';
import { openFace } from '../core/fontFaces.ts';
import { FONT_FILES } from '../core/fonts.ts';
import { registerFallbackFonts } from './fallbackText.ts';
import { FONTS, PAGE } from './style.ts';
import { type XmpFields, xmpPacket } from './xmp.ts';

export interface DocumentInfo {
  title: string;
  /** The organisation that publishes the briefing. */
  author: string;
  subject: string;
  keywords: string[];
  /** Fixed, from the data (never the clock), so the same inputs give the same bytes. */
  date: Date;
  lang: string;
  /** Latest period of the data, e.g. "FY2025-26 (provisional)". */
  vintage: string;
}

/** The archival profile: PDF/A-2, level B (visual appearance), on PDF 1.7. */
export const PDFA = { subset: 'PDF/A-2b', part: 2, conformance: 'B' } as const;

const CREATOR = 'tradebrief';
const PRODUCER = 'tradebrief (pdfkit)';

/** pdfkit's own metadata writer, replaced below; not part of its typed interface. */
interface MetadataInternals {
  endMetadata(): void;
  _root: { data: Record<string, unknown> };
}

/** A4, tagged, PDF/A-2b, every font embedded: the base the briefing is written on. */
export function createDocument(info: DocumentInfo): PDFKit.PDFDocument {
  const text = {
    title: metadataText(info.title),
    author: metadataText(info.author),
    subject: metadataText(info.subject),
    keywords: info.keywords.map(metadataText).filter(Boolean),
  };
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: PDFA.subset,
    tagged: true,
    lang: info.lang,
    displayTitle: true,
    info: {
      Title: text.title,
      Author: text.author,
      Subject: text.subject,
      Keywords: text.keywords.join(', '),
      Creator: CREATOR,
      Producer: PRODUCER,
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  writeXmpWith(doc, {
    ...text,
    creatorTool: CREATOR,
    producer: PRODUCER,
    date: info.date,
    lang: info.lang,
    vintage: metadataText(info.vintage),
    pdfa: { part: PDFA.part, conformance: PDFA.conformance },
  });
  // The faces the charts were measured with, decoded once: pdfkit takes a fontkit font as it is
  // (its type declarations predate that).
  for (const style of Object.keys(FONTS) as (keyof typeof FONTS)[])
    doc.registerFont(FONTS[style], openFace(FONT_FILES[style]) as unknown as PDFKit.Mixins.PDFFontSource);
  registerFallbackFonts(doc);
  return doc;
}

/**
 * Metadata values without control characters and runs of white space, so the Info dictionary and the
 * XMP packet (which cannot hold control characters) say exactly the same thing, as PDF/A requires.
 */
export function metadataText(text: string): string {
  return text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * pdfkit writes its XMP packet with Title and Author unescaped and without the modification date or
 * language; its metadata step is replaced by one that writes our packet, uncompressed as PDF/A asks.
 */
function writeXmpWith(doc: PDFKit.PDFDocument, fields: XmpFields): void {
  const internals = doc as unknown as MetadataInternals;
  internals.endMetadata = () => {
    const stream = doc.ref({ Type: 'Metadata', Subtype: 'XML' });
    stream.compress = false;
    stream.write(Buffer.from(xmpPacket(fields), 'utf8'));
    stream.end(undefined);
    internals._root.data.Metadata = stream;
  };
}

/** The whole document as bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
