import type { Problem } from '../core/errors.ts';
import { inputMessages as m } from '../core/messages.ts';

/** Problems listed per file before the rest are counted, so one broken column doesn't flood the screen. */
export const PROBLEMS_PER_FILE = 20;

/** A file's problems: the first ones kept, the rest only counted, so a broken large file stays small. */
export function createProblemList(file: string) {
  const kept: Problem[] = [];
  let count = 0;
  return {
    add(problem: Problem): void {
      count += 1;
      if (kept.length < PROBLEMS_PER_FILE) kept.push(problem);
    },
    get count(): number {
      return count;
    },
    /** The problems as reported: the first ones, then how many more. */
    list(): Problem[] {
      const rest = count - kept.length;
      return rest > 0 ? [...kept, { file, message: m.moreProblems(rest) }] : [...kept];
    },
  };
}

export type ProblemList = ReturnType<typeof createProblemList>;
