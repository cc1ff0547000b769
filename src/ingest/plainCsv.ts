import type { Delimiter } from './sniffText.ts';
import type { CsvRow } from './table.ts';

/**
 * What this reader leaves to csv-parse: control characters (a tab, a line break inside quotes), any
 * whitespace but the space (csv-parse trims all of Unicode's) and lone surrogates (csv-parse reads
 * bytes, where one would become U+FFFD).
 */
const NOT_PLAIN = /[\p{Cc}\p{Cs}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
/** Lines end with CRLF, LF or a lone CR, as in `csvOptions`. */
const LINE_END = /\r\n|\n|\r/g;
/** Characters a line may have: well under csv-parse's MAX_RECORD_BYTES, at 3 bytes each. */
const MAX_LINE_CHARS = 300_000;

/**
 * Splits delimited text into records exactly as csv-parse does with `csvOptions` (cells trimmed of
 * spaces, blank records skipped, each record with the line it ends on), without it, for text in which
 * every line is plain: a comma or semicolon between fields, each field either unquoted without quotes,
 * or enclosed in quotes (quotes inside written twice) with only spaces around them, and nothing of
 * NOT_PLAIN. A parser of that much is a fifth of csv-parse's time. `write` and `end` return false at
 * the first line that is not plain; the caller then reads the whole text with csv-parse, which also
 * reports what is wrong. Undefined for tab-separated text.
 */
export function createPlainCsv(delimiter: Delimiter) {
  if (delimiter === '\t') return undefined;
  const records: CsvRow[] = [];
  let line = 0;
  // The text after the last line end seen: a line not ended yet, or a CR whose LF may come next.
  let rest = '';

  const field = (text: string, start: number, cells: string[]): number => {
    let at = start;
    while (text.charCodeAt(at) === 32) at += 1;
    if (text[at] !== '"') {
      let end = text.indexOf(delimiter, at);
      if (end < 0) end = text.length;
      const raw = text.slice(at, end);
      if (raw.includes('"')) return -1;
      cells.push(raw.trimEnd());
      return end;
    }
    let value = '';
    let from = at + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) return -1;
      value += text.slice(from, quote);
      if (text[quote + 1] !== '"') {
        at = quote + 1;
        break;
      }
      value += '"';
      from = quote + 2;
    }
    while (text.charCodeAt(at) === 32) at += 1;
    if (at < text.length && text[at] !== delimiter) return -1;
    cells.push(value);
    return at;
  };

  const record = (text: string): boolean => {
    line += 1;
    if (text === '') return true;
    if (text.length > MAX_LINE_CHARS || NOT_PLAIN.test(text)) return false;
    const cells: string[] = [];
    for (let at = field(text, 0, cells); at < text.length; at = field(text, at + 1, cells))
      if (at < 0) return false;
    // A record of blank fields is skipped (csv-parse's skip_records_with_empty_values).
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line, cells });
    return true;
  };

  return {
    write(text: string): boolean {
      const all = rest + text;
      LINE_END.lastIndex = 0;
      let start = 0;
      for (let end = LINE_END.exec(all); end; end = LINE_END.exec(all)) {
        // A CR at the very end may be the first half of a CRLF.
        if (end[0] === '\r' && end.index === all.length - 1) break;
        if (!record(all.slice(start, end.index))) return false;
        start = end.index + end[0].length;
      }
      rest = all.slice(start);
      return true;
    },
    /** The records, or undefined when the last line is not plain. */
    end(): CsvRow[] | undefined {
      if (rest.endsWith('\r')) rest = rest.slice(0, -1);
      return rest === '' || record(rest) ? records : undefined;
    },
  };
}
