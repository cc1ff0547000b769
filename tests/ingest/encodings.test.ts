import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readCsv, readTableFromBytes } from '../../src/ingest/readCsv.ts';
import { brief, folderWith } from './folders.ts';

// SYNTHETIC rows in the layout of a Comtrade Plus download's name columns.
const TEXT =
  "reporterDesc,partnerDesc,primaryValue\nIndia,Côte d'Ivoire,12.5\nIndia,Türkiye,7\r\nIndia,Curaçao,1\n";
const CELLS = [
  ['India', "Côte d'Ivoire", '12.5'],
  ['India', 'Türkiye', '7'],
  ['India', 'Curaçao', '1'],
];

/** UTF-16 big-endian: Node writes only little-endian, so the bytes of each unit are swapped. */
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('the encoding of each file, found and reported', () => {
  const cases: [string, Buffer][] = [
    ['utf-8', Buffer.from(TEXT)],
    ['utf-8-bom', Buffer.from(`\uFEFF${TEXT}`)],
    ['utf-16le', Buffer.from(TEXT, 'utf16le')],
    ['utf-16le-bom', Buffer.from(`\uFEFF${TEXT}`, 'utf16le')],
    ['utf-16be', utf16be(TEXT)],
    ['utf-16be-bom', utf16be(`\uFEFF${TEXT}`)],
    ['windows-1252', Buffer.from(TEXT, 'latin1')],
  ];
  for (const [encoding, bytes] of cases) {
    it(`reads ${encoding}, with the same cells and lines`, async () => {
      const { table, problems } = await readTableFromBytes(bytes, 'names.csv');
      expect(problems).toEqual([]);
      expect(table?.encoding).toBe(encoding);
      expect(table?.header).toEqual(['reporterDesc', 'partnerDesc', 'primaryValue']);
      expect(table?.rows).toEqual(CELLS.map((cells, i) => ({ line: i + 2, cells })));
    });
  }

  it('reads the characters Windows-1252 puts in 0x80–0x9F (curly quotes, dashes, euro)', async () => {
    const bytes = Buffer.from([...Buffer.from('a,b\n'), 0x93, 0x41, 0x94, 0x2c, 0x96, 0x80, 0x0a]);
    const { table } = await readTableFromBytes(bytes, 'quotes.csv');
    expect(table?.encoding).toBe('windows-1252');
    expect(table?.rows[0]?.cells).toEqual(['\u201cA\u201d', '\u2013\u20ac']);
  });

  it('decides from the first non-ASCII bytes even when they come after the first chunk', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `India,Partner ${i},${i}`).join('\n');
    const bytes = Buffer.from(`reporterDesc,partnerDesc,primaryValue\n${rows}\nIndia,Curaçao,1\n`, 'latin1');
    expect(bytes.length).toBeGreaterThan(64 * 1024);
    const { table } = await readTableFromBytes(bytes, 'late.csv');
    expect(table?.encoding).toBe('windows-1252');
    expect(table?.rows.at(-1)).toEqual({ line: 5002, cells: ['India', 'Curaçao', '1'] });
  });

  it('a byte that fits no encoding, at its line, from a file on disk or bytes alike', async () => {
    const bytes = Buffer.from(`a,b\r\n1,2\r\n\r\n3,\x9d\r\n`, 'latin1');
    const dir = await folderWith({ 'bad.csv': bytes });
    const expected = { problems: [{ file: 'bad.csv', line: 4, message: m.unknownByte(0x9d) }] };
    expect(await readTableFromBytes(bytes, 'bad.csv')).toEqual(expected);
    expect(await readCsv(`${dir}/bad.csv`, 'bad.csv')).toEqual(expected);
  });

  it('a UTF-16 file cut in the middle of a pair of surrogates', async () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\n1,2\n3,', 'utf16le'),
      Buffer.from([0x3d, 0xd8, 0x0a, 0x00]),
    ]);
    expect((await readTableFromBytes(bytes, 'cut.csv')).problems).toEqual([
      { file: 'cut.csv', line: 3, message: m.brokenUtf16() },
    ]);
  });

  it('random binary data is named binary, whatever its length', async () => {
    // A fixed linear congruential sequence: the same "random" bytes on every run.
    let seed = 12345;
    for (const length of [200, 5000, 100_000]) {
      const bytes = Buffer.alloc(length);
      for (let i = 0; i < length; i += 1) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        bytes[i] = seed >> 16;
      }
      expect((await readTableFromBytes(bytes, 'noise.csv')).problems).toEqual([
        { file: 'noise.csv', message: m.notText() },
      ]);
    }
  });

  it('a Windows-1252 download goes through the whole ingest', async () => {
    const dir = await folderWith({
      'trade.csv': Buffer.from(
        // 0x96 is the en dash in Windows-1252.
        'period,reporter,partner,flow,product,value,unit,label\n2023,IND,CIV,export,18,4.5,USD mn,Cacao \x96 fèves\n',
        'latin1',
      ),
    });
    const result = await ingest(dir);
    expect(result.trade.map(brief)).toEqual(['2023 IND CIV export 18 4.5 USD mn line 2']);
    expect(result.productLabels).toEqual([{ code: '18', name: 'Cacao – fèves' }]);
  });
});
