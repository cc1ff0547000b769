import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as fontkit from 'fontkit';
import { PROJECT_ROOT } from './root.ts';
import {
  type Face,
  newShapeStore,
  readShapeStore,
  recordShapes,
  replayShapes,
  type ShapeStore,
  storeText,
} from './shapedWords.ts';

const faces = new Map<string, Face>();

/** Words shaped at install (scripts/bundle.js writes them), read when the first face is opened. */
export const SHAPED_WORDS_FILE = join(PROJECT_ROOT, 'dist', 'shaped-words.txt');
/** Set to 0, every word is shaped by fontkit, as with no store: the outputs are the same bytes. */
const SWITCH = 'TRADEBRIEF_SHAPED_WORDS';

let shapes: { record: boolean; store: ShapeStore | undefined } | undefined;

/**
 * One decoded font per file for the whole process: chart measuring, runs of text and pdfkit share it,
 * so each face's tables are read and decoded once. Opened when first needed: a briefing in Latin
 * script never reads the CJK files. Words shaped at install are replayed (see shapedWords.ts).
 */
export function openFace(file: string): Face {
  let face = faces.get(file);
  if (!face) {
    const bytes = readFileSync(file);
    const font = fontkit.create(bytes) as fontkit.Font;
    shapes ??= {
      record: false,
      store: process.env[SWITCH] === '0' ? undefined : readShapeStore(SHAPED_WORDS_FILE),
    };
    if (shapes.store)
      (shapes.record ? recordShapes : replayShapes)(font, basename(file), bytes, shapes.store);
    // Its layout may now be a replay, which gives the part of a run the briefing reads.
    face = font as unknown as Face;
    faces.set(file, face);
  }
  return face;
}

/**
 * Records the words of the faces opened from now on (at install, before a briefing): returns the
 * store's text to write to SHAPED_WORDS_FILE. Faces opened before would not be recorded.
 */
export function recordShapedWords(): () => string {
  if (faces.size > 0) throw new Error('recordShapedWords: faces were opened before the recording began');
  const store = newShapeStore();
  shapes = { record: true, store };
  return () => storeText(store);
}
