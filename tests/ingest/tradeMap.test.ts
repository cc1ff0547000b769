import { describe, expect, it } from 'vitest';
import { inputMessages as m } from '../../src/core/messages.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { brief, fixture, folderWith, problemsOf } from './folders.ts';

const TEXT_EXPORT = 'Trade_Map_-_List_of_products_exported_by_India_to_Russian_Federation.txt';

describe('ITC Trade Map product lists', () => {
  it('reads the tab-separated text export: countries and flow from its title, USD thousand', async () => {
    const result = await ingest(fixture('trade-map'));
    expect(result.trade.filter((r) => r.file === TEXT_EXPORT).map(brief)).toEqual([
      '2022 IND RUS export TOTAL 3000000 USD thousand line 7',
      '2023 IND RUS export TOTAL 4000000 USD thousand line 7',
      '2024 IND RUS export TOTAL 4500000 USD thousand line 7',
      // Codes come with a leading apostrophe that keeps their zeros in spreadsheets.
      '2022 IND RUS export 30 900000 USD thousand line 8',
      '2023 IND RUS export 30 1100000 USD thousand line 8',
      '2024 IND RUS export 30 1200000 USD thousand line 8',
      '2022 IND RUS export 84 400000 USD thousand line 9',
      '2024 IND RUS export 84 650000 USD thousand line 9',
      '2022 IND RUS export 03 100000 USD thousand line 10',
      '2023 IND RUS export 03 120000 USD thousand line 10',
      '2024 IND RUS export 03 130000 USD thousand line 10',
    ]);
  });

  it('takes one country named in the file name as the reporter, trading with the world', async () => {
    const result = await ingest(fixture('trade-map'));
    expect(result.trade.filter((r) => r.file === 'trademap_RUS_imports.csv').map(brief)).toEqual([
      '2023 RUS WLD import TOTAL 285000000 USD thousand line 2',
      '2024 RUS WLD import TOTAL 300000000 USD thousand line 2',
      '2023 RUS WLD import 30 12000000 USD thousand line 3',
      '2024 RUS WLD import 30 12500000 USD thousand line 3',
    ]);
    expect(result.rejects).toContainEqual({
      file: 'trademap_RUS_imports.csv',
      line: 1,
      reason: m.asidePartialPeriod('Imported value in 2025-M03'),
    });
  });

  it('refuses a unit its title states but that cannot be read, instead of taking USD thousand', async () => {
    const title = (unit: string) =>
      `List of products exported by India to Russian Federation\nUnit : ${unit}\n\nCode\tProduct label\tExported value in 2024\nTOTAL\tAll products\t4500000\n`;
    const dir = await folderWith({
      'plain.csv': title('US Dollar'),
      'euro.csv': title('Euro thousand'),
      'tons.csv': title('Tons'),
    });
    expect(await problemsOf(dir)).toEqual(
      ['euro.csv', 'plain.csv', 'tons.csv'].map(
        (file, i) =>
          `${file}, line 4: ${m.unreadableUnitLine(`Unit : ${['Euro thousand', 'US Dollar', 'Tons'][i]}`)}`,
      ),
    );
    // Nor does a unit the file name states stand in for it.
    const named = await folderWith({ 'trademap_IND_RUS_usd-thousand.csv': title('Euro thousand') });
    expect(await problemsOf(named)).toEqual([
      `trademap_IND_RUS_usd-thousand.csv, line 4: ${m.unreadableUnitLine('Unit : Euro thousand')}`,
    ]);
    // A unit the title states and can be read is taken, not the default.
    const million = await folderWith({ 'million.csv': title('US Dollar million') });
    expect((await ingest(million)).trade.map(brief)).toEqual([
      '2024 IND RUS export TOTAL 4500000 USD million line 5',
    ]);
  });

  it('says what to do when no country is named', async () => {
    const dir = await folderWith({
      'products.csv': 'Code,Product label,Exported value in 2024\nTOTAL,All products,10\n',
    });
    expect(await problemsOf(dir)).toEqual([
      'products.csv, line 1: cannot tell the reporter of this Trade Map table: keep the title lines of the download above the header, or say it in the file name, e.g. "trademap_IND_RUS_exports.csv"',
    ]);
  });
});
