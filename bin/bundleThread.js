// A worker thread running one export of the command-line bundle (dist/cli.cjs), named by the thread's
// last argument: a batch's partner threads. The export settles true when the thread did its work. It
// starts through a code cache of its own, made after such a thread's work (bin/codeCache.js), where a
// thread started from an ES module entry would compile its code again: Node 20 caches compiled code
// for scripts only.
const { join } = require('node:path');
const { requireBundleForThread } = require('./codeCache.js');

const name = process.argv.at(-1);
const bundle = join(__dirname, '..', 'dist', 'cli.cjs');
const { exports: command, keep } = requireBundleForThread(bundle, `${bundle}.${name}.cache`);
if (typeof command[name] !== 'function') throw new Error(`${bundle} has no thread named ${name}`);
// A thread that had nothing to build (every partner up to date) ran too little to be worth a cache.
command[name]().then((worked) => worked && keep());
