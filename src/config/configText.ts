/**
 * Every text of the config ends up in SVG, XML metadata and PDF text, where control characters and
 * Unicode non-characters are not allowed (a vertical tab from an Excel cell stops the chart renderer;
 * U+FFFE makes the XMP packet ill-formed). Such text is refused with its key rather than changed in
 * silence. Keys that name an object's prototype are refused too: they are never a setting.
 */

export interface TextProblem {
  key: string;
  kind: 'character' | 'key';
  /** The offending character as U+XXXX, or the refused key. */
  detail: string;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 and C1 controls, DEL, non-characters, and halves of a surrogate pair standing alone. */
function isBadCharacter(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0xfdd0 && code <= 0xfdef) ||
    (code & 0xfffe) === 0xfffe
  );
}

/** The first bad character of every text (keys included), and every forbidden key, by key path. */
export function findBadText(value: unknown, path: string[] = []): TextProblem[] {
  const key = path.join('.') || '(top level)';
  if (typeof value === 'string') {
    for (const char of value) {
      const code = char.codePointAt(0) ?? 0;
      if (isBadCharacter(code)) return [{ key, kind: 'character', detail: codePoint(code) }];
    }
    return [];
  }
  if (!value || typeof value !== 'object') return [];
  const problems: TextProblem[] = [];
  for (const [name, child] of Object.entries(value)) {
    const childPath = [...path, name];
    if (FORBIDDEN_KEYS.has(name)) problems.push({ key: childPath.join('.'), kind: 'key', detail: name });
    else problems.push(...findBadText(name, childPath), ...findBadText(child, childPath));
  }
  return problems;
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
