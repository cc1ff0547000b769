import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPng } from '../../src/charts/preview.ts';
import { tempDir, tool, tradebrief } from '../helpers.ts';
import { copyInputs, json } from './helpers.ts';

describe('the organisation logo from the config', () => {
  it('is drawn on the cover when the file exists, and named when it does not', async () => {
    const inputs = copyInputs();
    const configFile = join(inputs, 'tradebrief.config.json');
    const config = json<{ organisation: Record<string, string> }>(configFile);
    const withLogo = { ...config, organisation: { ...config.organisation, logo: 'logo.png' } };
    writeFileSync(configFile, JSON.stringify(withLogo));
    const missing = tradebrief(['run', '--inputs', inputs, '--out', tempDir()]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('key "organisation.logo": the logo "logo.png" does not exist');
    writeFileSync(
      join(inputs, 'logo.png'),
      await renderPng(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c00"/></svg>',
        1,
      ),
    );
    const out = tempDir();
    expect(tradebrief(['run', '--inputs', inputs, '--out', out]).status).toBe(0);
    expect(tool('pdfimages', ['-list', '-f', '1', '-l', '1', join(out, 'briefing.pdf')])).toMatch(
      /\n\s*1\s+\d+\s+image\s+40\s+20/,
    );
  }, 300_000);
});
