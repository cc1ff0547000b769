// Loads the one-file CommonJS bundle (dist/cli.cjs) through V8's code cache: what V8 compiled on an
// earlier start is read back instead of parsing and compiling ~4 MB of JavaScript again. The cache is
// only a saving, never trusted: it is used only when it was made from these very bytes by this Node
// (its key) and is itself intact (its checksum), and V8 checks its own version and flags again.
// `run` has a cache of its own, made at install after a briefing (makeWorkedCache): it also holds the
// code a run calls, which V8 compiles only when first called. A batch's partner threads have theirs,
// made after a thread's work (requireBundleForThread).
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { threadId } = require('node:worker_threads');

const MAGIC = 'tradebrief-code-cache-1\n';
const HEADER_BYTES = MAGIC.length + 2 * 65;

/**
 * The bundle's exports, loaded through the code cache `cacheFile`. `cache` says what happened to it:
 * 'used', or 'made' when there was none that fit (missing, stale, corrupt, or refused by V8) and a new
 * one was written ('unwritable' when that failed: a read-only install only loses the saving).
 */
function requireBundle(file, cacheFile = `${file}.cache`) {
  const { key, script, exports, cachedData } = loadBundle(file, (key) => readCache(cacheFile, key));
  if (cachedData && !script.cachedDataRejected) return { exports, cache: 'used' };
  // Made after the modules' top level ran, so it also holds the functions that ran at load.
  const made = writeCache(cacheFile, key, script.createCachedData());
  return { exports, cache: made ? 'made' : 'unwritable' };
}

/**
 * Writes `cacheFile` after `work(exports)` has run (a briefing, at install): V8 compiles a function
 * when it is first called, so this cache also holds what a run calls, where one made at load holds
 * only what loading calls. False when it cannot be written. V8 stamps the cache with its flags as they
 * are when it is made: work that set another V8 flag would make every later load refuse it.
 */
async function makeWorkedCache(file, cacheFile, work) {
  const { key, script, exports } = loadBundle(file, () => undefined);
  await work(exports);
  return writeCache(cacheFile, key, script.createCachedData());
}

/**
 * The bundle's exports on a worker thread, through `cacheFile`, and `keep`: called once the thread's
 * work is done, it writes a cache that holds what the work compiled when none fitted (missing, stale,
 * corrupt, or made under other flags), and says what became of the cache as requireBundle does. A
 * thread runs under its process's V8 flags as they stand (a batch raises the interrupt budget before
 * it starts its threads), so it sets none.
 */
function requireBundleForThread(file, cacheFile) {
  const { key, script, exports, cachedData } = loadBundle(file, (key) => readCache(cacheFile, key), false);
  const keep = () => {
    if (cachedData && !script.cachedDataRejected) return 'used';
    return writeCache(cacheFile, key, script.createCachedData()) ? 'made' : 'unwritable';
  };
  return { exports, keep };
}

/**
 * V8's flags for a start from the bundle. The runner forces collections through --expose-gc. A function
 * is optimised once it has run 8 times longer than by V8's default (an interrupt budget of 67,584): V8
 * compiled much that one run never paid back. A cold briefing of the default inputs took 1.30–1.39 s
 * instead of 1.54–1.67 s, with 1.5 s of CPU instead of 2.2 s (four interleaved runs each; 16 times:
 * 1.34–1.38 s; 4 times: 1.29–1.32 s against 1.45–1.50 s; twice and 64 times: within the spread).
 * A batch raises it again for its partners' threads.
 */
const V8_FLAGS = `--expose-gc --interrupt-budget=${8 * 67_584}`;

/**
 * The bundle compiled (with the cached data `cached` finds for its key, if any) and its top level run;
 * V8's flags set first unless `setFlags` is false.
 */
function loadBundle(file, cached, setFlags = true) {
  // V8 refuses a cache made under other flags, so they are set before the cache is made or read, never
  // in between.
  if (setFlags) v8.setFlagsFromString(V8_FLAGS);
  const bytes = readFileSync(file);
  const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(bytes).digest('hex');
  const cachedData = cached(key);
  // An all-ASCII bundle (scripts/bundle.js escapes the rest) decodes to a one-byte string, cheaper to scan.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const loaded = { exports: {} };
  script.runInThisContext()(loaded.exports, createRequire(file), loaded, file, dirname(file));
  return { key, script, exports: loaded.exports, cachedData };
}

/** The cached data when the file holds a cache for `key` whose bytes are intact; undefined otherwise. */
function readCache(cacheFile, key) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const header = bytes.subarray(0, HEADER_BYTES).toString('latin1');
  if (!header.startsWith(MAGIC) || header.slice(MAGIC.length, MAGIC.length + 64) !== key) return undefined;
  const data = bytes.subarray(HEADER_BYTES);
  const sum = header.slice(MAGIC.length + 65, MAGIC.length + 129);
  return createHash('sha256').update(data).digest('hex') === sum ? data : undefined;
}

/** Written to a temporary name and renamed, so a reader never sees half a cache; false when it cannot be. */
function writeCache(cacheFile, key, data) {
  // Threads of one process may write the same cache at once.
  const temporary = `${cacheFile}.${process.pid}.${threadId}.tmp`;
  const sum = createHash('sha256').update(data).digest('hex');
  try {
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${MAGIC}${key}\n${sum}\n`, 'latin1'), data]));
    renameSync(temporary, cacheFile);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

module.exports = { makeWorkedCache, requireBundle, requireBundleForThread };
