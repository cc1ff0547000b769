/** Line and page breaks inside a cell (Excel's multi-line cells, vertical tabs): one space each run. */
const BREAKS = /[\n\v\f\r\u0085\u2028\u2029]+/g;
/** C0 and C1 controls other than tab and the breaks above, and DEL. */
const CONTROLS = String.raw`\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f`;
const NONCHARACTERS = String.raw`\ufdd0-\ufdef\ufffe\uffff`;
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
/** Characters no text may hold: SVG and XMP would not be well-formed with them. */
const FORBIDDEN = new RegExp(`[${CONTROLS}${NONCHARACTERS}]|${LONE_SURROGATE}`);
/** Any of the above, or a break: most cells hold none, and are left as they are. */
const UNUSUAL = new RegExp(
  String.raw`[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff${NONCHARACTERS}]`,
);

/** A cell with its breaks made spaces; the code point of a character it may not hold, if any. */
export function cleanCell(cell: string): { text: string } | { forbidden: number } {
  if (!UNUSUAL.test(cell)) return { text: cell };
  const bad = FORBIDDEN.exec(cell);
  if (bad) return { forbidden: bad[0].charCodeAt(0) };
  return { text: cell.replace(BREAKS, ' ').trim() };
}
