// Loaded with `node --import` into a process the bench times: writes the process's peak RSS (KiB) and
// CPU times (µs) as JSON to the file BENCH_PEAK_RSS names when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS;
if (file)
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
