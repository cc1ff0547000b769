import { type FileHandle, open } from 'node:fs/promises';
import { inputMessages as m } from '../../core/messages.ts';
import { MAX_RECORD_BYTES } from '../readCsv.ts';

/** Bytes read at a time: large enough that reads cost nothing next to parsing, small enough to stay flat. */
const CHUNK_BYTES = 4 << 20;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/** Why a file cannot be read on: it is reported alone, as when csv-parse gives up on a file. */
export interface Stop {
  line: number;
  message: string;
}

/** Bytes read in order from a file or a stream: the part of a FileHandle the reader uses. */
export interface ByteReader {
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** Part of a file, from a line start to a line start, and the number of its first line. */
export interface ByteRange {
  start: number;
  end: number;
  firstLine: number;
}

/** Where records go. `line` and `quoted` may stop the reading (a file that is not UTF-8 or not valid CSV). */
export interface RecordSink {
  /**
   * Takes the line at `start` straight from the bytes if it is plain enough, and returns where the next
   * line starts; -1 leaves it to `line` or `quoted`. This is where nearly every line of a clean file goes.
   */
  plain(data: Buffer, start: number, line: number): number;
  /** A record on one line without quotes: bytes [start, end) of `data`, its line ending left out. */
  line(data: Buffer, start: number, end: number, line: number): Stop | undefined;
  /** A record with quotes, possibly over several lines (`line` is its first), for a full CSV parser. */
  quoted(text: Buffer, line: number): Stop | undefined;
}

/**
 * Reads a delimited text file once, in fixed-size chunks (each also given to `onChunk`, for a progress
 * bar), and hands each record to `sink` with its line number, as csv-parse counts lines (LF, CRLF
 * and lone CR end a line; blank lines are counted and skipped). The sink parses plain lines itself as
 * it finds their end; any other line is found with a byte search, and one holding a quote or a lone CR
 * is followed quote by quote to the end of its record. The next chunk is read while one is parsed.
 * Memory is two chunks: a record longer than MAX_RECORD_BYTES stops the reading, as it does in csv-parse.
 * With a `range`, only that part of the file is read, its lines numbered from the range's first line.
 * Returns why the reading stopped, or the number of the line after the last one read.
 */
export async function readLines(
  source: string | ByteReader,
  delimiter: number,
  sink: RecordSink,
  options: { onChunk?: (chunk: Buffer) => void; chunkBytes?: number; range?: ByteRange } = {},
): Promise<Stop | { nextLine: number }> {
  const { onChunk, chunkBytes = CHUNK_BYTES, range } = options;
  const handle = typeof source === 'string' ? await open(source, 'r') : source;
  // Chunks are read after room for what is kept of the one before (an unfinished record, never longer
  // than MAX_RECORD_BYTES), in two buffers by turns: one is parsed while the other is read into.
  const buffers = [0, 1].map(() => Buffer.allocUnsafe(MAX_RECORD_BYTES + chunkBytes));
  let position = range?.start ?? 0;
  const readInto = async (buffer: Buffer) => {
    if (!range) return handle.read(buffer, MAX_RECORD_BYTES, chunkBytes);
    const length = Math.min(chunkBytes, range.end - position);
    if (length <= 0) return { bytesRead: 0 };
    const read = await (handle as FileHandle).read(buffer, MAX_RECORD_BYTES, length, position);
    position += read.bytesRead;
    return read;
  };
  let pending = readInto(buffers[0] as Buffer);
  try {
    let kept: Buffer = Buffer.alloc(0);
    let line = range?.firstLine ?? 1;
    // Only the file's own start may hold a byte-order mark.
    let first = position === 0;
    for (let turn = 0; ; turn = 1 - turn) {
      const buffer = buffers[turn] as Buffer;
      const { bytesRead: n } = await pending;
      const atEnd = n === 0;
      kept.copy(buffer, MAX_RECORD_BYTES - kept.length);
      const data = buffer.subarray(MAX_RECORD_BYTES - kept.length, MAX_RECORD_BYTES + n);
      // The other buffer's bytes are all in `data` now: it can take the next chunk.
      if (!atEnd) pending = readInto(buffers[1 - turn] as Buffer);
      onChunk?.(buffer.subarray(MAX_RECORD_BYTES, MAX_RECORD_BYTES + n));
      // A UTF-8 byte-order mark is not part of the first field (csv-parse's `bom` option).
      const bom = first && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf;
      first = false;
      const scanned = scanRecords(data, bom ? 3 : 0, line, atEnd, delimiter, sink);
      if ('message' in scanned) return scanned;
      line = scanned.line;
      kept = data.subarray(scanned.pos);
      if (kept.length > MAX_RECORD_BYTES) return { line, message: m.lineTooLong(MAX_RECORD_BYTES) };
      if (atEnd) return { nextLine: line };
    }
  } finally {
    // A read may still be under way when a record stops the reading.
    await pending.catch(() => undefined);
    await handle.close();
  }
}

/** Hands every complete record in `data` from `pos` to the sink; returns where the unfinished one starts. */
function scanRecords(
  data: Buffer,
  from: number,
  firstLine: number,
  atEnd: boolean,
  delimiter: number,
  sink: RecordSink,
): { pos: number; line: number } | Stop {
  const length = data.length;
  let pos = from;
  let line = firstLine;
  // Next quote and next CR at or after `pos` (`length`: none), found again only once passed.
  let nextQuote = -1;
  let nextCr = -1;
  while (pos < length) {
    const next = sink.plain(data, pos, line);
    if (next >= 0) {
      line += 1;
      pos = next;
      continue;
    }
    let lf = data.indexOf(LF, pos);
    if (lf < 0) {
      if (!atEnd) break;
      lf = length;
    }
    if (nextQuote < pos) nextQuote = indexOrLength(data, QUOTE, pos);
    if (nextCr < pos) nextCr = indexOrLength(data, CR, pos);
    const end = lf > pos && nextCr === lf - 1 ? lf - 1 : lf;
    if (nextQuote >= end && nextCr >= end) {
      if (end - pos > MAX_RECORD_BYTES) return { line, message: m.lineTooLong(MAX_RECORD_BYTES) };
      if (end > pos) {
        const stop = sink.line(data, pos, end, line);
        if (stop) return stop;
      }
      line += 1;
      pos = lf + 1;
      continue;
    }
    // A quote (which may hold line endings) or a lone CR (a line ending of its own): follow the record.
    const record = recordEnd(data, pos, atEnd, delimiter);
    if (record === 'more') break;
    if (record === 'unclosed') return { line, message: m.unclosedQuote() };
    if (record.end - pos > MAX_RECORD_BYTES) return { line, message: m.lineTooLong(MAX_RECORD_BYTES) };
    const quoted = nextQuote < record.end;
    if (record.end > pos) {
      const stop = quoted
        ? sink.quoted(data.subarray(pos, record.end), line)
        : sink.line(data, pos, record.end, line);
      if (stop) return stop;
    }
    line += (quoted ? lineBreaks(data, pos, record.end) : 0) + 1;
    pos = record.next;
  }
  return { pos: Math.min(pos, length), line };
}

function indexOrLength(data: Buffer, byte: number, from: number): number {
  const found = data.indexOf(byte, from);
  return found < 0 ? data.length : found;
}

/**
 * The end of the record starting at `start`, following csv-parse's quoting: a quote opens a quoted field
 * only at the start of a field (after blanks), "" inside one is a quote, and elsewhere a quote is text.
 * 'more' when the data ends first (read on); 'unclosed' at the end of the file inside quotes.
 */
function recordEnd(
  data: Buffer,
  start: number,
  atEnd: boolean,
  delimiter: number,
): { end: number; next: number } | 'more' | 'unclosed' {
  const length = data.length;
  let quoted = false;
  let fieldStart = true;
  for (let i = start; i < length; i++) {
    const c = data[i];
    if (quoted) {
      if (c !== QUOTE) continue;
      if (i + 1 === length && !atEnd) return 'more';
      if (data[i + 1] === QUOTE) i += 1;
      else quoted = false;
    } else if (c === LF) {
      return { end: i, next: i + 1 };
    } else if (c === CR) {
      if (i + 1 === length && !atEnd) return 'more';
      return { end: i, next: data[i + 1] === LF ? i + 2 : i + 1 };
    } else if (c === delimiter) {
      fieldStart = true;
    } else if (c === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c !== SPACE && c !== TAB) {
      fieldStart = false;
    }
  }
  if (!atEnd) return 'more';
  return quoted ? 'unclosed' : { end: length, next: length };
}

/**
 * Line endings inside a record's quoted fields, counted as outside them and as a file read whole counts
 * them (`crlfAsLineFeed`): each LF, CRLF and lone CR.
 */
function lineBreaks(data: Buffer, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) {
    const c = data[i];
    if (c === LF || (c === CR && !(i + 1 < end && data[i + 1] === LF))) count += 1;
  }
  return count;
}

/**
 * A stream as a ByteReader (an archive member inflated as it is read): each read fills the buffer
 * from the stream's chunks, so the reader sees the same fixed-size chunks as from a file.
 */
export function streamReader(stream: AsyncIterable<Buffer> & { destroy(): void }): ByteReader {
  const chunks = stream[Symbol.asyncIterator]();
  let rest: Buffer = Buffer.alloc(0);
  let ended = false;
  return {
    async read(buffer, offset, length) {
      let n = 0;
      while (n < length) {
        if (rest.length === 0) {
          if (ended) break;
          const next = await chunks.next();
          if (next.done) {
            ended = true;
            break;
          }
          rest = next.value;
        }
        const take = Math.min(rest.length, length - n);
        rest.copy(buffer, offset + n, 0, take);
        rest = rest.subarray(take);
        n += take;
      }
      return { bytesRead: n };
    },
    async close() {
      stream.destroy();
    },
  };
}
