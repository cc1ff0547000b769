import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../bin/freshness.js';
import { SHAPED_WORDS_FILE } from '../../src/core/fontFaces.ts';
import { FALLBACK_FONTS, FONT_FILES } from '../../src/core/fonts.ts';
import {
  newShapeStore,
  ReplayedRun,
  readShapeStore,
  recordShapes,
  replayShapes,
  type ShapeStore,
  storeText,
} from '../../src/core/shapedWords.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

/** Words as a briefing shapes them, and what could trip a replay: ligatures, marks, other scripts. */
const WORDS = [
  'India',
  'office',
  'figures',
  'fluff',
  'India · भारत',
  'Russia · Россия',
  'नमस्ते',
  'USD\u00a068.7\u00a0bn',
  '−12.5%',
  'e\u0301té',
  'naïve',
  'Côte d’Ivoire',
  '2024–25',
  'AVAWAY',
  '',
  ' ',
  '☃',
  '😀',
  '\ud800',
  'a\ufe0f',
  '__proto__',
  'constructor',
];

const open = (file: string) => {
  const bytes = readFileSync(file);
  return { bytes, face: fontkit.create(bytes) as fontkit.Font };
};

/** What a run says of each glyph, and where it goes. */
const runOf = (run: Pick<fontkit.GlyphRun, 'glyphs' | 'positions' | 'advanceWidth'>) => ({
  glyphs: run.glyphs.map((g) => ({ id: g.id, codePoints: g.codePoints, advanceWidth: g.advanceWidth })),
  positions: run.positions.map((p) => ({ ...p })),
  advanceWidth: run.advanceWidth,
});

/** The glyphs a face keeps, with the characters each was made with (fontkit's own record). */
const kept = (face: fontkit.Font) =>
  Object.entries((face as unknown as { _glyphs: Record<string, fontkit.Glyph> })._glyphs).map(
    ([id, glyph]) => [id, glyph.codePoints],
  );

