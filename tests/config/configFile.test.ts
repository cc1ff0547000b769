import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/briefing/xmp.ts';
import { renderPng } from '../../src/charts/preview.ts';
import { ROOT, tempDir, tradebrief } from '../helpers.ts';

const DEFAULT_CONFIG = readFileSync(join(ROOT, 'inputs', 'tradebrief.config.json'), 'utf8');

/** `validate` with a config of this text: the config is read before any input. */
function validateWith(text: string | Buffer, setup?: (dir: string) => void) {
  const dir = tempDir();
  const file = join(dir, 'tradebrief.config.json');
  writeFileSync(file, text);
  setup?.(dir);
  const run = tradebrief(['validate', '--config', file]);
  return { ...run, file, lines: run.stderr.trimEnd().split('\n') };
}

function withConfig(change: (config: Record<string, unknown>) => void): string {
  const config = JSON.parse(DEFAULT_CONFIG) as Record<string, unknown>;
  change(config);
  return JSON.stringify(config, null, 2);
}

describe('the config file', () => {
  it('is read with a byte-order mark, as Windows editors save it', () => {
    const run = validateWith(`\ufeff${DEFAULT_CONFIG}`);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('inputs are valid');
  });

  it('names the line and column of a JSON mistake, without quoting the file', () => {
    const trailing = validateWith('{\n  "reporter": "IND",\n  "partner": "RUS",\n}\n');
    expect(trailing.status).toBe(2);
    expect(trailing.lines[0]).toBe(
      `error: ${trailing.file}, line 4, column 1: not valid JSON: expected another key after "," (JSON has no trailing commas), found "}"`,
    );
    const unquoted = validateWith('{\n  "reporter": IND\n}');
    expect(unquoted.lines[0]).toContain('line 2, column 15: not valid JSON: expected a value');
    const cut = validateWith('{"reporter": "IND", "partner": "RU');
    expect(cut.lines[0]).toContain(
      'line 1, column 35: not valid JSON: expected a closing double quote, found the end of the file',
    );
    const bom = validateWith('\ufeff{"reporter" "IND"}');
    expect(bom.lines[0]).toContain(
      'line 1, column 13: not valid JSON: expected ":" after the key, found """',
    );
  });

  it('places a wrong value at its line and column, and a missing one at the member that lacks it', () => {
    const text = [
      '{',
      '  "reporter": "IND",',
      '  "partner": "RUS",',
      '  "sectors": [',
      '    { "id": "farm", "label": "Farm goods", "chapters": ["01-05"] },',
      '    { "id": "fuel", "label": "Fuels", "chapters": ["27", "00"] },',
      '    { "label": "No id", "chapters": ["30"] }',
      '  ],',
      '  "organisation": { "nam": "x" }',
      '}',
    ].join('\n');
    const run = validateWith(text);
    expect(run.status).toBe(2);
    const at = (key: string) => run.lines.find((line) => line.includes(`key "${key}"`));
    // "00" is the second chapter of the second sector: line 6, where its quote opens.
    expect(at('sectors.1.chapters.1')).toContain(
      `${run.file}, line 6, column 58, key "sectors.1.chapters.1"`,
    );
    // The third sector has no id: named where that sector begins.
    expect(at('sectors.2.id')).toContain(`${run.file}, line 7, column 5, key "sectors.2.id"`);
    // A misspelt key is placed where it is written.
    expect(at('organisation.nam')).toContain(`${run.file}, line 9, column 21, key "organisation.nam"`);
  });

  it('places a key written twice where the one read stands, the last', () => {
    const run = validateWith('\ufeff{\n  "reporter": "XX",\n  "partner": "RUS",\n  "reporter": "INDIA"\n}');
    expect(run.status).toBe(2);
    expect(run.lines[0]).toContain(`${run.file}, line 4, column 3, key "reporter"`);
  });

  it('names the command line for a value an option gave, not the config beside it', () => {
    const run = validateWith(DEFAULT_CONFIG);
    const option = tradebrief(['validate', '--config', run.file, '--partner', 'RUX']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('error: command line, option --partner: unknown country code "RUX"');
    expect(option.stderr).not.toContain(`${run.file}, line`);
  });

  it('refuses a folder, and a link to a system file without echoing it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.json'));
    const folder = tradebrief(['validate', '--config', join(dir, 'folder.json')]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('the config is a folder');
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    const system = tradebrief(['validate', '--config', join(dir, 'passwd.json')]);
    expect(system.status).toBe(2);
    expect(system.stderr).toContain('line 1, column 1: not valid JSON: expected a value');
    expect(system.stderr).not.toContain('root');
  });

  it('refuses control characters and non-characters in text, naming the key', () => {
    const tab = validateWith(withConfig((c) => (c.title = 'India\u000bRussia')));
    expect(tab.status).toBe(2);
    expect(tab.lines[0]).toBe(
      `error: ${tab.file}, key "title": contains the character U+000B, which cannot be printed or written to the PDF's metadata: remove it (text in the config is one line, without control characters)`,
    );
    const nonCharacter = validateWith(
      withConfig((c) => (c.organisation = { name: 'R&D \ufffe', accent: '#0b4f8a' })),
    );
    expect(nonCharacter.lines[0]).toContain('key "organisation.name": contains the character U+FFFE');
  });

  it('refuses __proto__ as a key', () => {
    const run = validateWith(DEFAULT_CONFIG.replace('"names": {', '"names": { "__proto__": { "en": "x" },'));
    expect(run.status).toBe(2);
    expect(run.lines[0]).toContain('key "names.__proto__": "__proto__" is not a setting');
  });
});

