import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitLogo, LOGO_BYTES, LOGO_PIXELS } from '../../src/briefing/logo.ts';
import { pngSize } from '../../src/config/logo.ts';
import { tempDir, tradebrief } from '../helpers.ts';
import { copyInputs, json } from '../run/helpers.ts';
import { bigPng } from '../run/png.ts';
import { cli } from './helpers.ts';

/** The config of `inputs` with its organisation's logo set to `logo`; returns the config's path. */
function withLogo(inputs: string, logo: string): string {
  const configFile = join(inputs, 'tradebrief.config.json');
  const config = json<{ organisation: Record<string, string> }>(configFile);
  writeFileSync(configFile, JSON.stringify({ ...config, organisation: { ...config.organisation, logo } }));
  return configFile;
}

describe('the archive site’s logo', () => {
  let inputs: string;
  let out: string;
  beforeAll(() => {
    inputs = copyInputs();
    out = tempDir();
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
  }, 300_000);

  it('is the logo as the cover has it: a 4000-pixel PNG is published 600 pixels a side', async () => {
    // SYNTHETIC: 4000 × 4000 pixels, over a megabyte.
    const png = bigPng(4000);
    writeFileSync(join(inputs, 'logo.png'), png);
    const configFile = withLogo(inputs, 'logo.png');
    const site = join(tempDir(), 'site');
    expect((await cli(['publish', '--out', out, '--config', configFile, '--site', site])).code).toBe(0);
    const published = readFileSync(join(site, 'logo.png'));
    expect(pngSize(published)).toEqual({ width: LOGO_PIXELS, height: LOGO_PIXELS });
    expect(published.length).toBeLessThanOrEqual(LOGO_BYTES);
    expect(published.equals(Buffer.from(fitLogo(png) as Uint8Array))).toBe(true);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain('<img class="logo" src="logo.png"');
  }, 120_000);

  it('whose pixels cannot be read is named, exit code 2, and no site is written', async () => {
    // The same PNG cut short: its header is whole, its image data is not.
    writeFileSync(join(inputs, 'logo.png'), bigPng(4000).subarray(0, 2000));
    const configFile = withLogo(inputs, 'logo.png');
    const site = join(tempDir(), 'site');
    const { code, logs } = await cli(['publish', '--out', out, '--config', configFile, '--site', site]);
    expect(code).toBe(2);
    expect(logs[0]).toMatchObject({ key: 'organisation.logo' });
    expect(logs[0]?.message).toContain(
      'the logo "logo.png" has an image signature but its pixels cannot be read',
    );
    expect(() => readFileSync(join(site, 'index.html'))).toThrow();
  }, 120_000);
});
