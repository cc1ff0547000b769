import { describe, expect, it } from 'vitest';
import type { CsvTable } from '../../src/ingest/readCsv.ts';
import { tableFacts } from '../../src/ingest/wideTable.ts';

const table = (
  file: string,
  preamble: string[] = [],
  header = ['S.No.', 'HSCode', 'Commodity'],
): CsvTable => ({
  file,
  preamble,
  header,
  headerLine: preamble.length + 1,
  rows: [],
  encoding: 'utf-8',
});

describe('what a wide table holds, from its title lines or its file name', () => {
  it('reads EIDB title lines', () => {
    const facts = tableFacts(
      table('download.csv', [
        'Export Import Data Bank',
        'Export :: Country-wise all commodities',
        'Values in US$ Million',
        'Country: CHINA P RP',
      ]),
    );
    expect(facts).toEqual({ flow: 'export', unit: 'USD million', countries: ['CHN'] });
  });

  it('reads Trade Map title lines: countries in order of mention', () => {
    expect(
      tableFacts(
        table('x.csv', [
          'List of products imported by Russian Federation from India',
          'Unit : US Dollar thousand',
        ]),
      ),
    ).toEqual({ flow: 'import', unit: 'USD thousand', countries: ['RUS', 'IND'] });
  });

  it('reads file names, rupee units without a currency word, and ignores what is not said', () => {
    expect(tableFacts(table('eidb_import_USA_inr-lakh.csv'))).toEqual({
      flow: 'import',
      unit: 'INR lakh',
      countries: ['USA'],
    });
    expect(tableFacts(table('russia/Values in Crore.csv'))).toEqual({ unit: 'INR crore', countries: [] });
    // "US" alone is not a country (it is part of "US$"), nor is a lower-case three-letter word.
    expect(tableFacts(table('can_per_tab.csv', ['Unit: US Dollar']))).toEqual({ countries: [] });
  });
});
