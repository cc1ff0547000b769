import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as fontkit from 'fontkit';
import { packageVersion } from './packageVersion.ts';

/**
 * Words shaped by fontkit once, at install, and replayed on later runs: fontkit shapes a word by running
 * the font's OpenType lookups, which it decodes from the font the first time each is used. A cold
 * briefing spent about a fifth of its time there, on the same words every time.
 *
 * A replay is exactly what fontkit would return, or it is not made:
 * - The store is used only for the same font file (its SHA-256), the same fontkit version and this
 *   format, and only when its own checksum holds.
 * - Only a plain call is replayed: the text alone, no features, script, language or direction.
 * - fontkit's result depends on the text and on one thing more: the characters each glyph object it
 *   keeps was first made with (a glyph two characters share). A word is recorded, and replayed, only
 *   while every glyph of its text carries its own character alone. The replay first maps the text to
 *   glyphs as fontkit does, checks that, and otherwise shapes the word with fontkit.
 * - It then asks the font for the same glyphs, with the same characters, in the same order as fontkit
 *   did when the word was recorded, so the glyphs it keeps are the same afterwards (the PDF's text
 *   layer reads their characters).
 */
const FORMAT = 1;
const FONTKIT_VERSION = packageVersion('fontkit');

/** A word as recorded: the glyph requests after the text's own (id, count, characters…), the run's glyphs, positions. */
type Shaped = [requests: number[], glyphs: number[], positions: number[]];

interface FaceWords {
  sha256: string;
  words: Record<string, Shaped>;
}

export interface ShapeStore {
  format: number;
  fontkit: string;
  /** By font file name. */
  faces: Record<string, FaceWords>;
}

/** The part of a glyph run that pdfkit and chart measuring read. */
type Run = Pick<fontkit.GlyphRun, 'glyphs' | 'positions' | 'advanceWidth'>;

export class ReplayedRun implements Run {
  constructor(
    readonly glyphs: fontkit.Glyph[],
    readonly positions: fontkit.GlyphPosition[],
  ) {}

  /** As fontkit sums it, in order. */
  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Whether `layout` was called with the text alone. */
const plain = (rest: unknown[]) => rest.every((argument) => argument === undefined);

/** The text's characters, or undefined when it has a variation selector (fontkit maps those in pairs). */
function charactersOf(text: string): number[] | undefined {
  const characters: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef)) return undefined;
    characters.push(code);
  }
  return characters;
}

/** Whether each glyph carries its own character alone. */
function ownCharacters(glyphs: readonly fontkit.Glyph[], characters: readonly number[]): boolean {
  if (glyphs.length !== characters.length) return false;
  return glyphs.every((glyph, i) => glyph.codePoints.length === 1 && glyph.codePoints[0] === characters[i]);
}

/** The store's text with its checksum above it, as written to disk. */
export function storeText(store: ShapeStore): string {
  const body = JSON.stringify(store);
  return `${createHash('sha256').update(body).digest('hex')}\n${body}`;
}

/** The store in `file`, or undefined when there is none, or it is damaged or for another fontkit. */
export function readShapeStore(file: string): ShapeStore | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline !== 64 || createHash('sha256').update(body).digest('hex') !== text.slice(0, newline))
    return undefined;
  const store = JSON.parse(body) as ShapeStore;
  return store.format === FORMAT && store.fontkit === FONTKIT_VERSION ? store : undefined;
}

