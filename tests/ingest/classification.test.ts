import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { parseClassification } from '../../src/ingest/classification.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { fixture, folderWith, problemsOf } from './folders.ts';

// SYNTHETIC rows in the real layouts. SITC 76 is telecommunications equipment, HS 76 aluminium: a SITC
// file read as HS would print a wrong chapter with a right-looking number.
const PLUS_HEADER =
  'typeCode,freqCode,refYear,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partner2Code,classificationCode,classificationSearchCode,cmdCode,cmdDesc,customsCode,mosCode,motCode,primaryValue';
const LEGACY_HEADER =
  'Classification,Year,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Aggregate Level,Commodity Code,Commodity,Trade Value (US$)';
const plusRow = (classification: string, search: string, code: string, value: number) =>
  `C,A,2023,156,CHN,X,0,W00,0,${classification},${search},${code},"label",C00,0,0,${value}`;

describe('product classifications', () => {
  it.each([
    ['H0', 'HS 1992', true],
    ['H5', 'HS 2017', true],
    ['h6', 'HS 2022', true],
    ['HS17', 'HS 2017', true],
    ['HS92', 'HS 1992', true],
    ['HS', 'HS (revision not stated)', true],
    ['', 'HS (revision not stated)', true],
    ['S4', 'SITC Rev. 4', false],
    ['ST', 'SITC', false],
    ['B5', 'BEC Rev. 5', false],
    ['BEC', 'BEC', false],
    ['EB10', 'EBOPS 2010 (services)', false],
  ])('%j is %s', (code, name, hs) => {
    expect(parseClassification(code)).toMatchObject({ name, hs });
  });

  it.each(['H7', 'HS18', 'XX', 'constructor'])('%j is unknown', (code) => {
    expect(parseClassification(code)).toBeUndefined();
  });

  it('refuses a SITC download once, naming the file and what to download instead', async () => {
    const dir = await folderWith({
      'TradeData_CHN_2023_SITC.csv': [
        PLUS_HEADER,
        plusRow('S4', 'SITC', 'TOTAL', 3380000000000),
        plusRow('S4', 'SITC', '76', 74285000000),
        plusRow('S4', 'SITC', '77', 60000000000),
      ].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `TradeData_CHN_2023_SITC.csv, line 2, column "classificationCode": ${m.notHsClassification('SITC Rev. 4', 'S4')}`,
    ]);
    expect(m.notHsClassification('SITC Rev. 4', 'S4')).toContain('download the same data in HS instead');
  });

  it('refuses SITC and BEC in the legacy layout and in our own, beside an HS file for the same flows', async () => {
    const hs = (code: string, value: number) =>
      `H5,2019,Export,699,India,IND,0,World,WLD,2,${code},label,${value}`;
    const dir = await folderWith({
      'hs.csv': [LEGACY_HEADER, hs('76', 100), hs('30', 200)].join('\n'),
      'sitc.csv': [LEGACY_HEADER, 'S4,2019,Export,699,India,IND,0,World,WLD,2,76,Telecom equipment,900'].join(
        '\n',
      ),
      'bec.csv': [LEGACY_HEADER, 'BEC,2019,Export,699,India,IND,0,World,WLD,1,1,Food,5'].join('\n'),
      'own.csv': [
        'period,reporter,partner,flow,product,value,unit,classification',
        '2019,IND,WLD,export,76,900,USD,S3',
      ].join('\n'),
      'unknown.csv': [LEGACY_HEADER, 'Q9,2019,Export,699,India,IND,0,World,WLD,2,76,label,900'].join('\n'),
    });
    expect(await problemsOf(dir)).toEqual([
      `bec.csv, line 2, column "Classification": ${m.notHsClassification('BEC', 'BEC')}`,
      `own.csv, line 2, column "classification": ${m.notHsClassification('SITC Rev. 3', 'S3')}`,
      `sitc.csv, line 2, column "Classification": ${m.notHsClassification('SITC Rev. 4', 'S4')}`,
      `unknown.csv, line 2, column "Classification": ${m.unknownClassification('Q9')}`,
    ]);
  });

  it('records the HS revision of every trade file, and sums them up for the methodology', async () => {
    const dir = await folderWith({
      'plus.csv': [PLUS_HEADER, plusRow('H6', 'HS', '30', 5), plusRow('H5', 'HS', '84', 7)].join('\n'),
      'legacy.csv': [LEGACY_HEADER, 'H5,2019,Export,699,India,IND,0,World,WLD,2,30,label,9'].join('\n'),
      'own.csv': ['period,reporter,partner,flow,product,value,unit', '2019,IND,RUS,export,30,1,USD'].join(
        '\n',
      ),
      'BACI_HS17_Y2022_V202401.csv': await readFile(fixture('baci', 'BACI_HS17_Y2022_V202401.csv')),
    });
    const result = await ingest(dir);
    const byFile = Object.fromEntries(result.files.map((f) => [f.file, f.classifications]));
    expect(byFile).toEqual({
      'BACI_HS17_Y2022_V202401.csv': [{ code: 'HS17', name: 'HS 2017' }],
      'legacy.csv': [{ code: 'H5', name: 'HS 2017' }],
      'own.csv': [{ code: 'HS', name: 'HS (revision not stated)' }],
      'plus.csv': [
        { code: 'H5', name: 'HS 2017' },
        { code: 'H6', name: 'HS 2022' },
      ],
    });
    expect(result.classifications).toEqual([
      { name: 'HS (revision not stated)', codes: ['HS'], files: ['own.csv'] },
      {
        name: 'HS 2017',
        codes: ['HS17', 'H5'],
        files: ['BACI_HS17_Y2022_V202401.csv', 'legacy.csv', 'plus.csv'],
      },
      { name: 'HS 2022', codes: ['H6'], files: ['plus.csv'] },
    ]);
  });

  it('takes a renamed BACI file’s revision from its product-codes file', async () => {
    const dir = await folderWith({
      'baci-2022.csv': await readFile(fixture('baci', 'BACI_HS17_Y2022_V202401.csv')),
      'product_codes_HS17_V202401.csv': await readFile(fixture('baci', 'product_codes_HS17_V202401.csv')),
    });
    const result = await ingest(dir);
    expect(result.files.find((f) => f.file === 'baci-2022.csv')?.classifications).toEqual([
      { code: 'HS17', name: 'HS 2017' },
    ]);
  });
});
