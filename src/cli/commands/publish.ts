import { existsSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/load.ts';
import type { Config } from '../../config/schema.ts';
import { InputError } from '../../core/errors.ts';
import { acquireLock } from '../../core/lock.ts';
import type { Logger } from '../../core/log.ts';
import { cliMessages as m, runMessages } from '../../core/messages.ts';
import { isWithin, realPathOf, topFolderWithin } from '../../core/paths.ts';
import { publish } from '../../publish/index.ts';
import { CONFIG_FILE } from '../context.ts';
import type { PublishValues } from '../options.ts';

/** What publishing needs besides the config: the folders, the dry-run switch and how long to wait. */
export interface PublishRequest {
  out: string;
  site: string | undefined;
  dryRun: boolean;
  wait: string;
}

export async function publishCommand(
  values: PublishValues,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const shownConfig = values.config ?? join('inputs', CONFIG_FILE);
  const configPath = resolve(shownConfig);
  if (values.config !== undefined && !existsSync(configPath))
    throw new InputError([{ file: shownConfig, message: m.configMissing() }]);
  // Without a config the site is still built, in the branding of the latest edition, and nothing is sent.
  const config = existsSync(configPath) ? await loadConfig(configPath, shownConfig) : undefined;
  return publishOutputs(
    { out: values.out, site: values.site, dryRun: values['dry-run'], wait: values.wait },
    config,
    config ? configPath : undefined,
    log,
    env,
  );
}

/** Publishes the output folder under its lock, so no run changes the archive while it is read. */
export async function publishOutputs(
  request: PublishRequest,
  config: Config | undefined,
  configPath: string | undefined,
  log: Logger,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const outDir = resolve(request.out);
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError([{ file: request.out, message: m.notAFolder('--out', 'is not one') }]);
  const wait = Number(request.wait);
  if (!Number.isFinite(wait) || wait < 0)
    throw new InputError([{ file: 'command line', message: m.badWait(request.wait) }]);
  const site = request.site ?? join(request.out, 'site');
  checkSitePlace(resolve(site), outDir, site, request.out);
  const release = await acquireLock(outDir, {
    waitSeconds: wait,
    onStale: (holder, reason) =>
      log.log('warn', 'stale-lock', runMessages.staleLock(holder?.pid, holder?.host, reason)),
  });
  try {
    return await publish({
      outDir,
      siteDir: resolve(site),
      outboxDir: join(outDir, 'outbox'),
      waitSeconds: wait,
      config,
      configPath,
      dryRun: request.dryRun,
      env,
      log,
    });
  } finally {
    await release();
  }
}

/** What tradebrief writes in an output folder: a site there would be rewritten, or would rewrite it. */
const OUTPUT_PARTS = new Set([
  'archive',
  '.builds',
  '.current',
  '.batch',
  '.cache',
  'outbox',
  'charts',
  'tables',
  'stages',
]);

/**
 * Refuses a --site that holds --out, as publishing removes from the site folder whatever is not part of
 * the site, and one inside the archive or the builds of --out, which tradebrief keeps as it writes them.
 */
function checkSitePlace(siteDir: string, outDir: string, site: string, out: string): void {
  const realOut = realpathSync(outDir);
  const realSite = realPathOf(siteDir);
  if (isWithin(realOut, realSite))
    throw new InputError([{ file: 'command line', message: m.siteHoldsOut(site, out) }]);
  // Only the first folder under --out is tradebrief's to name: out/www/charts is the user's.
  const part = topFolderWithin(realSite, realOut);
  if (part !== undefined && OUTPUT_PARTS.has(part))
    throw new InputError([{ file: 'command line', message: m.siteInOutputs(site, out, part) }]);
}
