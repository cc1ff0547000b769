import { printText } from './fallbackText.ts';
import { COLOURS, FONTS, PAGE, TYPE } from './style.ts';

/**
 * Running header and page numbers on every page but the cover, marked as artifacts so screen readers
 * skip them. Drawn after the content, with the bottom margin lifted so pdfkit adds no page.
 */
export function writeFurniture(doc: PDFKit.PDFDocument, header: string, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONTS.regular).fontSize(TYPE.small).fillColor(COLOURS.muted);
    printText(doc, 'regular', TYPE.small, header, PAGE.left, 30, {
      width: PAGE.width - PAGE.left - PAGE.right,
      lineBreak: false,
    });
    doc
      .moveTo(PAGE.left, 42)
      .lineTo(PAGE.width - PAGE.right, 42)
      .lineWidth(0.5)
      .strokeColor(COLOURS.rule)
      .stroke();
    const y = PAGE.height - 36;
    printText(doc, 'regular', TYPE.small, footer, PAGE.left, y, { width: 380, lineBreak: false });
    doc.text(`${i + 1} / ${range.count}`, PAGE.width - PAGE.right - 80, y, {
      width: 80,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = margin;
  }
}
