import { existsSync } from 'node:fs';
import { type BrowserContext, chromium } from 'playwright-core';
import { tempDir } from '../helpers.ts';

/** Debian's chromium package: no browser is downloaded at install time (.ci/run installs it with apt). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * A real headless Chromium driven by playwright-core, in a fresh profile, with everything that would
 * reach the network switched off. As root it needs --no-sandbox (https://crbug.com/638180).
 */
export async function launchBrowser(): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is needed by this test: apt-get install -y chromium`);
  return chromium.launchPersistentContext(tempDir('tradebrief-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
