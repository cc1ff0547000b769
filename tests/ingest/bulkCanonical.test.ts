import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { inputMessages as m } from '../../src/core/messages.ts';
import { type IngestOptions, ingest } from '../../src/ingest/ingest.ts';
import { seeded } from '../helpers.ts';
import { brief, folderWith } from './folders.ts';

// SYNTHETIC canonical rows, made up for these tests.
const H = 'period,reporter,partner,flow,product,value,unit,source';
const focus = { reporter: 'IND', partners: ['RUS'] };
const SMALL: IngestOptions = { bulkMinBytes: Number.POSITIVE_INFINITY };
const BULK: IngestOptions = { bulkMinBytes: 0 };
const SOURCES = 'id,title,publisher,url\ns,Synthetic,Nobody,https://example.org\n';

/** What ingest makes of a folder, or the problems it reports: the same streamed as read whole. */
async function readOnBothPaths(
  files: Record<string, string | Uint8Array>,
  options: IngestOptions = { focus },
) {
  const dir = await folderWith({ 'sources.csv': SOURCES, ...files });
  const outcome = (o: IngestOptions) =>
    ingest(dir, { ...options, ...o }).catch((error: unknown) => {
      if (error instanceof InputError) return { problems: error.problems };
      throw error;
    });
  const small = await outcome(SMALL);
  for (const bulk of [BULK, { ...BULK, bulkChunkBytes: 7 }]) expect(await outcome(bulk)).toEqual(small);
  return small;
}

