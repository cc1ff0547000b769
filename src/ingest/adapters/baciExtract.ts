import { WORLD } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import type { Focus } from '../adapter.ts';
import type { ProductRecord, TradeRecord } from '../records.ts';
import { BACI_QUANTITY_UNIT, BACI_UNIT, type BaciRow, chapterOfProduct } from './baciRow.ts';

/** A sum by HS chapter, as the trade record it becomes less its file and source. */
export type BaciSum = Omit<TradeRecord, 'file' | 'source'>;

/**
 * One of the reporter's HS6 rows with a country: year, flow (0 its export, 1 its import), the other
 * country, HS6 product as a number, value, quantity in tons (null: unknown) and line. A tuple, as the
 * extract cache stores hundreds of thousands of them.
 */
export type BaciProductRow = [number, 0 | 1, string, number, number, number | null, number];

/**
 * What one pass over a BACI file keeps for one reporter (or none): sums by HS chapter of the reporter's
 * exports to and imports from every partner, and every country's exports to and imports from the
 * world; and the rows that may be set aside, by line. Any partner's briefing can be cut from it, so
 * it is what the extract cache stores.
 */
export interface BaciExtract {
  reporter: string | null;
  /** In no particular order: `focusExtract` orders what a briefing uses. */
  sums: BaciSum[];
  /** The reporter's rows with every country, product by product, in file order. */
  products: BaciProductRow[];
  /** Rows repeating an earlier row's key and value. */
  repeats: number[];
  /** Rows whose exporter has no ISO code, by exporter code and importer (null: none either). */
  areas: { exporter: string; importer: string | null; lines: number[] }[];
}

/** The sums kept for a row, in the order they are made. */
const KINDS = ['exportWorld', 'importWorld', 'pairExport', 'pairImport'] as const;
type Kind = (typeof KINDS)[number];

const CHAPTERS = 100;
/** "00" … "99", made once: the extract names tens of thousands of sums by chapter. */
const CHAPTER_CODES = Array.from({ length: CHAPTERS }, (_, c) => String(c).padStart(2, '0'));
/** BACI country codes have at most four digits. */
const CODES = 10_000;

/**
 * Sums are kept in whole thousandths (BACI's v, in thousand USD, has three decimals) while every value
 * is a whole number of thousandths and every sum stays below this: integers add up exactly in any
 * order, so a file read in parts gives the same sums as read whole. Below 2^51 a sum's value
 * (thousandths / 1000) also turns back into its thousandths exactly. Past either, sums are added as
 * the rows come, in file order.
 */
export const EXACT_LIMIT = 2 ** 51;

/** `value` as a whole number of thousandths below EXACT_LIMIT, or undefined when it is not one. */
export function thousandthsOf(value: number): number | undefined {
  const thousandths = Math.round(value * 1000);
  return valueOfThousandths(thousandths) === value && thousandths < EXACT_LIMIT ? thousandths : undefined;
}

/** The value of a sum kept in thousandths: one rounding, the nearest double to the exact sum. */
export function valueOfThousandths(thousandths: number): number {
  return thousandths / 1000;
}

/** Sums by (country, chapter) for one year and kind, with the first line behind each (0: none yet). */
class ChapterSums {
  values = new Float64Array(0);
  lines = new Float64Array(0);

  /** Adds `amount` to a cell; returns the cell's sum. */
  add(country: number, chapter: number, amount: number, line: number): number {
    const cell = country * CHAPTERS + chapter;
    if (cell >= this.values.length) this.grow(cell);
    if (this.lines[cell] === 0) this.lines[cell] = line;
    const sum = (this.values[cell] as number) + amount;
    this.values[cell] = sum;
    return sum;
  }

  /** Turns sums of thousandths into values, when they can no longer be kept exact. */
  toValues(): void {
    for (let cell = 0; cell < this.values.length; cell++)
      this.values[cell] = valueOfThousandths(this.values[cell] as number);
  }

  private grow(cell: number): void {
    const size = Math.max(cell + 1, this.values.length * 2, 256 * CHAPTERS);
    const values = new Float64Array(size);
    const lines = new Float64Array(size);
    values.set(this.values);
    lines.set(this.lines);
    this.values = values;
    this.lines = lines;
  }
}

/**
 * Sums BACI rows (already checked, repeats left out) as `BaciExtract` describes. Countries are kept by
 * ISO code, so two BACI codes standing for one country add up in file order, as rows do.
 */
