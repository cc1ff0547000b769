import type { Normalised, TradeRow } from '../normalise/table.ts';

/**
 * Formats that give one reconciled value per exporter, importer and product (CEPII BACI): an
 * exporter's exports to a country are that country's imports from it, and the importers' imports
 * from the world add up to the exporters' exports to it.
 */
const ONE_MATRIX = new Set(['baci']);

/** Whether `text` from `start` on is one or more ASCII digits. */
function digitsFrom(text: string, start: number): boolean {
  if (start >= text.length) return false;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * Whether the file of a "file:line" reference (the reference itself, without a line) is in `files`.
 * `last` is the file found before: a world's rows mostly name one, which is then matched in place.
 */
function inFiles(ref: string, files: ReadonlySet<string>, last: { file: string }): boolean {
  const { file } = last;
  if (file && ref.charCodeAt(file.length) === 58 && ref.startsWith(file) && digitsFrom(ref, file.length + 1))
    return true;
  const at = ref.lastIndexOf(':');
  const own = at > 0 && digitsFrom(ref, at + 1) ? ref.slice(0, at) : ref;
  if (!files.has(own)) return false;
  last.file = own;
  return true;
}

/**
 * Each row's answer, by the table's list of files: the indicators ask about the world's rows again and
 * again, and a world's total lists every line it sums.
 */
const answers = new WeakMap<readonly unknown[], WeakMap<TradeRow, boolean>>();

/** Whether there are rows and every one comes from the files of one such matrix. */
export function fromOneMatrix(n: Pick<Normalised, 'files'>, rows: TradeRow[]): boolean {
  return rows.length > 0 && everyFromOneMatrix(n, rows);
}

/** Whether the table has files of one such matrix and every row given (if any) comes from them. */
export function everyFromOneMatrix(n: Pick<Normalised, 'files'>, rows: TradeRow[]): boolean {
  const files = new Set(n.files.filter((f) => ONE_MATRIX.has(f.format)).map((f) => f.file));
  if (files.size === 0) return false;
  let known = answers.get(n.files);
  if (!known) {
    known = new WeakMap();
    answers.set(n.files, known);
  }
  const last = { file: '' };
  for (const row of rows) {
    let answer = known.get(row);
    if (answer === undefined) {
      answer = row.refs.length > 0 && row.refs.every((ref) => inFiles(ref, files, last));
      known.set(row, answer);
    }
    if (!answer) return false;
  }
  return true;
}
