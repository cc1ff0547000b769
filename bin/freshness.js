// Whether a checkout's bundles may run: dist/cli.cjs newer than every source file (npm ci builds it).
// bin/tradebrief.js asks at every start, and runs the sources through tsx when not; the bench asks
// before it times a checkout, whose timings would otherwise be those of tsx.
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Every start checks: the paths are joined as the listing gives them, without normalising each. */
function sourcesOlderThan(root, time) {
  for (const folder of ['src', 'pipeline']) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs >= time) return false;
    }
  }
  return true;
}

/** Whether `root`/dist/cli.cjs exists and is newer than every file of `root`/src and `root`/pipeline. */
function bundleIsFresh(root) {
  try {
    return sourcesOlderThan(root, statSync(join(root, 'dist', 'cli.cjs')).mtimeMs);
  } catch {
    return false;
  }
}

module.exports = { bundleIsFresh };
