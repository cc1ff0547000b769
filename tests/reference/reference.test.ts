import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { normalise } from '../../src/normalise/normalise.ts';
import { citeDownload } from '../../src/reference/citations.ts';
import { HS_REFERENCE, headingName, hsRevision } from '../../src/reference/hs.ts';
import { SITC_DIVISIONS, SITC_SECTIONS } from '../../src/reference/sitc.ts';
import { fixture, folderFrom } from '../ingest/folders.ts';

describe('the built-in HS nomenclature', () => {
  it('holds the 21 sections, 97 chapters and 1,229 headings of HS 2022', () => {
    expect(HS_REFERENCE.sections).toHaveLength(21);
    expect(HS_REFERENCE.chapters).toHaveLength(97);
    expect(HS_REFERENCE.headings).toHaveLength(1229);
    // Chapter 77 is reserved in the HS: 01…97 less 77.
    expect(HS_REFERENCE.chapters.map((c) => c.code)).not.toContain('77');
    expect(HS_REFERENCE.chapters.find((c) => c.code === '27')?.section).toBe('V');
    expect(headingName('8542')).toBe('Electronic integrated circuits');
    expect(headingName('2709')).toBe('Petroleum oils and oils obtained from bituminous minerals; crude');
    expect(headingName('7700')).toBeUndefined();
  });

  it('knows each revision by Comtrade’s and BACI’s codes', () => {
    expect(hsRevision('H5')?.name).toBe('HS 2017');
    expect(hsRevision('hs17')?.comtrade).toBe('H5');
    expect(hsRevision('HS 2022')?.baci).toBe('HS22');
    expect(hsRevision('H9')).toBeUndefined();
  });

  it('names SITC Rev.4 divisions apart from HS chapters', () => {
    expect(Object.keys(SITC_SECTIONS)).toHaveLength(10);
    expect(Object.keys(SITC_DIVISIONS)).toHaveLength(67);
    expect(SITC_DIVISIONS['76']).toMatch(/^Telecommunications/);
    expect(SITC_DIVISIONS['77']).toMatch(/^Electrical machinery/);
  });
});

describe('citations of recognised downloads', () => {
  it('read publisher, dataset, revision and release from a BACI file name', () => {
    expect(citeDownload({ file: 'baci/BACI_HS17_Y2022_V202501.csv', format: 'baci' })).toMatchObject({
      id: 'cepii-baci-hs17-v202501',
      title: 'CEPII BACI, HS17, release 202501',
      publisher: 'CEPII BACI',
    });
  });

  it('name the classification a Comtrade file states', () => {
    expect(
      citeDownload({ file: 'TradeData.csv', format: 'comtrade-plus', classification: 'H6' }),
    ).toMatchObject({
      id: 'un-comtrade-plus-h6',
      title: 'UN Comtrade Plus, HS 2022 (H6), as reported',
    });
    expect(citeDownload({ file: 'x.csv', format: 'comtrade-legacy', classification: 'S4' })?.title).toBe(
      'UN Comtrade, SITC Rev.4 (S4), as reported',
    );
    expect(citeDownload({ file: 'x.txt', format: 'trade-map' })?.publisher).toBe('ITC Trade Map');
    expect(citeDownload({ file: 'x.csv', format: 'tradestat' })?.publisher).toBe('DGCI&S EIDB');
    expect(citeDownload({ file: 'x.csv', format: 'canonical' })).toBeUndefined();
  });

  it('cite a BACI folder’s rows by the download, and name its chapters from the built-in nomenclature', async () => {
    const ingested = await ingest(fixture('baci'), { focus: { reporter: 'IND', partners: ['RUS'] } });
    expect(new Set(ingested.trade.map((r) => r.source))).toEqual(new Set(['cepii-baci-hs17-v202401']));
    expect(ingested.sources.find((s) => s.id === 'cepii-baci-hs17-v202401')).toMatchObject({
      title: 'CEPII BACI, HS17, release 202401',
      publisher: 'CEPII BACI',
      files: ['BACI_HS17_Y2022_V202401.csv'],
    });
    const table = normalise(ingested, configSchema.parse({ reporter: 'IND', partner: 'RUS' }));
    expect(table.chapters.find((c) => c.code === '30')?.name).toBe('Pharmaceutical products');
    expect(table.sections.find((s) => s.id === 'XVI')?.name).toMatch(/^Machinery and mechanical appliances/);
    expect(table.notes.filter((n) => n.kind === 'unsourced')).toEqual([]);
  });

  it('cite a Comtrade Plus file by the classification in its own column', async () => {
    const ingested = await ingest(await folderFrom('comtrade-plus'));
    expect(ingested.files[0]?.classification).toBe('H6');
    expect(ingested.sources.map((s) => s.title)).toEqual(['UN Comtrade Plus, HS 2022 (H6), as reported']);
  });

  it('leave the inputs’ own chapter names and sources table in charge', async () => {
    const dir = await folderFrom('baci');
    await writeFile(
      `${dir}/hs_chapters.csv`,
      'section,hscode,description,parent,level\nVI,30,Medicines (our own name),TOTAL,2\n',
    );
    await writeFile(
      `${dir}/sources.csv`,
      'id,title,publisher,url,files,note\nbaci-ours,"BACI as we cite it",CEPII,,BACI_*.csv,\n',
    );
    const ingested = await ingest(dir, { focus: { reporter: 'IND', partners: ['RUS'] } });
    expect(new Set(ingested.trade.map((r) => r.source))).toEqual(new Set(['baci-ours']));
    const table = normalise(ingested, configSchema.parse({ reporter: 'IND', partner: 'RUS' }));
    expect(table.chapters.find((c) => c.code === '30')?.name).toBe('Medicines (our own name)');
    expect(table.chapters.find((c) => c.code === '29')?.name).toBe('Organic chemicals');
  });
});
