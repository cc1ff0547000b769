import { toIso3 } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import type { AdapterContext } from '../adapter.ts';
import { classificationInFileName } from '../classification.ts';
import type { ProductRecord, TradeRecord } from '../records.ts';
import { type BaciExtract, createBaciExtractor, focusExtract } from './baciExtract.ts';
import { createRepeatCheck } from './baciRepeats.ts';
import { type BaciCells, type BaciColumn, type BaciRow, parseBaciRow } from './baciRow.ts';

export interface BaciReaderOptions {
  /** The briefing's reporter: its flows with every partner are kept. */
  reporter?: string;
  /** BACI codes → ISO3, from the country-code tables among the inputs. */
  countryCodes: ReadonlyMap<string, string>;
  problem(line: number, column: BaciColumn | undefined, message: string): void;
}

/**
 * Reads one BACI file row by row, as text cells or as rows already checked: checks, repeats and sums,
 * the same for every reader of the format.
 */
export function createBaciReader(options: BaciReaderOptions) {
  const { problem } = options;
  const repeats = createRepeatCheck();
  const extractor = createBaciExtractor({
    ...(options.reporter === undefined ? {} : { reporter: options.reporter }),
    iso3: (code) => options.countryCodes.get(code) ?? toIso3(code),
  });
  const row = (checked: BaciRow): void => {
    const outcome = repeats.check(checked);
    if ('duplicateOf' in outcome) {
      const { line, value } = outcome.duplicateOf;
      problem(checked.line, 'v', m.duplicateBaciRow(line, String(value)));
      return;
    }
    if ('repeatOf' in outcome) {
      extractor.repeat(checked.line);
      return;
    }
    if ('ungrouped' in outcome) {
      const { year, exporter, importer } = checked;
      problem(
        checked.line,
        undefined,
        m.ungroupedBaciPair(year, exporter, importer, outcome.ungrouped.endedAt),
      );
    }
    extractor.add(checked);
  };
  return {
    row,
    cells(cells: BaciCells, line: number): void {
      const checked = parseBaciRow(cells, line, (column, message) => problem(line, column, message));
      if (checked) row(checked);
    },
    extract: extractor.extract,
    state: extractor.state,
    pairOrder: repeats.order,
  };
}

export type BaciReader = ReturnType<typeof createBaciReader>;

/**
 * The trade records of an extract for the briefing's focus, and the focus pairs' HS6 rows; the rows it
 * sets aside go to `ctx.reject`.
 */
export function recordsOf(
  extract: BaciExtract,
  ctx: AdapterContext,
): { trade: TradeRecord[]; products: ProductRecord[] } {
  // BACI is in one HS revision, named in the file's name (BACI_HS17_Y2022_V202401.csv).
  const revision = classificationInFileName(ctx.file);
  if (revision) ctx.classify(0, undefined, revision.code);
  const { sums, products, setAside } = focusExtract(extract, ctx.focus);
  for (const { line, reason } of setAside) ctx.reject(line, reason);
  // Written out rather than spread: spreading tens of thousands of records is several times slower.
  const trade = sums.map((s) => ({
    period: s.period,
    reporter: s.reporter,
    partner: s.partner,
    flow: s.flow,
    product: s.product,
    value: s.value,
    unit: s.unit,
    status: s.status,
    line: s.line,
    file: ctx.file,
    source: ctx.fileSource,
  }));
  return { trade, products: products.map((p) => ({ ...p, file: ctx.file, source: ctx.fileSource })) };
}
