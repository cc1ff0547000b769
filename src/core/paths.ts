import { relative } from 'node:path';
import { escapeControls } from './text.ts';

/** A path as messages show it: relative to where the command was run, as the user would type it. */
export function shownPath(path: string): string {
  return escapeControls(relative(process.cwd(), path) || '.');
}
