import { readdir, readFile } from 'node:fs/promises';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { type IngestOptions, ingest } from '../../src/ingest/ingest.ts';
import type { IngestResult } from '../../src/ingest/records.ts';
import { tradebrief } from '../helpers.ts';
import { brief, fixture, folderWith, problemsOf } from './folders.ts';
import { zipBytes } from './zipBytes.ts';

// The SYNTHETIC BACI fixture (699 India, 643 Russia, 842 USA), zipped as CEPII ships a release.
const ZIP = 'BACI_HS17_V202401.zip';
const focus = { reporter: 'IND', partners: ['RUS'] };
const SMALL: IngestOptions = { focus, bulkMinBytes: Number.POSITIVE_INFINITY };
const BULK: IngestOptions = { focus, bulkMinBytes: 0 };

async function baciFiles(): Promise<{ name: string; data: Buffer }[]> {
  const names = (await readdir(fixture('baci'))).sort();
  return Promise.all(names.map(async (name) => ({ name, data: await readFile(fixture('baci', name)) })));
}

/** The records of a result with the archive's name taken out of their file names. */
function unzipped(result: IngestResult, prefix: string) {
  const strip = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
  return {
    // A row without a source column is cited by its file, here the member's name.
    trade: result.trade.map((r) => ({ ...r, file: strip(r.file), source: r.source.replace(prefix, '') })),
    files: result.files.map((f) => ({ ...f, file: strip(f.file) })),
    rejects: result.rejects.map((r) => ({ ...r, file: strip(r.file) })),
  };
}

describe('zip archives', () => {
  it('reads each table in a BACI zip as its own input, by both readers, as if it were unpacked', async () => {
    const files = await baciFiles();
    const unpacked = await ingest(fixture('baci'), SMALL);
    const dir = await folderWith({ [ZIP]: zipBytes(files) });
    for (const options of [SMALL, BULK, { ...BULK, bulkChunkBytes: 7 }]) {
      const result = await ingest(dir, options);
      expect(result.files.map((f) => f.file)).toEqual([
        `${ZIP}/BACI_HS17_Y2022_V202401.csv`,
        `${ZIP}/country_codes_V202401.csv`,
        `${ZIP}/product_codes_HS17_V202401.csv`,
      ]);
      expect(unzipped(result, `${ZIP}/`)).toEqual({
        trade: unpacked.trade,
        files: unpacked.files,
        rejects: unpacked.rejects,
      });
    }
    const result = await ingest(dir, BULK);
    const exports = result.trade.filter(
      (r) => r.reporter === 'IND' && r.partner === 'RUS' && r.flow === 'export',
    );
    expect(exports.map(brief)).toEqual([
      '2022 IND RUS export 30 1234.5 USD thousand line 2',
      '2022 IND RUS export 29 100.25 USD thousand line 3',
      '2022 IND RUS export 84 500 USD thousand line 4',
    ]);
    // India's exports to Russia in 2022, by hand from the three rows: 1,234.5 + 100.25 + 500.
    expect(exports.reduce((sum, r) => sum + r.value, 0)).toBe(1234.5 + 100.25 + 500);
    // A member's hash is that of its own bytes, as if it were unpacked.
    expect(result.files[0]?.sha256).toBe(unpacked.files[0]?.sha256);
  });

  it('reads a gzip file as the one table it holds, under its own name', async () => {
    const files = await baciFiles();
    const year = files.find((f) => f.name.startsWith('BACI_')) as { name: string; data: Buffer };
    const codes = files.find((f) => f.name.startsWith('country_codes')) as { name: string; data: Buffer };
    const dir = await folderWith({ [`${year.name}.gz`]: gzipSync(year.data), [codes.name]: codes.data });
    const plain = await folderWith({ [year.name]: year.data, [codes.name]: codes.data });
    const gz = `${year.name}.gz`;
    for (const options of [SMALL, BULK])
      expect((await ingest(dir, options)).trade).toEqual(
        (await ingest(plain, options)).trade.map((r) => (r.file === year.name ? { ...r, file: gz } : r)),
      );
  });

  it('refuses what cannot be read safely, one located line each, and reads the rest', async () => {
    const zeros = Buffer.alloc(8 << 20);
    const codes = (await baciFiles()).find((f) => f.name.startsWith('country_codes')) as { data: Buffer };
    const dir = await folderWith({
      'bomb.zip': zipBytes([{ name: 'zeros.csv', data: zeros }]),
      'bomb.csv.gz': gzipSync(zeros),
      'cut.zip': zipBytes([{ name: 'codes.csv', data: codes.data }]).subarray(0, 60),
      'locked.zip': zipBytes([{ name: 'codes.csv', data: codes.data, flags: 1 }]),
      'nested.zip': zipBytes([{ name: 'inner.zip', data: 'PK' }]),
      'notes.zip': zipBytes([{ name: 'Readme.txt', data: 'about the data' }]),
      'bzip2.zip': zipBytes([{ name: 'codes.csv', data: codes.data, method: 12 }]),
    });
    const problems = await problemsOf(dir, BULK);
    // Archives that cannot be opened or hold nothing to read are named when listed, members when read.
    expect(problems).toEqual([
      `cut.zip: ${m.damagedArchive()}`,
      `nested.zip/inner.zip: ${m.nestedArchive()}`,
      `notes.zip: ${m.emptyArchive(['Readme.txt'])}`,
      // The gzip stream is stopped once it has grown past 400 times the file: 401.
      expect.stringMatching(/^bomb\.csv\.gz: the archive member expands to 40\d times its compressed size/),
      // A zip member is refused from its declared sizes, before anything is inflated.
      `bomb.zip/zeros.csv: ${m.zipRatio(Math.round(zeros.length / deflateRawSync(zeros).length))}`,
      `bzip2.zip/codes.csv: ${m.zipMethod(12)}`,
      `locked.zip/codes.csv: ${m.encryptedMember()}`,
    ]);
  });

  it('exits 2 with one located line on the command line, without a stack trace', async () => {
    const dir = await folderWith({
      'locked.zip': zipBytes([{ name: 'data.csv', data: 'a,b\n1,2\n', flags: 1 }]),
    });
    const run = tradebrief(['validate', '--inputs', dir, '--reporter', 'IND', '--partner', 'RUS']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`locked.zip/data.csv: ${m.encryptedMember()}`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gzip files of notes', () => {
  it('are skipped as a folder skips notes: a folder of nothing else has no inputs', async () => {
    const dir = await folderWith({ 'Readme.txt.gz': gzipSync('about the data') });
    expect(await problemsOf(dir)).toEqual([`${dir}: ${m.noInputs([])}`]);
  });
});

describe('InputError', () => {
  it('is what a refused archive raises', async () => {
    const dir = await folderWith({ 'cut.zip': Buffer.from('PK\x03\x04 not a real archive', 'latin1') });
    await expect(ingest(dir)).rejects.toBeInstanceOf(InputError);
  });
});
