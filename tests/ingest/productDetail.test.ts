import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { fixture, folderWith, problemsOf } from './folders.ts';

/**
 * SYNTHETIC rows in UN Comtrade Plus's 47-column layout (the header of the comtrade-plus fixture):
 * India's exports to Russia of one heading and two of its HS6 lines, with the quantity columns set.
 */
async function plusFile(rows: Record<string, string>[]): Promise<string> {
  const text = await readFile(fixture('comtrade-plus', 'TradeData_IND_2023.csv'), 'utf8');
  const [header = '', model = ''] = text.split(/\r?\n/);
  const columns = header.split(',');
  // The fixture's first row, an export to Russia, without its quoted cells.
  const base = Object.fromEntries(columns.map((c, i) => [c, model.split(',')[i] ?? '']));
  const line = (row: Record<string, string>) => columns.map((c) => row[c] ?? base[c]).join(',');
  return `${header}\n${rows.map((row) => line({ ...base, cmdDesc: 'x', ...row })).join('\n')}\n`;
}

describe('product detail with quantities', () => {
  it('keeps Comtrade HS4 and HS6 rows with net weight, else qty in its unit; 0 and N/A as unknown', async () => {
    const csv = await plusFile([
      { cmdCode: '3004', primaryValue: '900', netWgt: '2500', qty: '2500', qtyUnitAbbr: 'kg' },
      { cmdCode: '300490', primaryValue: '600', netWgt: '0', qty: '40', qtyUnitAbbr: 'u', qtyUnitCode: '5' },
      { cmdCode: '300410', primaryValue: '300', netWgt: '0', qty: '0', qtyUnitAbbr: 'N/A' },
      { cmdCode: '30', primaryValue: '900', netWgt: '2500' },
    ]);
    const result = await ingest(await folderWith({ 'comtrade.csv': csv }));
    expect(
      result.products.map((p) => `${p.flow} ${p.product} ${p.value} ${p.quantity} ${p.quantityUnit}`),
    ).toEqual(['export 3004 900 2500 kg', 'export 300490 600 40 u', 'export 300410 300 null null']);
    // Detail beside the trade records, not more records of the file.
    expect(result.files[0]?.records).toBe(4);
  });

  it('refuses a quantity that is not a number of zero or more, at its cell', async () => {
    const csv = await plusFile([
      { cmdCode: '3004', primaryValue: '900', netWgt: 'abc' },
      { cmdCode: '3005', primaryValue: '900', qty: '-3', qtyUnitAbbr: 'u' },
    ]);
    expect(await problemsOf(await folderWith({ 'comtrade.csv': csv }))).toEqual([
      `comtrade.csv, line 2, column "netWgt": ${m.notANumber('abc')}`,
      `comtrade.csv, line 3, column "qty": ${m.negativeQuantity('-3')}`,
    ]);
  });
});