describe('words shaped once and replayed', () => {
  const faces = [
    ['regular', FONT_FILES.regular],
    ['bold', FONT_FILES.bold],
    ['Arabic', FALLBACK_FONTS.find((f) => f.id === 'arabic')?.files.regular as string],
  ] as const;

  for (const [name, file] of faces) {
    it(`gives what fontkit gives, glyph for glyph, and leaves the ${name} face as fontkit would`, () => {
      const words = [...WORDS, 'روسيا', 'مرحبا بالعالم'];
      const store = newShapeStore();
      const recorder = open(file);
      recordShapes(recorder.face, 'face.ttf', recorder.bytes, store);
      for (const word of words) recorder.face.layout(word);

      const live = open(file).face;
      const replaying = open(file);
      replayShapes(replaying.face, 'face.ttf', replaying.bytes, readBack(store));
      // Another history than the recording's: the ligature's parts met first in other words, and the
      // glyph of "f" first made for other characters, so words with an "f" must be shaped by fontkit.
      const f = recorder.face.glyphForCodePoint(0x66).id;
      for (const face of [live, replaying.face]) face.getGlyph(f, [0x66, 0x69]);
      let replayed = 0;
      for (const word of [...words, ...[...words].reverse()]) {
        const run = replaying.face.layout(word);
        if (run instanceof ReplayedRun) replayed += 1;
        expect(runOf(run), word).toEqual(runOf(live.layout(word)));
      }
      expect(kept(replaying.face)).toEqual(kept(live));
      // Both ways were taken: words with an "f", words fontkit cannot map, and, once "a\ufe0f" made the
      // glyph of "a" for two characters, words with an "a" were shaped by fontkit.
      expect(replayed).toBeGreaterThan(words.length / 2);
      expect(replayed).toBeLessThan(1.5 * words.length);
    });
  }

  it('shapes live a word whose glyph another history made from a default-ignorable character', () => {
    // In Noto Sans Bengali, U+1CF5 is substituted by glyph 5, which is also U+200B's. fontkit hides a
    // glyph whose first character is default-ignorable: what glyph 5 was first made with decides.
    const file = FALLBACK_FONTS.find((f) => f.id === 'bengali')?.files.regular as string;
    const word = '\u1cf5\u0995';
    for (const [before, replayedAfter] of [
      [[], ['\u200b']],
      [['\u200b'], []],
    ]) {
      const store = newShapeStore();
      const recorder = open(file);
      recordShapes(recorder.face, 'bengali.ttf', recorder.bytes, store);
      for (const text of [...(before ?? []), word]) recorder.face.layout(text);
      const live = open(file).face;
      const replaying = open(file);
      replayShapes(replaying.face, 'bengali.ttf', replaying.bytes, readBack(store));
      for (const text of replayedAfter ?? []) {
        live.layout(text);
        replaying.face.layout(text);
      }
      expect(runOf(replaying.face.layout(word))).toEqual(runOf(live.layout(word)));
      expect(kept(replaying.face)).toEqual(kept(live));
    }
  });

  it('replays a word with a character the font lacks once its .notdef glyph is made without one', () => {
    // pdfkit makes glyph 0 without characters for every document; a table cell's line break is a word's
    // last character ("Russia\n") and becomes glyph 0 too.
    const words = ['Russia\n', 'figures)\n', 'trade\n\n', '☃ ☃', 'FY2025-26\n'];
    const store = newShapeStore();
    const recorder = open(FONT_FILES.regular);
    recordShapes(recorder.face, 'face.ttf', recorder.bytes, store);
    recorder.face.getGlyph(0);
    for (const word of words) recorder.face.layout(word);
    for (const [history, replays] of [
      [(face: fontkit.Font) => face.getGlyph(0), true],
      // Glyph 0 first made for a character: words of another such character are shaped by fontkit.
      [(face: fontkit.Font) => face.layout('\u0378'), false],
    ] as const) {
      const live = open(FONT_FILES.regular).face;
      const replaying = open(FONT_FILES.regular);
      replayShapes(replaying.face, 'face.ttf', replaying.bytes, readBack(store));
      history(live);
      history(replaying.face);
      for (const word of [...words, 'India\n']) {
        const run = replaying.face.layout(word);
        expect(run instanceof ReplayedRun, word).toBe(replays && word !== 'India\n');
        expect(runOf(run), word).toEqual(runOf(live.layout(word)));
      }
      expect(kept(replaying.face)).toEqual(kept(live));
    }
  });

  it('is used only intact, by the code and libraries that wrote it, for the same font bytes', () => {
    const dir = tempDir();
    const file = join(dir, 'shaped-words.txt');
    const store = newShapeStore();
    const { face, bytes } = open(FONT_FILES.regular);
    recordShapes(face, 'regular.ttf', bytes, store);
    face.layout('India');
    writeFileSync(file, storeText(store));
    expect(readShapeStore(file)?.faces['regular.ttf']?.words.India).toBeDefined();
    const text = readFileSync(file, 'utf8');
    for (const damaged of [
      text.replace('"India"', '"Indie"'),
      text.slice(1),
      // Checksums that hold, over another fontkit, format or code, or a store of no faces.
      storeText({ ...store, libraries: store.libraries.replace(/^fontkit@\S+/, 'fontkit@0.0.0') }),
      storeText({ ...store, format: store.format - 1 }),
      storeText({ ...store, code: 'another bundle' }),
      checksummed(JSON.stringify({ ...store, faces: null })),
    ]) {
      writeFileSync(file, damaged);
      expect(readShapeStore(file)).toBeUndefined();
    }
    expect(readShapeStore(join(dir, 'none.txt'))).toBeUndefined();
    // A word whose record is not one `recordShapes` writes is shaped by fontkit.
    const bent = structuredClone(store);
    const india = bent.faces['regular.ttf']?.words.India;
    if (!india) throw new Error('India was not recorded');
    india[1][0] = 1e6;
    const replaying = open(FONT_FILES.regular);
    replayShapes(replaying.face, 'regular.ttf', replaying.bytes, bent);
    const run = replaying.face.layout('India');
    expect(run instanceof ReplayedRun).toBe(false);
    expect(runOf(run)).toEqual(runOf(open(FONT_FILES.regular).face.layout('India')));
    // A store recorded on other bytes of the same name leaves the face to fontkit.
    const other = open(FONT_FILES.bold);
    const layout = other.face.layout;
    replayShapes(other.face, 'regular.ttf', other.bytes, store);
    expect(other.face.layout).toBe(layout);
  });

  it('changes no byte of the default briefing', () => {
    // The bundle replays the words npm ci recorded; the sources would not use the bundle's store.
    expect(bundleIsFresh(ROOT), 'node scripts/bundle.js').toBe(true);
    const stored = JSON.parse(readFileSync(SHAPED_WORDS_FILE, 'utf8').slice(65)) as ShapeStore;
    expect(Object.keys(stored.faces['NotoSans_400Regular.ttf']?.words ?? {}).length).toBeGreaterThan(1000);
    const [replayed, shaped] = [tempDir(), tempDir()];
    expect(tradebrief(['run', '--force', '--out', replayed, '-q']).status).toBe(0);
    expect(
      tradebrief(['run', '--force', '--out', shaped, '-q'], { TRADEBRIEF_SHAPED_WORDS: '0' }).status,
    ).toBe(0);
    const charts = readdirSync(join(replayed, 'charts')).filter((f) => f.endsWith('.svg'));
    expect(charts.length).toBeGreaterThan(5);
    for (const file of ['briefing.pdf', ...charts.map((c) => `charts/${c}`)])
      expect(readFileSync(join(replayed, file)), file).toEqual(readFileSync(join(shaped, file)));
  });
});

/** The store as a later run reads it: through its text on disk. */
function readBack(store: ReturnType<typeof newShapeStore>) {
  const file = join(tempDir(), 'shaped-words.txt');
  writeFileSync(file, storeText(store));
  const read = readShapeStore(file);
  if (!read) throw new Error('the store did not read back');
  return read;
}

/** `body` with its checksum above it, as a store is written. */
function checksummed(body: string): string {
  return `${createHash('sha256').update(body).digest('hex')}\n${body}`;
}
