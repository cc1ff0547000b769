import type { Problem } from '../core/errors.ts';
import type { NumberFormat } from '../core/numbers.ts';
import type { Encoding } from './sniffText.ts';

export interface CsvRow {
  /** 1-based line of the record in the file. */
  line: number;
  cells: string[];
}

/** What the reading core makes of a file: its title lines, header and rows, each with its line. */
export interface CsvTable {
  /** The file as the user named it (relative to the inputs folder). */
  file: string;
  /** Title lines above the header row, as publishers write them ("Values in US$ Million"). */
  preamble: string[];
  header: string[];
  /** Line of the header row. */
  headerLine: number;
  rows: CsvRow[];
  /** Lines of notes and footers below the last row ("Source: …", "DOC-NIC"), set aside. */
  notes?: number[];
  /** How the file's bytes were read as text (a workbook's or page's reader may leave it out). */
  encoding?: Encoding;
  /** How the file writes numbers; none given: with a decimal point. */
  numbers?: NumberFormat;
  /** Numbers a workbook shows other than as stored, by line and then column: not read as either. */
  shownOtherwise?: ReadonlyMap<number, ReadonlyMap<number, ShownOtherwise>>;
}

/**
 * A cell's number format that shows its number other than as stored: as a date or a time, or scaled,
 * `scale` times the number stored (0.001, 100; 1 for a date).
 */
export interface ShownOtherwise {
  format: string;
  scale: number;
  date: boolean;
}

export interface ReadResult {
  table?: CsvTable;
  problems: Problem[];
}

/** A row's cells less the empty ones a trailing delimiter adds, down to `keep` cells. */
export function withoutTrailingEmpty(cells: string[], keep: number): string[] {
  let end = cells.length;
  while (end > keep && cells[end - 1] === '') end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}