describe('the streamed canonical reader', () => {
  it('keeps the pair’s flows and every country’s exports to the world, and counts the rest', async () => {
    const text = [
      'Synthetic sample, not real data', // a title line above the header
      H,
      '2022,IND,RUS,export,TOTAL,4881.3,USD mn,s',
      '2022,RUS,IND,import,27,"1,234.5",USD mn,s\r', // CRLF, thousands grouped in quotes
      '2022,USA,CHN,export,TOTAL,100,USD bn,s', // another pair: set aside
      '',
      ' 2022 , DEU , WLD , export , 84 , 7.5 , USD bn , s ', // blanks around values
      '2022,DEU,WLD,import,TOTAL,90,USD bn,s', // another country's imports from the world: set aside
      '2022,IND,WLD,import,TOTAL,"600\nthousand",USD bn,s', // a quoted line break: not a number
      'Source: synthetic',
    ].join('\n');
    const result = await readOnBothPaths({ 'trade.csv': `\uFEFF${text}\n` });
    expect(result).toEqual({
      problems: [{ file: 'trade.csv', line: 10, column: 'value', message: m.notANumber('600 thousand') }],
    });
    const clean = await readOnBothPaths({ 'trade.csv': `\uFEFF${text.replace('"600\nthousand"', '600')}\n` });
    if ('problems' in clean) throw new Error('unexpected problems');
    expect(clean.trade.map(brief)).toEqual([
      '2022 IND RUS export TOTAL 4881.3 USD mn line 3',
      '2022 RUS IND import 27 1234.5 USD mn line 4',
      '2022 DEU WLD export 84 7.5 USD bn line 7',
      '2022 IND WLD import TOTAL 600 USD bn line 9',
    ]);
    expect(clean.rejects).toEqual([
      { file: 'trade.csv', line: 5, reason: m.asideOtherPair() },
      { file: 'trade.csv', line: 8, reason: m.asideOtherPair() },
      { file: 'trade.csv', line: 10, reason: m.asideNote() },
    ]);
    expect(clean.files.find((f) => f.file === 'trade.csv')).toMatchObject({ rows: 7, used: 4, records: 4 });
  });

  it('counts a CRLF inside a quoted cell as one line break, as a file read whole does', async () => {
    const rows = [
      H,
      '2022,IND,RUS,export,TOTAL,"4881.3",USD mn,"s"',
      '2022,IND,RUS,import,TOTAL,"600\r\nthousand",USD mn,s', // ends on line 4
      '2022,IND,RUS,export,27,12,USD mn,s',
      '2022,IND,RUS,export,30,x,USD mn,s', // line 6
    ];
    const result = await readOnBothPaths({ 'trade.csv': `${rows.join('\r\n')}\r\n` });
    expect(result).toEqual({
      problems: [
        { file: 'trade.csv', line: 4, column: 'value', message: m.notANumber('600 thousand') },
        { file: 'trade.csv', line: 6, column: 'value', message: m.notANumber('x') },
      ],
    });
  });

  it('refuses a header naming a column it reads twice, once, at the header line', async () => {
    const rows = [
      'Synthetic sample, not real data',
      `${H},status,source`,
      '2022,IND,RUS,export,TOTAL,4881.3,USD mn,s,final,s',
      '2022,IND,RUS,import,TOTAL,63811.44,USD mn,s,final,s',
    ];
    expect(await readOnBothPaths({ 'trade.csv': `${rows.join('\n')}\n` })).toEqual({
      problems: [
        { file: 'trade.csv', line: 2, message: m.repeatedColumns([{ name: 'source', positions: [8, 10] }]) },
      ],
    });
  });

  it('reads decimal commas from the whole file, as a file read whole is', async () => {
    // "1.234" alone could be either; "12,5" on a later line shows the file writes decimal commas: 1234.
    const rows = ['2022;IND;RUS;export;TOTAL;1.234;USD mn;s', '2022;IND;RUS;import;TOTAL;12,5;USD mn;s'];
    const result = await readOnBothPaths({ 'trade.csv': `${H.replaceAll(',', ';')}\n${rows.join('\n')}\n` });
    if ('problems' in result) throw new Error('unexpected problems');
    expect(result.trade.map((r) => r.value)).toEqual([1234, 12.5]);
    // Without the later evidence, "1.234" is refused as ambiguous, never guessed 1000 times off.
    const alone = await readOnBothPaths({ 'trade.csv': `${H.replaceAll(',', ';')}\n${rows[0]}\n` });
    expect(alone).toEqual({
      problems: [
        { file: 'trade.csv', line: 2, column: 'value', message: m.ambiguousNumber('1.234', 1.234, 1234) },
      ],
    });
  });

  it('reports what a file read whole reports: repeats, ragged rows, control characters, bytes, overflow', async () => {
    const cases: Record<string, string | Uint8Array> = {
      'repeat.csv': `${H}\n2022,IND,RUS,export,TOTAL,5,USD bn,s\n2022,IND,RUS,export,TOTAL,5000,USD mn,s\n2022,IND,RUS,export,TOTAL,6,USD bn,s\n`,
      'ragged.csv': `${H}\n2022,IND,RUS,export,TOTAL,5,USD bn\n2022,USA,CHN,export,TOTAL,5,USD bn,s\n`,
      'control.csv': `${H}\n2022,IND,RUS,export,TOTAL,5,USD bn,s\u0007\n`,
      'overflow.csv': `${H}\n2022,IND,RUS,export,TOTAL,1e308,USD bn,s\n2022,USA,CHN,export,TOTAL,1e400,USD,s\n`,
      'latin.csv': Buffer.concat([
        Buffer.from(`${H},label\n2022,IND,RUS,export,TOTAL,5,USD bn,s,caf`),
        Buffer.from([0xe9, 0x0a, 0x81, 0x0a]),
      ]),
    };
    const result = await readOnBothPaths(cases);
    if (!('problems' in result)) throw new Error('problems expected');
    const where = result.problems.map((p) => [p.file, p.line, p.column].filter(Boolean).join(':'));
    expect(where).toEqual([
      'control.csv:2:source', // U+0007
      'latin.csv:3', // 0x81 fits no encoding, after "café" in Windows-1252
      'ragged.csv:2', // 7 fields for 8
      'overflow.csv:2:value', // 1e308 USD bn is above any trade flow
      'overflow.csv:3:value', // 1e400 is not a finite number
      'control.csv:2:source', // so "s\x07" is no source
      'repeat.csv:4:value', // line 3 repeats line 2 after its unit; line 4 disagrees with both
    ]);
  });

  it('gives the same records, or problems, as csv-parse on thousands of altered lines', async () => {
    const { next, pick } = seeded(11);
    const damage = [
      '',
      ' ',
      '"',
      '""',
      ',',
      ';',
      '.',
      'e',
      'x',
      '\r',
      '\n',
      '\r\n',
      '\t',
      '0',
      'é',
      '\u000b',
    ];
    for (let file = 0; file < 8; file++) {
      const damaged = file % 2 === 1;
      const rows: string[] = [];
      for (let n = 0; n < 300; n++) {
        const cells = [
          `${2000 + (n % 20)}`,
          pick(['IND', 'RUS', 'USA', 'CHN']),
          pick(['RUS', 'IND', 'WLD', 'DEU']),
          pick(['export', 'import']),
          String(1 + (n % 97)).padStart(2, '0') + String(Math.floor(n / 97)).padStart(2, '0'),
          pick(['1', '12.5', '0.001', '456789.123', '"1,234.5"', '0']),
          pick(['USD', 'USD mn', 'USD bn']),
          's',
        ];
        let text = cells.join(',');
        if (damaged && next() < 0.03) {
          const at = Math.floor(next() * text.length);
          text = text.slice(0, at) + pick(damage) + text.slice(at + (next() < 0.5 ? 1 : 0));
        }
        rows.push(text);
      }
      const result = await readOnBothPaths({ 'trade.csv': `${H}\n${rows.join(pick(['\n', '\r\n']))}\n` });
      if (!damaged) expect('problems' in result ? result.problems : []).toEqual([]);
    }
  });
});