export function createBaciExtractor(options: {
  reporter?: string;
  iso3: (code: string) => string | undefined;
}) {
  const countries: string[] = [];
  const indexOfIso = new Map<string, number>();
  const countryOf = (iso3: string): number => {
    let index = indexOfIso.get(iso3);
    if (index === undefined) {
      index = countries.push(iso3) - 1;
      indexOfIso.set(iso3, index);
    }
    return index;
  };
  const reporter = options.reporter === undefined ? -1 : countryOf(options.reporter);
  // BACI code → country index, looked up once per code: -2 not yet, -1 no ISO code.
  const byCode = new Int32Array(CODES).fill(-2);
  const countryOfCode = (code: number): number => {
    let index = byCode[code] as number;
    if (index === -2) {
      const iso3 = options.iso3(String(code));
      index = iso3 === undefined ? -1 : countryOf(iso3);
      byCode[code] = index;
    }
    return index;
  };
  const years = new Map<number, Record<Kind, ChapterSums>>();
  const sumsOf = (year: number): Record<Kind, ChapterSums> => {
    let byKind = years.get(year);
    if (!byKind) {
      byKind = {
        exportWorld: new ChapterSums(),
        importWorld: new ChapterSums(),
        pairExport: new ChapterSums(),
        pairImport: new ChapterSums(),
      };
      years.set(year, byKind);
    }
    return byKind;
  };
  let exact = true;
  const inexact = () => {
    exact = false;
    for (const byKind of years.values()) for (const kind of KINDS) byKind[kind].toValues();
  };
  let lastYear = Number.NaN;
  let sums: Record<Kind, ChapterSums> | undefined;
  const repeats: number[] = [];
  const products: BaciProductRow[] = [];
  const areas = new Map<string, { exporter: string; importer: string | null; lines: number[] }>();
  const areaOf = (exporter: string, importer: number) => {
    const key = `${exporter}|${importer}`;
    let area = areas.get(key);
    if (!area) {
      area = { exporter, importer: importer >= 0 ? (countries[importer] ?? null) : null, lines: [] };
      areas.set(key, area);
    }
    return area;
  };

  return {
    add(row: BaciRow): void {
      if (row.year !== lastYear || !sums) {
        sums = sumsOf(row.year);
        lastYear = row.year;
      }
      const exporter = countryOfCode(row.exporter);
      const importer = countryOfCode(row.importer);
      const chapter = chapterOfProduct(row.product);
      const { value, line } = row;
      const thousandths = exact ? thousandthsOf(value) : undefined;
      if (exact && thousandths === undefined) inexact();
      const amount = thousandths ?? value;
      let largest = 0;
      if (exporter >= 0) largest = sums.exportWorld.add(exporter, chapter, amount, line);
      if (importer >= 0) largest = Math.max(largest, sums.importWorld.add(importer, chapter, amount, line));
      if (reporter >= 0 && exporter === reporter && importer >= 0) {
        largest = Math.max(largest, sums.pairExport.add(importer, chapter, amount, line));
        products.push([row.year, 0, countries[importer] as string, row.product, value, row.quantity, line]);
      }
      if (reporter >= 0 && importer === reporter && exporter >= 0) {
        largest = Math.max(largest, sums.pairImport.add(exporter, chapter, amount, line));
        products.push([row.year, 1, countries[exporter] as string, row.product, value, row.quantity, line]);
      }
      // Sums below 2^52 are still exact integers here: they can be turned into values as they are.
      if (exact && largest >= EXACT_LIMIT) inexact();
      if (exporter < 0) areaOf(String(row.exporter), importer).lines.push(line);
    },
    repeat(line: number): void {
      repeats.push(line);
    },
    /** Whether the sums are exact (see EXACT_LIMIT), so that parts of a file can be added up. */
    isExact: (): boolean => exact,
    /** What the extractor holds, as plain data (for a worker thread to send). */
    state(): ExtractorState {
      return {
        countries: [...countries],
        years: [...years].map(([year, byKind]) => ({
          year,
          values: KINDS.map((kind) => byKind[kind].values),
          lines: KINDS.map((kind) => byKind[kind].lines),
        })),
        repeats,
        areas: [...areas.values()],
        products,
        exact,
      };
    },
    /**
     * Adds what another extractor of the same reporter read from a later part of the same file, as if
     * this one had read on: sums add up (exactly while both are exact) and keep their first line.
     */
    absorb(part: ExtractorState): void {
      if (exact && !part.exact) inexact();
      const index = part.countries.map(countryOf);
      let largest = 0;
      for (const { year, values, lines } of part.years) {
        const byKind = sumsOf(year);
        for (const [k, kind] of KINDS.entries()) {
          const partValues = values[k] as Float64Array;
          const partLines = lines[k] as Float64Array;
          for (let cell = 0; cell < partLines.length; cell++) {
            const line = partLines[cell] as number;
            if (line === 0) continue;
            const value = partValues[cell] as number;
            const amount = exact || !part.exact ? value : valueOfThousandths(value);
            const country = index[Math.floor(cell / CHAPTERS)] as number;
            largest = Math.max(largest, byKind[kind].add(country, cell % CHAPTERS, amount, line));
          }
        }
      }
      if (exact && largest >= EXACT_LIMIT) inexact();
      for (const line of part.repeats) repeats.push(line);
      // A later part's rows come after this one's, as in the file.
      for (const row of part.products) products.push(row);
      for (const area of part.areas) {
        const { lines } = areaOf(area.exporter, area.importer === null ? -1 : countryOf(area.importer));
        for (const line of area.lines) lines.push(line);
      }
    },
    extract(): BaciExtract {
      const made: BaciSum[] = [];
      for (const [year, byKind] of years) {
        for (const kind of KINDS) {
          const { values, lines } = byKind[kind];
          const pair = kind === 'pairExport' || kind === 'pairImport';
          for (let cell = 0; cell < lines.length; cell++) {
            const line = lines[cell] as number;
            if (line === 0) continue;
            const country = countries[Math.floor(cell / CHAPTERS)] as string;
            made.push({
              period: String(year),
              reporter: pair ? (options.reporter as string) : country,
              partner: pair ? country : WORLD,
              flow: kind === 'exportWorld' || kind === 'pairExport' ? 'export' : 'import',
              product: CHAPTER_CODES[cell % CHAPTERS] as string,
              value: exact ? valueOfThousandths(values[cell] as number) : (values[cell] as number),
              unit: BACI_UNIT,
              status: 'final',
              line,
            });
          }
        }
      }
      return {
        reporter: options.reporter ?? null,
        sums: made,
        products,
        repeats,
        areas: [...areas.values()],
      };
    },
  };
}

