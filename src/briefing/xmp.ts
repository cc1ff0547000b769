/** What the XMP packet says about the briefing; the Info dictionary carries the same values. */
export interface XmpFields {
  title: string;
  /** The organisation: dc:creator and the Info Author. */
  author: string;
  subject: string;
  keywords: string[];
  creatorTool: string;
  producer: string;
  date: Date;
  lang: string;
  /** Latest period of the data, e.g. "FY2025-26 (provisional)". */
  vintage: string;
  /** PDF/A part and conformance, e.g. 2 and "B". */
  pdfa: { part: number; conformance: string };
}

/** Our own property (the data vintage) lives in this namespace, described below as PDF/A requires. */
export const TRADEBRIEF_NS = 'urn:tradebrief:briefing:1.0#';

/** Characters XML 1.0 does not allow at all, even escaped: controls, U+FFFE, U+FFFF, lone surrogates. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text as XML character data or attribute value: always well-formed, whatever the text holds. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** "2026-03-31T00:00:00Z": the same instant the Info dictionary writes as D:20260331000000Z. */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/**
 * The whole XMP packet. pdfkit writes Title and Author into its packet without escaping, so an
 * organisation called "R&D <Q1>" breaks the XML; this packet escapes every value once, and matches
 * the Info dictionary entry for entry (PDF/A requires the two to agree).
 */
export function xmpPacket(f: XmpFields): string {
  const x = escapeXml;
  const lang = x(f.lang);
  const date = xmpDate(f.date);
  const bag = (items: string[]) =>
    `<rdf:Bag>${items.map((i) => `<rdf:li>${x(i)}</rdf:li>`).join('')}</rdf:Bag>`;
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${x(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    `<pdfaid:part>${f.pdfa.part}</pdfaid:part>`,
    `<pdfaid:conformance>${x(f.pdfa.conformance)}</pdfaid:conformance>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(f.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${x(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(f.subject)}</dc:description>`,
    `<dc:subject>${bag(f.keywords)}</dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${x(f.creatorTool)}</xmp:CreatorTool>`,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    `<pdf:Producer>${x(f.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${x(f.keywords.join(', '))}</pdf:Keywords>`,
    '</rdf:Description>',
    `<rdf:Description rdf:about="" xmlns:tradebrief="${TRADEBRIEF_NS}">`,
    `<tradebrief:dataVintage>${x(f.vintage)}</tradebrief:dataVintage>`,
    '</rdf:Description>',
    extensionSchema(),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    // Room to edit the packet in place, as the XMP specification recommends for writable packets.
    `${' '.repeat(99)}\n`.repeat(20),
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** PDF/A accepts a property outside the standard schemas only with this description of it. */
function extensionSchema(): string {
  return [
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
    ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
    ' xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
    '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
    '<pdfaSchema:schema>tradebrief briefing</pdfaSchema:schema>',
    `<pdfaSchema:namespaceURI>${TRADEBRIEF_NS}</pdfaSchema:namespaceURI>`,
    '<pdfaSchema:prefix>tradebrief</pdfaSchema:prefix>',
    '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
    '<pdfaProperty:name>dataVintage</pdfaProperty:name>',
    '<pdfaProperty:valueType>Text</pdfaProperty:valueType>',
    '<pdfaProperty:category>external</pdfaProperty:category>',
    '<pdfaProperty:description>Latest period of the trade data the briefing is built on</pdfaProperty:description>',
    '</rdf:li></rdf:Seq></pdfaSchema:property>',
    '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
    '</rdf:Description>',
  ].join('\n');
}
