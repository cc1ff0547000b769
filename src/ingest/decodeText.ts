import { isAscii, isUtf8 } from 'node:buffer';
import { inputMessages as m } from '../core/messages.ts';
import type { Encoding, SniffedEncoding } from './sniffText.ts';

/** Why the bytes cannot be read as text, at the line of the first byte that fits no encoding. */
export interface DecodeStop {
  line: number;
  message: string;
}

/** Decodes a file's bytes chunk by chunk, counting lines (LF, CRLF, CR) to place a bad byte. */
export interface TextDecoding {
  write(bytes: Uint8Array): string | DecodeStop;
  /** What is left of a character cut at the last chunk's end. */
  end(): string | DecodeStop;
  /** The encoding, as far as the bytes read so far tell it. */
  encoding(): SniffedEncoding;
}

/** Windows-1252's characters for bytes 0x80–0x9F; the five it leaves undefined stay as they are. */
const CP1252_HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';
const CP1252_UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

export function createTextDecoding(sniffed: SniffedEncoding): TextDecoding {
  let encoding = sniffed;
  /** Line of the next character, and whether the text so far ends with CR (a LF next ends no new line). */
  let line = 1;
  let afterCr = false;
  /** Bytes of a character cut at a chunk's end; a byte-order mark to drop from the first chunk. */
  let pending: Uint8Array = new Uint8Array(0);
  let bom = encoding.endsWith('-bom') ? (encoding.startsWith('utf-8') ? 3 : 2) : 0;
  const utf16 = encoding.startsWith('utf-16');
  const decoder = new TextDecoder(utf16 ? encoding.slice(0, 8) : 'utf-8', { ignoreBOM: true });

  const counted = (text: string): string => {
    line += lineBreaks(text, afterCr);
    if (text.length > 0) afterCr = text.endsWith('\r');
    return text;
  };
  /** A stop at the character after `valid`, the text decoded before the bad byte. */
  const stopAfter = (valid: string, message: string): DecodeStop => ({
    line: line + lineBreaks(valid, afterCr),
    message,
  });

  const windows1252 = (data: Uint8Array): string | DecodeStop => {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.length);
    const found = CP1252_UNDEFINED.map((byte) => bytes.indexOf(byte)).filter((i) => i !== -1);
    const bad = found.length > 0 ? Math.min(...found) : -1;
    const text = bytes
      .subarray(0, bad === -1 ? bytes.length : bad)
      .toString('latin1')
      .replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string);
    if (bad !== -1) return stopAfter(text, m.unknownByte(data[bad] as number));
    return counted(text);
  };

  const utf8 = (data: Uint8Array, final: boolean): string | DecodeStop => {
    if (encoding === 'windows-1252') return windows1252(data);
    const end = final ? data.length : completeUtf8End(data);
    const body = data.subarray(0, end);
    pending = data.slice(end);
    if (encoding === 'utf-8-or-windows-1252' && !isAscii(body)) {
      // The first non-ASCII bytes decide: UTF-8 if they are UTF-8, else a one-byte encoding.
      const firstHigh = body.findIndex((byte) => byte >= 0x80);
      if (firstInvalidUtf8(body, firstHigh) === firstHigh) {
        encoding = 'windows-1252';
        pending = new Uint8Array(0);
        return windows1252(data);
      }
      encoding = 'utf-8';
    }
    const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body, 0);
    if (bad === -1) return counted(decoder.decode(body));
    return stopAfter(decoder.decode(body.subarray(0, bad)), m.brokenUtf8());
  };

  const utf16Units = (data: Uint8Array, final: boolean): string | DecodeStop => {
    const le = encoding.startsWith('utf-16le');
    let end = data.length - (data.length % 2);
    // A high surrogate at the end waits for the low one in the next chunk.
    if (!final && end >= 2 && isHighSurrogate(unitAt(data, end - 2, le))) end -= 2;
    const body = data.subarray(0, end);
    pending = data.slice(end);
    const bad = loneSurrogate(body, le);
    if (bad !== -1) return stopAfter(decoder.decode(body.subarray(0, bad)), m.brokenUtf16());
    const text = counted(decoder.decode(body));
    if (final && pending.length > 0) return stopAfter('', m.brokenUtf16());
    return text;
  };

  const decode = (bytes: Uint8Array, final: boolean): string | DecodeStop => {
    let data = pending.length > 0 ? Buffer.concat([pending, bytes]) : bytes;
    pending = new Uint8Array(0);
    if (bom > 0) {
      if (data.length < bom && !final) {
        pending = data;
        return '';
      }
      data = data.subarray(bom);
      bom = 0;
    }
    return utf16 ? utf16Units(data, final) : utf8(data, final);
  };

  return {
    write: (bytes) => decode(bytes, false),
    end: () => decode(new Uint8Array(0), true),
    encoding: () => encoding,
  };
}

/** The encoding a file had: one of plain ASCII is UTF-8. */
export function settledEncoding(encoding: SniffedEncoding): Encoding {
  return encoding === 'utf-8-or-windows-1252' ? 'utf-8' : encoding;
}

/**
 * Bytes held whole (a page, one record) as text, and the encoding as they tell it, starting from what
 * is known of it (from `sniffText`, or from the bytes of the same file before).
 */
export function decodeBytes(
  bytes: Uint8Array,
  encoding: SniffedEncoding,
): { text: string; encoding: SniffedEncoding } | DecodeStop {
  const decoding = createTextDecoding(encoding);
  const text = decoding.write(bytes);
  if (typeof text !== 'string') return text;
  const rest = decoding.end();
  if (typeof rest !== 'string') return rest;
  return { text: text + rest, encoding: decoding.encoding() };
}

/** Line ends in `text`: LF, CR, CRLF as one; a LF first after a CR ends the line that CR ended. */
function lineBreaks(text: string, afterCr: boolean): number {
  const count = (s: string) => {
    let n = 0;
    for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + s.length)) n += 1;
    return n;
  };
  return count('\n') + count('\r') - count('\r\n') - (afterCr && text.startsWith('\n') ? 1 : 0);
}

/** Where an unfinished UTF-8 character at the end starts (its bytes wait for the next chunk). */
function completeUtf8End(data: Uint8Array): number {
  for (let i = data.length - 1; i >= Math.max(0, data.length - 4); i -= 1) {
    const byte = data[i] as number;
    if ((byte & 0xc0) === 0x80) continue;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return i + size > data.length ? i : data.length;
  }
  return data.length;
}

/** The first byte from `from` on that does not begin a well-formed UTF-8 character; -1 if none. */
function firstInvalidUtf8(data: Uint8Array, from: number): number {
  let i = from;
  while (i < data.length) {
    const lead = data[i] as number;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    const size =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (size === 0 || i + size > data.length) return i;
    const second = data[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < size; k += 1) if (((data[i + k] as number) & 0xc0) !== 0x80) return i;
    i += size;
  }
  return -1;
}

function unitAt(data: Uint8Array, i: number, le: boolean): number {
  const [a, b] = [data[i] as number, data[i + 1] as number];
  return le ? a | (b << 8) : (a << 8) | b;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** Byte offset of the first surrogate without its pair; -1 if none. */
function loneSurrogate(data: Uint8Array, le: boolean): number {
  for (let i = 0; i + 1 < data.length; i += 2) {
    const unit = unitAt(data, i, le);
    if (isLowSurrogate(unit)) return i;
    if (!isHighSurrogate(unit)) continue;
    if (i + 3 >= data.length || !isLowSurrogate(unitAt(data, i + 2, le))) return i;
    i += 2;
  }
  return -1;
}
