import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type * as fontkit from 'fontkit';
import { bakedCodeVersion } from './cache.ts';
import { packageJson, packageVersion } from './packageVersion.ts';

/**
 * Words shaped by fontkit once, at install, and replayed on later runs: fontkit shapes a word by running
 * the font's OpenType lookups, which it decodes from the font the first time each is used. A cold
 * briefing spent about a fifth of its time there, on the same words every time.
 *
 * A replay is exactly what fontkit would return, or it is not made:
 * - The store is used only by the code that wrote it (the bundle's code version), with the same fontkit
 *   and libraries under it, for the same font file (its SHA-256), and only when its checksum holds.
 * - Only a plain call is replayed: the text alone, no features, script, language or direction.
 * - fontkit's result depends on the text and on what the glyph objects it keeps carry: the characters
 *   each was first made with (a glyph two characters share). It reads them twice: those of the text's
 *   own glyphs to shape, and the first character of every glyph of the run, to hide a default-ignorable
 *   one (a zero-width space, a soft hyphen). A word is recorded, and replayed, only while each glyph of
 *   its text carries its own character alone and no glyph it meets begins with a default-ignorable
 *   character; the replay checks both, and otherwise shapes the word with fontkit.
 * - It asks the font for the same glyphs, with the same characters, in the same order as fontkit did
 *   when the word was recorded, so the glyphs it keeps are the same afterwards (the PDF's text layer
 *   reads their characters).
 */
const FORMAT = 2;

/** A word as recorded: the glyph requests after the text's own (id, count, characters…), the run's glyphs, positions. */
type Shaped = [requests: number[], glyphs: number[], positions: number[]];

interface FaceWords {
  sha256: string;
  words: Record<string, Shaped>;
}

export interface ShapeStore {
  format: number;
  /** The bundle's code version (null from the sources). */
  code: string | null;
  /** fontkit's version and those of the libraries it uses. */
  libraries: string;
  /** By font file name. */
  faces: Record<string, FaceWords>;
}

/** The part of a glyph run that pdfkit and chart measuring read: all a replay gives. */
export type Run = Pick<fontkit.GlyphRun, 'glyphs' | 'positions' | 'advanceWidth'>;

/** A face as the briefing uses it: its layout may be a replay. */
export type Face = Omit<fontkit.Font, 'layout'> & {
  layout(text: string, features?: string[] | Record<string, boolean>): Run;
};

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

/** fontkit and the libraries it runs on, by version: what shapes a word besides the font. */
function libraries(): string {
  const fontkit = packageJson('fontkit');
  const names = Object.keys(fontkit?.dependencies ?? {}).sort();
  return [`fontkit@${fontkit?.version}`, ...names.map((name) => `${name}@${packageVersion(name)}`)].join(' ');
}

/** An empty store for this code and these libraries. */
export function newShapeStore(): ShapeStore {
  return { format: FORMAT, code: bakedCodeVersion() ?? null, libraries: libraries(), faces: {} };
}

/** The store's text with its checksum above it, as written to disk; faces with no word left out. */
export function storeText(store: ShapeStore): string {
  const faces = Object.fromEntries(
    Object.entries(store.faces).filter(([, face]) => Object.keys(face.words).length > 0),
  );
  const body = JSON.stringify({ ...store, faces });
  return `${createHash('sha256').update(body).digest('hex')}\n${body}`;
}

/** The store in `file`, or undefined when there is none, it is damaged, or it is another code's. */
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
  let store: ShapeStore;
  try {
    store = JSON.parse(body) as ShapeStore;
  } catch {
    return undefined;
  }
  const current = newShapeStore();
  const same =
    store.format === current.format && store.code === current.code && store.libraries === current.libraries;
  return same && typeof store.faces === 'object' && store.faces !== null ? store : undefined;
}

/**
 * fontkit's own test for a default-ignorable character (its layout engine's), asked only from U+00AD,
 * the first such character: the engine is made on first use, which a replayed word need not pay for.
 * Undefined where fontkit has no such test.
 */
