/**
 * JSON as people save it: a byte-order mark (Windows editors) is accepted, and a mistake is located by
 * line and column with what was expected there. JSON.parse builds the value; this scanner only runs
 * when it fails, because the engine's own message has no position for some mistakes and quotes the
 * file's text, which must not be echoed (the file may be a link to something private).
 */

export interface JsonMistake {
  line: number;
  column: number;
  expected: string;
  found: string;
}

export type JsonRead = { value: unknown } | { mistake: JsonMistake };

export function readJsonText(text: string): JsonRead {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  try {
    return { value: JSON.parse(body) };
  } catch {
    return { mistake: locateMistake(body) };
  }
}

class Mistake {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The first place where `text` stops being JSON (RFC 8259), and what would have been valid there. */
export function locateMistake(text: string): JsonMistake {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && WHITESPACE.has(text[i] as string)) i += 1;
  };
  const expect = (char: string, expected: string) => {
    if (text[i] !== char) throw new Mistake(i, expected);
    i += 1;
  };
  const string = () => {
    expect('"', 'a key in double quotes');
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Mistake(i, 'a closing double quote');
      if (c === '"') break;
      if (c < ' ') throw new Mistake(i, 'text without control characters or line breaks (write \\n)');
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (next !== undefined && ESCAPES.has(next)) i += 2;
        else throw new Mistake(i, 'an escape such as \\" \\\\ \\n or \\u00e9');
      } else i += 1;
    }
    i += 1;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) throw new Mistake(i, 'a value (text in double quotes, a number, true, false, null, { or [)');
    i += match[0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (c === '{') object();
    else if (c === '[') array();
    else if (c === '"') string();
    else if (word) i += word.length;
    else number();
  };
  const object = () => {
    i += 1;
    skipSpace();
    if (text[i] === '}') {
      i += 1;
      return;
    }
    for (;;) {
      skipSpace();
      string();
      skipSpace();
      expect(':', '":" after the key');
      value();
      skipSpace();
      if (text[i] === '}') break;
      expect(',', '"," or "}"');
      skipSpace();
      if (text[i] === '}') throw new Mistake(i, 'another key after "," (JSON has no trailing commas)');
    }
    i += 1;
  };
  const array = () => {
    i += 1;
    skipSpace();
    if (text[i] === ']') {
      i += 1;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ']') break;
      expect(',', '"," or "]"');
      skipSpace();
      if (text[i] === ']') throw new Mistake(i, 'another value after "," (JSON has no trailing commas)');
    }
    i += 1;
  };
  let mistake: Mistake;
  try {
    value();
    skipSpace();
    mistake = new Mistake(i, 'the end of the file');
  } catch (error) {
    if (!(error instanceof Mistake)) throw error;
    mistake = error;
  }
  return {
    ...position(text, mistake.offset),
    expected: mistake.expected,
    found: describe(text[mistake.offset]),
  };
}

/** 1-based line and column (in characters) of an offset. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1 };
}

/** What stands at the mistake, named without quoting the file's text beyond one visible character. */
function describe(char: string | undefined): string {
  if (char === undefined) return 'the end of the file';
  if (char === '\n' || char === '\r') return 'a line break';
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0))
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `"${char}"`;
}

/**
 * Where the member at `path` (keys and array indices) stands in `text`, valid JSON: its key in an
 * object, its value in an array, the last of keys written twice (the one JSON.parse keeps). Undefined
 * when the text holds no such member.
 */
export function positionOf(
  text: string,
  path: readonly string[],
): { line: number; column: number } | undefined {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  let i = 0;
  const skipSpace = () => {
    while (i < body.length && WHITESPACE.has(body[i] as string)) i += 1;
  };
  const skipString = () => {
    i += 1;
    while (body[i] !== '"') i += body[i] === '\\' ? 2 : 1;
    i += 1;
  };
  const skipScalar = () => {
    const ends = (c: string | undefined) => c === undefined || ',]}'.includes(c) || WHITESPACE.has(c);
    while (!ends(body[i])) i += 1;
  };
  // Consumes the value at i; returns where the rest of the path, from `depth` on, stands in it. A
  // depth of -1 follows no path.
  const locate = (depth: number): number | undefined => {
    skipSpace();
    const start = i;
    if (depth === path.length) {
      locate(-1);
      return start;
    }
    const wanted = depth < 0 ? undefined : path[depth];
    let found: number | undefined;
    const open = body[i];
    if (open === '{' || open === '[') {
      i += 1;
      for (let index = 0; ; index += 1) {
        skipSpace();
        if (body[i] === '}' || body[i] === ']') break;
        let at = i;
        let key = String(index);
        if (open === '{') {
          skipString();
          key = JSON.parse(body.slice(at, i)) as string;
          skipSpace();
          i += 1;
        } else at = -1;
        const inner = locate(key === wanted ? depth + 1 : -1);
        if (key === wanted) found = at >= 0 && depth + 1 === path.length ? at : inner;
        skipSpace();
        if (body[i] === ',') i += 1;
      }
      i += 1;
    } else if (open === '"') skipString();
    else skipScalar();
    return found;
  };
  const offset = locate(0);
  return offset === undefined ? undefined : position(body, offset);
}
