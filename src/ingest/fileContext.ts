import { inputMessages as m } from '../core/messages.ts';
import type { NumberFormat } from '../core/numbers.ts';
import { compareText } from '../core/text.ts';
import type { AdapterContext, Focus } from './adapter.ts';
import { type Classification, parseClassification, UNSTATED_HS } from './classification.ts';
import { sourceForFile } from './fileSources.ts';
import { createProblemList } from './problemList.ts';
import type { FileReport, Records, Reject } from './records.ts';

export interface FileOptions {
  focus?: Focus;
  numbers?: NumberFormat;
  countryCodes: ReadonlyMap<string, string>;
}

/**
 * What an adapter reports into while it reads one file, whichever reader feeds it: its problems
 * (kept per file), the rows it sets aside (into `rejects`) and the counts of the file's report.
 */
/** Rows set aside are counted by reason; this many of each are kept as examples with their lines. */
export const REJECT_EXAMPLES = 20;

export function createFileContext(
  file: string,
  headerLine: number,
  records: Records,
  rejects: Reject[],
  options: FileOptions,
) {
  const problems = createProblemList(file);
  const rejected: Record<string, number> = {};
  const rejectedColumns: Record<string, number> = {};
  // Counted, not listed: a bulk file sets aside rows by the hundred thousand.
  let rejectedRowCount = 0;
  let lastRejectedLine = -1;
  const examples: Record<string, number> = {};
  const classifications = new Map<string, Classification>();
  // The first classification the file states in a column of its own, which its citation names.
  let stated: string | undefined;
  let classificationRefused = false;
  const context: AdapterContext = {
    file,
    fileSource: sourceForFile(file, records.sources),
    ...(options.focus ? { focus: options.focus } : {}),
    countryCodes: options.countryCodes,
    ...(options.numbers ? { numbers: options.numbers } : {}),
    problem: (line, column, message) => problems.add({ file, line, ...(column ? { column } : {}), message }),
    reject: (line, reason) => {
      examples[reason] = (examples[reason] ?? 0) + 1;
      if ((examples[reason] ?? 0) <= REJECT_EXAMPLES) rejects.push({ file, line, reason });
      // A reject on the header line sets a column aside, not a row.
      const counts = line === headerLine ? rejectedColumns : rejected;
      counts[reason] = (counts[reason] ?? 0) + 1;
      // Adapters read rows in order, so a row set aside for two reasons comes twice in a row.
      if (line !== headerLine && line !== lastRejectedLine) rejectedRowCount += 1;
      if (line !== headerLine) lastRejectedLine = line;
    },
    classify: (line, column, code) => {
      if (column && stated === undefined && code.trim() !== '') stated = code.trim();
      const known = classifications.get(code);
      if (known) return true;
      const found = parseClassification(code);
      if (found?.hs) {
        classifications.set(code, found);
        return true;
      }
      // One problem per file: every row of a SITC download would say the same.
      if (!classificationRefused) {
        const message = found ? m.notHsClassification(found.name, found.code) : m.unknownClassification(code);
        problems.add({ file, line, ...(column ? { column } : {}), message });
      }
      classificationRefused = true;
      return false;
    },
  };
  return {
    context,
    problems,
    /** Adds what the adapter read to `records`; the file's report (its hash aside). */
    keep(read: Partial<Records>, rows: number, format: string): Omit<FileReport, 'sha256'> {
      let count = 0;
      // Trade rows of a file that states no classification are taken to be in HS.
      if ((read.trade?.length ?? 0) > 0 && classifications.size === 0)
        classifications.set(UNSTATED_HS.code, UNSTATED_HS);
      for (const key of Object.keys(read) as (keyof Records)[]) {
        const list = read[key] ?? [];
        for (const item of list) (records[key] as unknown[]).push(item);
        // Product detail repeats what the file's trade records already hold.
        if (key !== 'products') count += list.length;
      }
      return {
        file,
        format,
        rows,
        used: rows - rejectedRowCount,
        rejected,
        rejectedColumns,
        records: count,
        ...(stated ? { classification: stated } : {}),
        classifications: [...classifications.values()]
          .map(({ code, name }) => ({ code, name }))
          .sort((a, b) => compareText(a.code, b.code)),
      };
    },
  };
}
