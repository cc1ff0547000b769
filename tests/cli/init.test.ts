import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { configJsonSchema } from '../../src/config/schemaFile.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

describe('tradebrief init', () => {
  it('scaffolds a folder for a new pair with a valid config, sources, HS names, templates and a README', () => {
    const dir = join(tempDir(), 'bra-chn');
    const run = tradebrief(['init', '--reporter', 'bra', '--partner', 'CHN', '--dir', dir]);
    expect(run.status).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'tradebrief.config.json'), 'utf8'));
    expect(parseConfig(config, 'c')).toMatchObject({
      reporter: 'BRA',
      partner: 'CHN',
      title: 'Brazil–China trade briefing',
    });
    expect(existsSync(join(dir, config.$schema))).toBe(true);
    expect(readFileSync(join(dir, '_templates/trade.csv'), 'utf8')).toBe(
      'period,reporter,partner,flow,product,value,unit,source,status\n',
    );
    expect(readFileSync(join(dir, 'sources.csv'), 'utf8')).toContain('un-comtrade');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('UN Comtrade Plus');
    expect(readFileSync(join(dir, 'hs_chapters.csv'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'inputs/hs_chapters.csv'), 'utf8'),
    );
  });

  it('refuses a folder that is not empty, and codes that are not countries', () => {
    const dir = tempDir();
    expect(tradebrief(['init', '--reporter', 'BRA', '--partner', 'CHN', '--dir', dir]).status).toBe(0);
    const again = tradebrief(['init', '--reporter', 'BRA', '--partner', 'CHN', '--dir', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('--force');
    const bad = tradebrief(['init', '--reporter', 'BRZ', '--partner', 'CHN', '--dir', tempDir()]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--reporter needs an ISO 3166 alpha-3 country code such as BRA, not "BRZ"');
  });
});

describe('the config JSON Schema', () => {
  it('is committed as generated from the zod schema (npm run schema refreshes it)', () => {
    expect(readFileSync(join(ROOT, 'schema/config.schema.json'), 'utf8')).toBe(configJsonSchema());
  });
});
