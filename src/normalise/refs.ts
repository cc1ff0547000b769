/** The file and line of a "file:line" reference (a reference to a whole file has no line). */
export function locationOf(ref: string): { file: string; line?: number } {
  const at = ref.lastIndexOf(':');
  const line = Number(ref.slice(at + 1));
  return at > 0 && Number.isInteger(line) ? { file: ref.slice(0, at), line } : { file: ref };
}
