/**
 * A strict enough check that XML is well-formed for what an XMP packet holds: every tag closed in
 * order, attributes quoted, no bare "<" or "&" in text, entities known. Returns the problems found.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const body = xml.replace(/<\?[\s\S]*?\?>/g, '');
  const token =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let match: RegExpExecArray | null = token.exec(body);
  while (match) {
    const [whole, closing, name, , selfClosing] = match;
    if (whole === '<')
      problems.push(`bare "<" at ${match.index}: ${body.slice(match.index, match.index + 30)}`);
    else if (whole.startsWith('&'))
      problems.push(`bare "&" at ${match.index}: ${body.slice(match.index, match.index + 30)}`);
    else if (closing) {
      const last = open.pop();
      if (last !== name) problems.push(`</${name}> closes <${last ?? 'nothing'}>`);
    } else if (!selfClosing) open.push(name ?? '');
    match = token.exec(body);
  }
  if (open.length > 0) problems.push(`not closed: ${open.join(', ')}`);
  return problems;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of every element with this name, entities decoded. */
export function elementTexts(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) =>
    (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? ''),
  );
}

/** The first rdf:li text inside an element: the value of dc:title, dc:creator and the like. */
export function firstItem(xml: string, name: string): string | undefined {
  const inner = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? '';
  return elementTexts(inner, 'rdf:li')[0];
}
