import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { inputMessages as m, progressMessages } from '../../core/messages.ts';
import { createProgress } from '../../core/progress.ts';
import type { AdapterContext } from '../adapter.ts';
import { BACI_EXTRACT_LAYOUT, type BaciExtract, storableExtract } from '../adapters/baciExtract.ts';
import { recordsOf } from '../adapters/baciReader.ts';
import { extractKey, holdsExtracts, loadExtract, saveExtract } from './extractCache.ts';
import { sha256InBackground } from './hashInBackground.ts';
import { type FileRead, joinReads, partsFor, readBaciFile } from './readInRanges.ts';
import { streamReader } from './readLines.ts';
import { type RangeSetup, readBaciRange, tell } from './readRange.ts';
import type { BulkInput, BulkRead } from './types.ts';

interface CachedExtract {
  rows: number;
  extract: BaciExtract;
}

/**
 * Reads a large BACI file in one pass: plainly valid lines are parsed from their bytes, any other line
 * goes through csv-parse and `parseBaciRow`, so problems read as on the small path (file, line,
 * column, reason). Rows are checked for repeats and summed as they come, so memory holds the sums,
 * not the rows. A file large enough is read in byte ranges on all cores, and the ranges' reads joined
 * into what one pass gives (else the file is read again on one thread: see `combineReads`). With a
 * cache folder, the extract is stored by the file's hash and reused.
 */
export async function readBaciBulk(input: BulkInput, ctx: AdapterContext): Promise<BulkRead> {
  const { head, member } = input;
  const reporter = ctx.focus?.reporter;
  // An archive member is hashed as it is inflated, and has no cached extract: its hash comes last.
  const cacheDir = member ? undefined : input.cacheDir;
  const memberHash = member && createHash('sha256');
  // A file is hashed on another core while it is parsed; first, when the cache may hold its extract.
  const hashing = member ? undefined : sha256InBackground(input.path);
  // Never left unobserved: the parse may end first with a problem.
  hashing?.catch(() => undefined);
  const keyOf = async (sha256: string) =>
    extractKey({
      format: 'baci',
      // The extract's own layout: an extract of another layout is never read as this one.
      layout: BACI_EXTRACT_LAYOUT,
      sha256,
      reporter: reporter ?? null,
      codes: [...ctx.countryCodes],
    });
  // Made once the hash is known: before the parse when the cache may hold the extract, else after it.
  let key: string | undefined;
  if (cacheDir && hashing && (await holdsExtracts(cacheDir))) {
    const sha256 = await hashing;
    key = await keyOf(sha256);
    const cached = await loadExtract<CachedExtract>(cacheDir, key);
    if (cached) return { sha256, rows: cached.rows, read: recordsOf(cached.extract, ctx) };
  }

  const setup: RangeSetup = {
    path: input.path,
    head,
    ...(reporter === undefined ? {} : { reporter }),
    countryCodes: [...ctx.countryCodes],
    ...(input.chunkBytes ? { chunkBytes: input.chunkBytes } : {}),
  };
  const size = member?.size ?? (await stat(input.path)).size;
  const progress = createProgress(progressMessages.reading(head.file), size);
  let read: FileRead;
  if (member) {
    let done = 0;
    const whole = await readBaciRange(setup, streamReader(await member.open()), undefined, (chunk) => {
      memberHash?.update(chunk);
      done += chunk.length;
      progress.update(done);
    });
    read = joinReads([whole], reporter);
  } else {
    read = await readBaciFile(setup, size, input.parts ?? partsFor(size), progress.update);
  }
  progress.finish();
  if ('stop' in read) return { stop: { file: head.file, line: read.stop.line, message: read.stop.message } };
  tell(read.problems, (p) => ctx.problem(p.line, p.column, p.message));
  tell(read.readProblems, (p) =>
    input.readProblems.add({ file: head.file, line: p.line, message: p.message }),
  );
  const problems = read.problems.count + read.readProblems.count;
  const { rows, extract } = read;
  if (rows === 0 && problems === 0)
    input.readProblems.add({ file: head.file, line: head.headerLine, message: m.headerOnly() });

  const sha256 = memberHash ? memberHash.digest('hex') : await (hashing as Promise<string>);
  if (cacheDir && problems === 0)
    await saveExtract(cacheDir, key ?? (await keyOf(sha256)), {
      rows,
      extract: storableExtract(extract),
    } satisfies CachedExtract);
  return { sha256, rows, read: recordsOf(extract, ctx) };
}