/** What an extractor holds, as plain data: sums by year and kind (in `KINDS` order) as it keeps them. */
export interface ExtractorState {
  /** ISO3 codes by the index the sums' cells use (country × 100 + chapter). */
  countries: string[];
  years: { year: number; values: Float64Array[]; lines: Float64Array[] }[];
  repeats: number[];
  areas: BaciExtract['areas'];
  /** The reporter's HS6 rows with every country, in file order (see `BaciProductRow`). */
  products: BaciProductRow[];
  exact: boolean;
}

/**
 * The extract of a file from the states of the extractors that read its parts, in file order: the same,
 * down to the order of its sums, as one extractor reading the whole file makes (countries and years are
 * numbered as met). `isExact` tells whether the sums stayed exact. Codes are ISO3 already: no table.
 */
export function joinParts(reporter: string | undefined, parts: readonly ExtractorState[]) {
  const extractor = createBaciExtractor({
    ...(reporter === undefined ? {} : { reporter }),
    iso3: () => undefined,
  });
  for (const part of parts) extractor.absorb(part);
  return { extract: extractor.extract(), isExact: extractor.isExact() };
}

/**
 * The records a briefing on `focus` uses, and the rows it sets aside (by line): the focus pairs both
 * ways (from the reporter's side: BACI is already reconciled, so the partner's mirror would only repeat
 * it), every country's exports to the world, and each focus country's imports from the world (its
 * import demand). Without a focus, every country's exports to and imports from the world.
 */
export function focusExtract(
  extract: BaciExtract,
  focus: Focus | undefined,
): { sums: BaciSum[]; products: BaciProduct[]; setAside: { line: number; reason: string }[] } {
  if (focus && focus.reporter !== extract.reporter)
    throw new Error(`a BACI extract for ${extract.reporter} cannot serve a briefing on ${focus.reporter}`);
  const focusCountries = focus ? new Set([focus.reporter, ...focus.partners]) : undefined;
  const sums = extract.sums.filter((s) => {
    if (s.partner !== WORLD) return focus?.partners.includes(s.partner) === true;
    return s.flow === 'export' || !focusCountries || focusCountries.has(s.reporter);
  });
  // In the order a row-by-row reader first meets them: by first line, then as `KINDS` lists them.
  const kind = (s: BaciSum) => (s.partner === WORLD ? 0 : 2) + (s.flow === 'export' ? 0 : 1);
  sums.sort((a, b) => a.line - b.line || kind(a) - kind(b));
  const setAside = extract.repeats.map((line) => ({ line, reason: m.asideRepeat() }));
  for (const area of extract.areas) {
    // A row from an area is used when it counts in a briefing country's imports from the world.
    if (area.importer !== null && (!focusCountries || focusCountries.has(area.importer))) continue;
    const reason = m.asideBaciArea(area.exporter);
    for (const line of area.lines) setAside.push({ line, reason });
  }
  const products = focus ? focusProducts(extract, focus) : [];
  return { sums, products, setAside: setAside.sort((a, b) => a.line - b.line) };
}

/** An HS6 row of the focus pairs, as the product record it becomes less its file and source. */
export type BaciProduct = Omit<ProductRecord, 'file' | 'source'>;

/** The reporter's HS6 rows with the focus partners, both ways, in file order. */
function focusProducts(extract: BaciExtract, focus: Focus): BaciProduct[] {
  const partners = new Set(focus.partners);
  const reporter = extract.reporter as string;
  return extract.products
    .filter((p) => partners.has(p[2]))
    .map(([year, flow, partner, product, value, quantity, line]) => ({
      period: String(year),
      reporter,
      partner,
      flow: flow === 0 ? 'export' : 'import',
      product: String(product).padStart(6, '0'),
      value,
      unit: BACI_UNIT,
      quantity,
      quantityUnit: quantity === null ? null : BACI_QUANTITY_UNIT,
      status: 'final',
      line,
    }));
}