describe('the logo named by the config', () => {
  const withLogo = (logo: string) =>
    withConfig((c) => (c.organisation = { name: 'Org', accent: '#0b4f8a', logo }));

  it('must be a PNG or JPEG file, never echoed', () => {
    const text = validateWith(withLogo('logo.png'), (dir) => writeFileSync(join(dir, 'logo.png'), 'hello'));
    expect(text.status).toBe(2);
    expect(text.lines[0]).toContain(
      'key "organisation.logo": the logo "logo.png" is not a PNG or JPEG image',
    );
    const folder = validateWith(withLogo('logo.png'), (dir) => mkdirSync(join(dir, 'logo.png')));
    expect(folder.lines[0]).toContain('the logo "logo.png" is a folder');
    const system = validateWith(withLogo('logo.png'), (dir) =>
      symlinkSync('/etc/passwd', join(dir, 'logo.png')),
    );
    expect(system.status).toBe(2);
    expect(system.stderr).toContain('is not a PNG or JPEG image');
    expect(system.stderr).not.toContain('root');
    const device = validateWith(withLogo('logo.png'), (dir) =>
      symlinkSync('/dev/zero', join(dir, 'logo.png')),
    );
    expect(device.lines[0]).toContain('the logo "logo.png" is not a regular file');
  });

  it('is refused past the size of any logo, saying what to do', async () => {
    const small = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>', 1);
    const wideImage = await renderPng(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20001" height="1"/>',
      1,
    );
    const heavy = validateWith(withLogo('logo.png'), (dir) =>
      writeFileSync(join(dir, 'logo.png'), Buffer.concat([small, Buffer.alloc(51 * 1024 * 1024)])),
    );
    expect(heavy.status).toBe(2);
    // 51 MiB of padding plus the small PNG: 53.5 MB, over the 52.4 MB (50 MiB) allowed.
    expect(heavy.lines[0]).toContain('the logo "logo.png" has 53 MB, more than the 52 MB a logo may have');
    expect(heavy.lines[0]).toContain('save it at about 600 pixels wide');
    const wide = validateWith(withLogo('logo.png'), (dir) => writeFileSync(join(dir, 'logo.png'), wideImage));
    expect(wide.status).toBe(2);
    expect(wide.lines[0]).toContain('the logo "logo.png" is 20001 × 1 pixels, more than 20000 a side');
  });
});

describe('XMP text', () => {
  it('drops what XML cannot hold and escapes the rest', () => {
    expect(escapeXml('R&D <x> \ufffe\u000b\ud800 "q" \u{1f600}')).toBe(
      'R&amp;D &lt;x&gt;  &quot;q&quot; \u{1f600}',
    );
  });
});
