import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { inputMessages as m, progressMessages } from '../../core/messages.ts';
import { createProgress } from '../../core/progress.ts';
import type { AdapterContext } from '../adapter.ts';
import type { BaciExtract } from '../adapters/baciExtract.ts';
import { createBaciReader, recordsOf } from '../adapters/baciReader.ts';
import { createBaciSink } from './baciSink.ts';
import { extractKey, loadExtract, saveExtract } from './extractCache.ts';
import { sha256InBackground } from './hashInBackground.ts';
import { readLines, streamReader } from './readLines.ts';
import type { BulkInput, BulkRead } from './types.ts';

interface CachedExtract {
  rows: number;
  extract: BaciExtract;
}

/**
 * Reads a large BACI file in one pass: plainly valid lines are parsed from their bytes, any other line
 * goes through csv-parse and `parseBaciRow`, so problems read as on the small path (file, line,
 * column, reason). Rows are checked for repeats and summed as they come, so memory holds the sums,
 * not the rows. With a cache folder, the extract is stored by the file's hash and reused.
 */
export async function readBaciBulk(input: BulkInput, ctx: AdapterContext): Promise<BulkRead> {
  const { head, member } = input;
  const reporter = ctx.focus?.reporter;
  // An archive member is hashed as it is inflated, and has no cached extract: its hash comes last.
  const cacheDir = member ? undefined : input.cacheDir;
  const memberHash = member && createHash('sha256');
  // A file is hashed on another core while it is parsed; with a cache, first, to look the extract up.
  const hashing = member ? undefined : sha256InBackground(input.path);
  // Never left unobserved: the parse may end first with a problem.
  hashing?.catch(() => undefined);
  const key =
    cacheDir && hashing
      ? await extractKey({
          format: 'baci',
          sha256: await hashing,
          reporter: reporter ?? null,
          codes: [...ctx.countryCodes],
        })
      : undefined;
  const cached = cacheDir && key ? await loadExtract<CachedExtract>(cacheDir, key) : undefined;
  if (cached && hashing)
    return { sha256: await hashing, rows: cached.rows, read: { trade: recordsOf(cached.extract, ctx) } };

  let problems = 0;
  const reader = createBaciReader({
    ...(reporter === undefined ? {} : { reporter }),
    countryCodes: ctx.countryCodes,
    problem: (line, column, message) => {
      problems += 1;
      ctx.problem(line, column, message);
    },
  });
  const sink = createBaciSink(head, reader, (line, message) => {
    problems += 1;
    input.readProblems.add({ file: head.file, line, message });
  });

  const size = member?.size ?? (await stat(input.path)).size;
  const progress = createProgress(progressMessages.reading(head.file), size);
  let done = 0;
  const source = member ? streamReader(await member.open()) : input.path;
  const stop = await readLines(source, head.delimiter.charCodeAt(0), sink, {
    ...(input.chunkBytes ? { chunkBytes: input.chunkBytes } : {}),
    onChunk: (chunk) => {
      memberHash?.update(chunk);
      done += chunk.length;
      progress.update(done);
    },
  });
  progress.finish();
  if (stop) return { stop: { file: head.file, line: stop.line, message: stop.message } };
  const { rows } = sink;
  if (rows === 0 && problems === 0)
    input.readProblems.add({ file: head.file, line: head.headerLine, message: m.headerOnly() });

  const extract = reader.extract();
  if (cacheDir && key && problems === 0)
    await saveExtract(cacheDir, key, { rows, extract } satisfies CachedExtract);
  return {
    sha256: memberHash ? memberHash.digest('hex') : await (hashing as Promise<string>),
    rows,
    read: { trade: recordsOf(extract, ctx) },
  };
}
