import { inputMessages as m } from '../core/messages.ts';

/** Bytes looked at to name the encoding and the delimiter. */
export const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
/** Lines looked at to choose the delimiter. */
const SNIFF_LINES = 10;

/**
 * The text encodings read. A file of plain ASCII is UTF-8; one whose first non-ASCII bytes are not UTF-8
 * is Windows-1252 (a superset of Latin-1 for text: Comtrade Plus downloads use it for "Côte d'Ivoire").
 */
export const ENCODINGS = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16le-bom',
  'utf-16be',
  'utf-16be-bom',
  'windows-1252',
] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** Before a non-ASCII byte is seen, a file could still be either. */
export type SniffedEncoding = Encoding | 'utf-8-or-windows-1252';

/**
 * Looks at the start of a file before it is parsed: binary files are named (csv-parse would turn them
 * into nonsense), the encoding is found from a byte-order mark or, for UTF-16 without one, from where
 * its NUL bytes fall, and the delimiter is chosen (Trade Map's text export uses tabs, spreadsheets in
 * some locales semicolons).
 */
export function sniffText(
  head: Uint8Array,
): { problem: string } | { delimiter: Delimiter; encoding: SniffedEncoding } {
  const encoding = sniffEncoding(head);
  if (encoding === undefined) return { problem: m.notText() };
  const label = encoding.startsWith('utf-16') ? encoding.slice(0, 8) : 'latin1';
  const text = new TextDecoder(label === 'latin1' ? 'utf-8' : label).decode(head);
  return { delimiter: chooseDelimiter(text), encoding };
}

function sniffEncoding(head: Uint8Array): SniffedEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le-bom';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be-bom';
  const utf16 = utf16WithoutBom(head);
  if (utf16) return utf16;
  if (head.includes(0) || looksBinary(head)) return undefined;
  return 'utf-8-or-windows-1252';
}

/**
 * UTF-16 text of Latin script has a NUL in nearly every other byte: the high byte of each character.
 * Little-endian puts it second, big-endian first. Binary data has NULs anywhere, or none.
 */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) evenZeros += 1;
    if (head[i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros * 2 >= pairs && evenZeros * 64 <= pairs) return 'utf-16le';
  if (evenZeros * 2 >= pairs && oddZeros * 64 <= pairs) return 'utf-16be';
  return undefined;
}

/**
 * Text holds few control characters besides tab and line ends; binary data about one byte in nine.
 * A stray one in text is left to the check of each cell, which names its line.
 */
function looksBinary(head: Uint8Array): boolean {
  let controls = 0;
  for (const byte of head) if (byte < 0x20 && (byte < 0x09 || byte > 0x0d)) controls += 1;
  return controls >= 2 && controls * 20 > head.length;
}

/** The candidate seen most often outside quotes in the first lines; a comma when none is. */
function chooseDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  const lines = text.split(/\r\n|\n|\r/).slice(0, SNIFF_LINES);
  for (const line of lines) {
    let quoted = false;
    for (const c of line) {
      if (c === '"') quoted = !quoted;
      else if (!quoted && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}
