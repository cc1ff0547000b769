import { relative } from 'node:path';

/** A path as messages show it: relative to where the command was run, as the user would type it. */
export function shownPath(path: string): string {
  return relative(process.cwd(), path) || '.';
}
