const LIMIT = 36;
const SHORTEST = 16;

/**
 * HS chapter names run long ("Machinery and mechanical appliances, boilers, nuclear reactors; parts
 * thereof"). A chart label keeps the longest run of leading phrases that fits, cut where the name
 * itself pauses (";", ",", " and "); only when that leaves too little are words cut with an ellipsis.
 */
export function shortChapterLabel(name: string, limit = LIMIT): string {
  // A closing full stop goes, an abbreviation's stays ("Chemical products n.e.c.").
  const text = name.replace(/(?<!\.\w)\.$/, '').trim();
  const sentence = text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
  if (sentence.length <= limit) return sentence;
  const longestCut = (pattern: RegExp) => {
    const cuts = [...sentence.matchAll(pattern)].map((m) => m.index ?? 0).filter((i) => i <= limit);
    // A cut before ", and" would end on the comma: the label never ends on punctuation.
    return sentence
      .slice(0, Math.max(0, ...cuts))
      .replace(/[,;:\s]+$/, '')
      .trim();
  };
  // A whole clause reads better than a clause cut short at a comma.
  for (const pattern of [/;/g, /;|,| and /g]) {
    const best = longestCut(pattern);
    if (best.length >= SHORTEST) return best;
  }
  const words = sentence.split(' ');
  let label = '';
  for (const word of words) {
    if (`${label} ${word}`.trim().length > limit - 1) break;
    label = `${label} ${word}`.trim();
  }
  return `${label.replace(/[,;]$/, '')}…`;
}

/** A long label on lines of at most `limit` characters, broken between words, for labelColumn. */
export function wrapLabel(text: string, limit = LIMIT): string {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= limit) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