/** Makes `face` replay the words `store` holds for its file; a face whose bytes differ is left as it is. */
export function replayShapes(face: fontkit.Font, name: string, bytes: Uint8Array, store: ShapeStore): void {
  const recorded = store.faces[name];
  if (!recorded || createHash('sha256').update(bytes).digest('hex') !== recorded.sha256) return;
  const words = new Map(Object.entries(recorded.words));
  const live = face.layout.bind(face);
  const replay = (text: string, ...rest: unknown[]): Run => {
    const shaped = words.get(text);
    if (!shaped || !plain(rest)) return live(text, ...(rest as []));
    const characters = charactersOf(text);
    const glyphs = face.glyphsForString(text);
    if (!characters || !ownCharacters(glyphs, characters)) return live(text);
    const [requests, ids, numbers] = shaped;
    for (let at = 0; at < requests.length; ) {
      const count = requests[at + 1] as number;
      face.getGlyph(requests[at] as number, requests.slice(at + 2, at + 2 + count));
      at += 2 + count;
    }
    const positions: fontkit.GlyphPosition[] = [];
    for (let i = 0; i < numbers.length; i += 4)
      positions.push({
        xAdvance: numbers[i] as number,
        yAdvance: numbers[i + 1] as number,
        xOffset: numbers[i + 2] as number,
        yOffset: numbers[i + 3] as number,
      });
    // Each was asked for above: the font hands back the glyph it keeps, making none.
    return new ReplayedRun(
      ids.map((id) => face.getGlyph(id)),
      positions,
    );
  };
  // pdfkit and chart measuring read only the glyphs, their positions and the advance width.
  face.layout = replay as unknown as typeof face.layout;
}

/**
 * Makes `face` record the words it shapes into `store` (at install): the glyphs fontkit asked the font
 * for while shaping each, and the run it returned, for words `replayShapes` can replay exactly.
 */
export function recordShapes(face: fontkit.Font, name: string, bytes: Uint8Array, store: ShapeStore): void {
  // No prototype: a word may be any text, "__proto__" included.
  const recorded: FaceWords = {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    words: Object.create(null) as Record<string, Shaped>,
  };
  store.faces[name] = recorded;
  const live = face.layout.bind(face);
  const getGlyph = face.getGlyph;
  const record = (text: string, ...rest: unknown[]): fontkit.GlyphRun => {
    const characters = charactersOf(text);
    if (!plain(rest) || !characters || text in recorded.words) return live(text, ...(rest as []));
    const requests: { id: number; characters: number[]; glyph: fontkit.Glyph }[] = [];
    face.getGlyph = (id, glyphCharacters = []) => {
      const glyph = getGlyph.call(face, id, glyphCharacters);
      requests.push({ id, characters: [...glyphCharacters], glyph });
      return glyph;
    };
    let run: fontkit.GlyphRun;
    try {
      run = live(text);
    } finally {
      face.getGlyph = getGlyph;
    }
    const shaped = recordable(run, requests, characters);
    if (shaped) recorded.words[text] = shaped;
    return run;
  };
  face.layout = record;
}

/** What to keep of a word shaped live, or undefined when a replay could not be sure to match it. */
function recordable(
  run: fontkit.GlyphRun,
  requests: { id: number; characters: number[]; glyph: fontkit.Glyph }[],
  characters: number[],
): Shaped | undefined {
  const own = requests.slice(0, characters.length);
  // fontkit first asks for each character's glyph, with that character; each must carry it alone.
  if (!own.every((r, i) => r.characters.length === 1 && r.characters[0] === characters[i])) return undefined;
  if (
    !ownCharacters(
      own.map((r) => r.glyph),
      characters,
    )
  )
    return undefined;
  // Every glyph of the run is one the font handed back while shaping, so it keeps it.
  const handed = new Set(requests.map((r) => r.glyph));
  if (requests.length < characters.length || !run.glyphs.every((glyph) => handed.has(glyph)))
    return undefined;
  const numbers = run.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]);
  // JSON keeps every finite number exactly, but not -0.
  if (!numbers.every((n) => Number.isFinite(n) && !Object.is(n, -0))) return undefined;
  if (run.positions.some((p) => Object.keys(p).join() !== 'xAdvance,yAdvance,xOffset,yOffset'))
    return undefined;
  const later = requests
    .slice(characters.length)
    .flatMap((r) => [r.id, r.characters.length, ...r.characters]);
  return [later, run.glyphs.map((glyph) => glyph.id), numbers];
}

/** An empty store for this fontkit. */
export function newShapeStore(): ShapeStore {
  return { format: FORMAT, fontkit: FONTKIT_VERSION, faces: {} };
}
