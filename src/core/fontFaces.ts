import * as fontkit from 'fontkit';

const faces = new Map<string, fontkit.Font>();

/**
 * One decoded font per file for the whole process: chart measuring, runs of text and pdfkit share it,
 * so each face's tables are read and decoded once. Opened when first needed: a briefing in Latin
 * script never reads the CJK files.
 */
export function openFace(file: string): fontkit.Font {
  let face = faces.get(file);
  if (!face) {
    face = fontkit.openSync(file) as fontkit.Font;
    faces.set(file, face);
  }
  return face;
}
