/**
 * Orders strings by code unit, the same on every machine. localeCompare without a locale follows the
 * machine's, which would change which source wins a tie and the order of rows in the outputs.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Characters that would act on a terminal or a log instead of showing: controls, line and bidi marks. */
const INVISIBLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text from outside (a file name, a cell, a key) as every message prints it: each control character
 * written as a visible escape (\n, \x1B, \u202E), so a name can never forge a log line, recolour the
 * terminal or reorder what follows it.
 */
export function escapeControls(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return SHORT_ESCAPES[c] ?? (code < 0x100 ? `\\x${hex(code, 2)}` : `\\u${hex(code, 4)}`);
  });
}

function hex(code: number, digits: number): string {
  return code.toString(16).toUpperCase().padStart(digits, '0');
}
