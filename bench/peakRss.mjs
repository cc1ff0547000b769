// Loaded with `node --import` into a process the bench times: writes the process's peak RSS (KiB) and
// CPU times (µs) as JSON to the file BENCH_PEAK_RSS names when it exits, however it exits.
//
// Child processes (a batch reads its inputs in one) inherit --import and count too. Each child writes
// its own peak, CPU times and when it ran beside that file; the timed process samples its own RSS every
// 50 ms, and at its exit adds to the sample it held while each child ran the peaks of all the children
// running then. The larger of that sum and its own peak is the peak written: an upper bound of the
// whole tree's, never an under-count. The children's CPU times are added to its own.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const file = process.env.BENCH_PEAK_RSS;
const childMark = `${basename(file ?? '')}.child-`;

function childrenOf(usageFile) {
  const dir = dirname(usageFile);
  return readdirSync(dir)
    .filter((name) => name.startsWith(childMark))
    .map((name) => {
      const path = join(dir, name);
      const child = JSON.parse(readFileSync(path, 'utf8'));
      rmSync(path);
      return child;
    });
}

function treePeak(ownPeak, samples, children) {
  let peak = ownPeak;
  for (const child of children) {
    const during = samples.filter(([at]) => at >= child.started - 50 && at <= child.ended + 50);
    // No sample while a short child ran: the process's own peak stands in for what it held then.
    const ownThen = during.length > 0 ? Math.max(...during.map(([, kb]) => kb)) : ownPeak;
    const alongside = children.filter((c) => c.started <= child.ended && c.ended >= child.started);
    peak = Math.max(peak, ownThen + alongside.reduce((sum, c) => sum + c.maxRSS, 0));
  }
  return peak;
}

// Worker threads run --import too; they are part of their process, counted by its main thread.
if (file && isMainThread) {
  const isChild = process.env.BENCH_PEAK_RSS_TOP !== undefined;
  process.env.BENCH_PEAK_RSS_TOP = String(process.pid);
  const started = Date.now();
  const samples = [];
  setInterval(() => samples.push([Date.now(), process.memoryUsage.rss() / 1024]), 50).unref();
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    if (isChild) {
      const own = { started, ended: Date.now(), maxRSS, userCPUTime, systemCPUTime };
      writeFileSync(join(dirname(file), `${childMark}${process.pid}`), JSON.stringify(own));
      return;
    }
    samples.push([Date.now(), process.memoryUsage.rss() / 1024]);
    const children = childrenOf(file);
    writeFileSync(
      file,
      JSON.stringify({
        maxRSS: treePeak(maxRSS, samples, children),
        userCPUTime: children.reduce((sum, c) => sum + c.userCPUTime, userCPUTime),
        systemCPUTime: children.reduce((sum, c) => sum + c.systemCPUTime, systemCPUTime),
      }),
    );
  });
}
