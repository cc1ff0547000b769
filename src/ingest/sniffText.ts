import { open } from 'node:fs/promises';
import { inputMessages as m } from '../core/messages.ts';

const SNIFF_BYTES = 64 * 1024;
const DELIMITERS = [',', '\t', ';'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Encoding = 'utf8' | 'utf16le';
/** Lines looked at to choose the delimiter. */
const SNIFF_LINES = 10;

/**
 * Looks at the start of a file before csv-parse does: binary files and other encodings are named
 * (csv-parse would turn them into nonsense), and the delimiter is chosen (Trade Map's text export
 * uses tabs, spreadsheets in some locales semicolons).
 */
export async function sniffText(
  path: string,
): Promise<{ problem: string } | { delimiter: Delimiter; encoding: Encoding }> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // csv-parse reads UTF-16 little-endian when the file starts with its byte-order mark.
  if (head[0] === 0xff && head[1] === 0xfe)
    return { delimiter: chooseDelimiter(head.toString('utf16le')), encoding: 'utf16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { problem: m.notUtf8() };
  if (head.includes(0)) return { problem: m.notText() };
  try {
    return {
      delimiter: chooseDelimiter(new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })),
      encoding: 'utf8',
    };
  } catch {
    return { problem: m.notUtf8() };
  }
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
