/** Bilateral balance measures. X = exports to the partner, M = imports from it. */

export function balance(exports: number, imports: number): number {
  return exports - imports;
}

/** X / M; null when nothing is imported (the ratio is undefined, not infinite). */
export function coverageRatio(exports: number, imports: number): number | null {
  return imports > 0 ? exports / imports : null;
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