function defaultIgnorable(face: fontkit.Font): ((code: number | undefined) => boolean) | undefined {
  const prototype = Object.getPrototypeOf(face) as object;
  const engineGetter = Object.getOwnPropertyDescriptor(prototype, '_layoutEngine')?.get;
  if (!engineGetter) return undefined;
  let test: ((code: number | undefined) => unknown) | undefined;
  return (code) => {
    if (code === undefined || code < 0xad) return false;
    if (!test) {
      const engine = (face as unknown as { _layoutEngine: { isDefaultIgnorable?: unknown } })._layoutEngine;
      const method = engine.isDefaultIgnorable;
      // Without fontkit's test, nothing can be vouched for.
      test = typeof method === 'function' ? (c) => method.call(engine, c) : () => true;
    }
    return test(code) === true;
  };
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

/**
 * Whether each glyph carries its own character alone, or is the font's .notdef (glyph 0, what a
 * character the font lacks becomes, such as a line break) made with none, as pdfkit makes it for
 * every document: fontkit then shapes it the same whatever character asked for it.
 */
function ownCharacters(glyphs: readonly fontkit.Glyph[], characters: readonly number[]): boolean {
  if (glyphs.length !== characters.length) return false;
  return glyphs.every(
    (glyph, i) =>
      (glyph.codePoints.length === 1 && glyph.codePoints[0] === characters[i]) ||
      (glyph.id === 0 && glyph.codePoints.length === 0),
  );
}

/** Whether a stored word has the shape `recordable` gives, with glyph ids the face has. */
function wellFormed(shaped: unknown, glyphCount: number): shaped is Shaped {
  if (!Array.isArray(shaped) || shaped.length !== 3 || !shaped.every(Array.isArray)) return false;
  const [requests, ids, positions] = shaped as unknown[][];
  const glyph = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < glyphCount;
  const character = (n: unknown) => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= 0x10ffff;
  for (let at = 0; at < (requests as unknown[]).length; ) {
    const count = (requests as unknown[])[at + 1];
    if (!glyph((requests as unknown[])[at]) || !Number.isInteger(count)) return false;
    const characters = (requests as unknown[]).slice(at + 2, at + 2 + (count as number));
    if (characters.length !== count || !characters.every(character)) return false;
    at += 2 + (count as number);
  }
  return (
    (ids as unknown[]).every(glyph) &&
    (positions as unknown[]).length === 4 * (ids as unknown[]).length &&
    (positions as unknown[]).every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Makes `face` replay the words `store` holds for its file; a face whose bytes differ is left as it is. */
export function replayShapes(face: fontkit.Font, name: string, bytes: Uint8Array, store: ShapeStore): void {
  const recorded = store.faces[name];
  const ignorable = defaultIgnorable(face);
  if (!recorded || !ignorable || createHash('sha256').update(bytes).digest('hex') !== recorded.sha256) return;
  const words = new Map(Object.entries(recorded.words ?? {}));
  const checked = new WeakSet<Shaped>();
  const usable = (shaped: Shaped) => {
    if (checked.has(shaped)) return true;
    if (!wellFormed(shaped, face.numGlyphs)) return false;
    checked.add(shaped);
    return true;
  };
  const live = face.layout.bind(face);
  const replay = (text: string, ...rest: unknown[]): Run => {
    const shaped = words.get(text);
    if (!shaped || !plain(rest) || !usable(shaped)) return live(text, ...(rest as []));
    const characters = charactersOf(text);
    const met = face.glyphsForString(text);
    if (!characters || !ownCharacters(met, characters)) return live(text);
    const [requests, ids, numbers] = shaped;
    for (let at = 0; at < requests.length; ) {
      const count = requests[at + 1] as number;
      met.push(face.getGlyph(requests[at] as number, requests.slice(at + 2, at + 2 + count)));
      at += 2 + count;
    }
    // fontkit made the same requests: shaping the word live from here makes no glyph the replay did not.
    if (met.some((glyph) => ignorable(glyph.codePoints[0]))) return live(text);
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
  // Callers see the face as a Face, whose layout gives a Run.
  face.layout = replay as unknown as typeof face.layout;
}

/**
 * Makes `face` record the words it shapes into `store` (at install): the glyphs fontkit asked the font
 * for while shaping each, and the run it returned, for words `replayShapes` can replay exactly.
 */
export function recordShapes(face: fontkit.Font, name: string, bytes: Uint8Array, store: ShapeStore): void {
  const ignorable = defaultIgnorable(face);
  if (!ignorable) return;
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
    const requests: Request[] = [];
    face.getGlyph = (id, glyphCharacters = []) => {
      const glyph = getGlyph.call(face, id, glyphCharacters);
      requests.push({ id, characters: [...glyphCharacters], glyph });
      return glyph;
    };
    let run: fontkit.GlyphRun;
    try {
      run = live(text);
    } finally {
      Reflect.deleteProperty(face, 'getGlyph');
    }
    const shaped = recordable(run, requests, characters, ignorable);
    if (shaped) recorded.words[text] = shaped;
    return run;
  };
  face.layout = record;
}

interface Request {
  id: number;
  characters: number[];
  glyph: fontkit.Glyph;
}

/** What to keep of a word shaped live, or undefined when a replay could not be sure to match it. */
function recordable(
  run: fontkit.GlyphRun,
  requests: Request[],
  characters: number[],
  ignorable: (code: number | undefined) => boolean,
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
  if (requests.some((r) => ignorable(r.glyph.codePoints[0]))) return undefined;
  // Every glyph of the run is one the font handed back while shaping, so it keeps it.
  const handed = new Set(requests.map((r) => r.glyph));
  if (!run.glyphs.every((glyph) => handed.has(glyph))) return undefined;
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
