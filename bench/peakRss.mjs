// Loaded with `node --import` into a process the bench times: writes the process's peak RSS (KiB) to
// the file BENCH_PEAK_RSS names when it exits, however it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_PEAK_RSS;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
