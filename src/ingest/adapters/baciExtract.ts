import { WORLD } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import type { Focus } from '../adapter.ts';
import type { ProductRecord, TradeRecord } from '../records.ts';
import {
  BACI_QUANTITY_UNIT,
  BACI_UNIT,
  type BaciRow,
  chapterOfProduct,
  headingOfProduct,
} from './baciRow.ts';

/** A sum by HS chapter, as the trade record it becomes less its file and source. */
export type BaciSum = Omit<TradeRecord, 'file' | 'source'>;

/**
 * One of the reporter's HS6 rows with a country: year, flow (0 its export, 1 its import), the other
 * country, HS6 product as a number, value, quantity in tons (null: unknown) and line. A tuple, as the
 * extract cache stores hundreds of thousands of them.
 */
export type BaciProductRow = [number, 0 | 1, string, number, number, number | null, number];

/**
 * Sums by HS4 heading of one year and kind, in the order first met: each a cell (the heading, or for
 * imports from the world importer × 10,000 + heading, the importer numbered in `BaciExtract.countries`),
 * its value and the first line behind it. Typed arrays as read; plain arrays once stored in the cache.
 */
export interface BaciHeadingSums {
  year: number;
  kind: HeadingKind;
  cells: ArrayLike<number>;
  values: ArrayLike<number>;
  lines: ArrayLike<number>;
}

/**
 * What one pass over a BACI file keeps for one reporter (or none): sums by HS chapter of the reporter's
 * exports to and imports from every partner, and every country's exports to and imports from the
 * world; sums by HS4 heading of the world's exports, the reporter's exports and every country's
 * imports from the world; and the rows that may be set aside, by line. Any partner's briefing can be
 * cut from it, so it is what the extract cache stores.
 */
export interface BaciExtract {
  reporter: string | null;
  /** In no particular order: `focusExtract` orders what a briefing uses. */
  sums: BaciSum[];
  /** The reporter's rows with every country, product by product, in file order. */
  products: BaciProductRow[];
  headings: BaciHeadingSums[];
  /** ISO3 codes by the numbers the heading sums' cells use. */
  countries: string[];
  /** Rows repeating an earlier row's key and value. */
  repeats: number[];
  /** Rows whose exporter has no ISO code, by exporter code and importer (null: none either). */
  areas: { exporter: string; importer: string | null; lines: number[] }[];
}

/** The layout of `BaciExtract`, part of the extract cache's key: 2 added the sums by heading. */
export const BACI_EXTRACT_LAYOUT = 2;

/** The sums kept for a row, in the order they are made. */
const KINDS = ['exportWorld', 'importWorld', 'pairExport', 'pairImport'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Sums by HS4 heading kept for export potential by heading: all exporters' exports to the world, the
 * reporter's exports to the world, and every country's imports from the world. The last is kept for
 * every importer, not only the briefing's partner: the extract serves any partner of its reporter (a
 * batch, or a later run for another pair, from the cache) without reading the file again. It costs
 * about 200 importers × 1,200 headings a year: on a 3.5 M-row year some 40 MB more peak memory across
 * the readers and a third more CPU time, and a few MB in the cache, against reading a 300 MB file again
 * for each partner were the cache keyed to it.
 */
const HEADING_KINDS = ['world', 'reporterWorld', 'importWorld'] as const;
export type HeadingKind = (typeof HEADING_KINDS)[number];
/** HS4 headings as numbers: 0 … 9999; a cell of country c and heading h is c × HEADINGS + h. */
const HEADINGS = 10_000;

const CHAPTERS = 100;
/** "00" … "99", made once: the extract names tens of thousands of sums by chapter. */
const CHAPTER_CODES = Array.from({ length: CHAPTERS }, (_, c) => String(c).padStart(2, '0'));
/** BACI country codes have at most four digits. */
const CODES = 10_000;

/**
 * Sums are kept in whole thousandths (BACI's v, in thousand USD, has three decimals) while every value
 * is a whole number of thousandths and all of them together (a bound on every sum) stay below this:
 * integers add up exactly in any order, so a file read in parts gives the same sums as read whole.
 * Below 2^51 a sum's value (thousandths / 1000) also turns back into its thousandths exactly. Past
 * either, sums are added as the rows come, in file order.
 */
export const EXACT_LIMIT = 2 ** 51;

/**
 * `value` (never negative) as a whole number of thousandths below EXACT_LIMIT, or -1 when it is not one:
 * a number either way, so that a row's amount stays an unboxed double.
 */
export function thousandthsOf(value: number): number {
  const thousandths = Math.round(value * 1000);
  return valueOfThousandths(thousandths) === value && thousandths < EXACT_LIMIT ? thousandths : -1;
}

/** The value of a sum kept in thousandths: one rounding, the nearest double to the exact sum. */
export function valueOfThousandths(thousandths: number): number {
  return thousandths / 1000;
}

/** Sums by (country, chapter) for one year and kind, with the first line behind each (0: none yet). */
class ChapterSums {
  values = new Float64Array(0);
  lines = new Float64Array(0);

  /** Adds `amount` to a cell. */
  add(country: number, chapter: number, amount: number, line: number): void {
    const cell = country * CHAPTERS + chapter;
    if (cell >= this.values.length) this.grow(cell);
    if (this.lines[cell] === 0) this.lines[cell] = line;
    this.values[cell] = (this.values[cell] as number) + amount;
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

/** Adds a `HeadingSums` holds before making them: see there. */
const PENDING = 1024;

/**
 * Sums by (country, HS4 heading) for one year and kind, with the first line behind each, in the order
 * the cells are first met. A heading takes a column when first met, so a country's sums lie side by
 * side: 2,048 slots a country, enough for the 1,200-odd headings of HS, doubled when the headings
 * outgrow them (at most 10,000). Every importer's sums take megabytes, so most rows' sums are out of
 * the processor's caches: the adds are held and made together, in a loop whose fetches from memory
 * overlap, where one add per row amid the parsing waits for each fetch in turn.
 */
class HeadingSums {
  /** Heading → its column + 1, so that 0 is a heading not met yet. */
  private columns = new Int32Array(HEADINGS);
  private headings = 0;
  /** Slots a country takes. */
  private stride = 2048;
  private values = new Float64Array(0);
  private lines = new Float64Array(0);
  /** Cells (country × HEADINGS + heading) in the order first met. */
  private order = new Int32Array(1024);
  private size = 0;
  /** Adds not made yet, in the order given: slot, cell, amount and line. */
  private pending = 0;
  private pendingSlots = new Int32Array(PENDING);
  private pendingCells = new Int32Array(PENDING);
  private pendingAmounts = new Float64Array(PENDING);
  private pendingLines = new Float64Array(PENDING);

  /** Adds `amount` to a country's sum for a heading. */
  add(country: number, heading: number, amount: number, line: number): void {
    let column = (this.columns[heading] as number) - 1;
    if (column < 0) column = this.addColumn(heading);
    const slot = country * this.stride + column;
    if (slot >= this.values.length) this.grow(country);
    const n = this.pending;
    this.pendingSlots[n] = slot;
    this.pendingCells[n] = country * HEADINGS + heading;
    this.pendingAmounts[n] = amount;
    this.pendingLines[n] = line;
    this.pending = n + 1;
    if (n + 1 === PENDING) this.flush();
  }

  /** Turns sums of thousandths into values, when they can no longer be kept exact (0 stays 0). */
  toValues(): void {
    this.flush();
    for (let slot = 0; slot < this.values.length; slot++)
      this.values[slot] = valueOfThousandths(this.values[slot] as number);
  }

  /** The cells in the order first met, with their sums and lines, as plain arrays to send or store. */
  state(): HeadingSumsState {
    this.flush();
    const cells = this.order.slice(0, this.size);
    const values = new Float64Array(this.size);
    const lines = new Float64Array(this.size);
    for (let n = 0; n < this.size; n++) {
      const cell = cells[n] as number;
      const country = Math.floor(cell / HEADINGS);
      const slot = country * this.stride + (this.columns[cell - country * HEADINGS] as number) - 1;
      values[n] = this.values[slot] as number;
      lines[n] = this.lines[slot] as number;
    }
    return { cells, values, lines };
  }

  /** Makes the adds held, in the order given. */
  private flush(): void {
    const { values, lines, pendingSlots, pendingAmounts, pendingLines } = this;
    for (let n = 0; n < this.pending; n++) {
      const slot = pendingSlots[n] as number;
      // Lines count from 1: a cell without one is not met yet.
      if (lines[slot] === 0) {
        lines[slot] = pendingLines[n] as number;
        this.met(this.pendingCells[n] as number);
      }
      values[slot] = (values[slot] as number) + (pendingAmounts[n] as number);
    }
    this.pending = 0;
  }

  private met(cell: number): void {
    if (this.size === this.order.length) {
      const order = new Int32Array(this.size * 2);
      order.set(this.order);
      this.order = order;
    }
    this.order[this.size++] = cell;
  }

  private addColumn(heading: number): number {
    if (this.headings === this.stride) this.resize(this.countries(), Math.min(this.stride * 2, HEADINGS));
    this.columns[heading] = this.headings + 1;
    return this.headings++;
  }

  /** Room for countries up to `country`: doubled, so that new arrays are few. */
  private grow(country: number): void {
    this.resize(Math.max(country + 1, this.countries() * 2), this.stride);
  }

  private countries(): number {
    return this.values.length / this.stride;
  }

  /** New arrays, the sums moved to them: the adds held are made first, in the old layout. */
  private resize(countries: number, stride: number): void {
    this.flush();
    const values = new Float64Array(countries * stride);
    const lines = new Float64Array(countries * stride);
    for (let country = 0; country < this.countries(); country++) {
      const from = country * this.stride;
      values.set(this.values.subarray(from, from + this.headings), country * stride);
      lines.set(this.lines.subarray(from, from + this.headings), country * stride);
    }
    this.values = values;
    this.lines = lines;
    this.stride = stride;
  }
}

/** A `HeadingSums` as plain data: cells (country × HEADINGS + heading), sums and lines, first met first. */
export interface HeadingSumsState {
  cells: Int32Array;
  values: Float64Array;
  lines: Float64Array;
}

/** The sums of one year. */
interface YearSums {
  chapters: Record<Kind, ChapterSums>;
  headings: Record<HeadingKind, HeadingSums>;
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
  const years = new Map<number, YearSums>();
  const sumsOf = (year: number): YearSums => {
    let sums = years.get(year);
    if (!sums) {
      sums = {
        chapters: {
          exportWorld: new ChapterSums(),
          importWorld: new ChapterSums(),
          pairExport: new ChapterSums(),
          pairImport: new ChapterSums(),
        },
        headings: {
          world: new HeadingSums(),
          reporterWorld: new HeadingSums(),
          importWorld: new HeadingSums(),
        },
      };
      years.set(year, sums);
    }
    return sums;
  };
  let exact = true;
  const inexact = () => {
    exact = false;
    for (const { chapters, headings } of years.values()) {
      for (const kind of KINDS) chapters[kind].toValues();
      for (const kind of HEADING_KINDS) headings[kind].toValues();
    }
  };
  /** `value` in thousandths, or as it is once the sums can no longer be exact (a number either way). */
  const amountOf = (value: number): number => {
    const thousandths = thousandthsOf(value);
    if (thousandths >= 0) return thousandths;
    inexact();
    return value;
  };
  let lastYear = Number.NaN;
  let sums: YearSums | undefined;
  /** Thousandths of every row added so far: a bound on every sum. */
  let total = 0;
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

  /** What the extractor holds, as plain data (for a worker thread to send). */
  const state = (): ExtractorState => ({
    countries: [...countries],
    years: [...years].map(([year, { chapters, headings }]) => ({
      year,
      values: KINDS.map((kind) => chapters[kind].values),
      lines: KINDS.map((kind) => chapters[kind].lines),
      headings: HEADING_KINDS.map((kind) => headings[kind].state()),
    })),
    repeats,
    areas: [...areas.values()],
    products,
    exact,
    total,
  });

  return {
    add(row: BaciRow): void {
      if (row.year !== lastYear || !sums) {
        sums = sumsOf(row.year);
        lastYear = row.year;
      }
      const exporter = countryOfCode(row.exporter);
      const importer = countryOfCode(row.importer);
      const chapter = chapterOfProduct(row.product);
      const heading = headingOfProduct(row.product);
      const { value, line } = row;
      const amount = exact ? amountOf(value) : value;
      const { chapters, headings } = sums;
      if (exporter >= 0) {
        chapters.exportWorld.add(exporter, chapter, amount, line);
        headings.world.add(0, heading, amount, line);
        if (exporter === reporter) headings.reporterWorld.add(0, heading, amount, line);
      }
      if (importer >= 0) {
        chapters.importWorld.add(importer, chapter, amount, line);
        headings.importWorld.add(importer, heading, amount, line);
      }
      if (reporter >= 0 && exporter === reporter && importer >= 0) {
        chapters.pairExport.add(importer, chapter, amount, line);
        products.push([row.year, 0, countries[importer] as string, row.product, value, row.quantity, line]);
      }
      if (reporter >= 0 && importer === reporter && exporter >= 0) {
        chapters.pairImport.add(exporter, chapter, amount, line);
        products.push([row.year, 1, countries[exporter] as string, row.product, value, row.quantity, line]);
      }
      // No sum can pass what all rows add up to: while that stays below 2^51, every sum is exact.
      if (exact) {
        total += amount;
        if (total >= EXACT_LIMIT) inexact();
      }
      if (exporter < 0) areaOf(String(row.exporter), importer).lines.push(line);
    },
    repeat(line: number): void {
      repeats.push(line);
    },
    /** Whether the sums are exact (see EXACT_LIMIT), so that parts of a file can be added up. */
    isExact: (): boolean => exact,
    state,
    /**
     * Adds what another extractor of the same reporter read from a later part of the same file, as if
     * this one had read on: sums add up (exactly while both are exact) and keep their first line.
     */
    absorb(part: ExtractorState): void {
      if (exact && !part.exact) inexact();
      const index = part.countries.map(countryOf);
      const toValue = (value: number) => (exact || !part.exact ? value : valueOfThousandths(value));
      for (const { year, values, lines, headings } of part.years) {
        const { chapters, headings: own } = sumsOf(year);
        for (const [k, kind] of KINDS.entries()) {
          const partValues = values[k] as Float64Array;
          const partLines = lines[k] as Float64Array;
          for (let cell = 0; cell < partLines.length; cell++) {
            const line = partLines[cell] as number;
            if (line === 0) continue;
            const amount = toValue(partValues[cell] as number);
            const country = index[Math.floor(cell / CHAPTERS)] as number;
            chapters[kind].add(country, cell % CHAPTERS, amount, line);
          }
        }
        for (const [k, kind] of HEADING_KINDS.entries()) {
          const { cells, values: partValues, lines: partLines } = headings[k] as HeadingSumsState;
          for (let slot = 0; slot < cells.length; slot++) {
            const cell = cells[slot] as number;
            const country = Math.floor(cell / HEADINGS);
            // Imports are kept by importer, numbered as the other part met them.
            const ownCountry = kind === 'importWorld' ? (index[country] as number) : country;
            const amount = toValue(partValues[slot] as number);
            own[kind].add(ownCountry, cell - country * HEADINGS, amount, partLines[slot] as number);
          }
        }
      }
      // The same bound as one extractor reading on would have: what all the rows add up to.
      total += part.total;
      if (exact && total >= EXACT_LIMIT) inexact();
      for (const line of part.repeats) repeats.push(line);
      // A later part's rows come after this one's, as in the file.
      for (const row of part.products) products.push(row);
      for (const area of part.areas) {
        const { lines } = areaOf(area.exporter, area.importer === null ? -1 : countryOf(area.importer));
        for (const line of area.lines) lines.push(line);
      }
    },
    extract: (): BaciExtract => extractOf(state(), options.reporter),
  };
}

/** The extract of what an extractor held (`state`), read for `reporter`. */
function extractOf(state: ExtractorState, reporter: string | undefined): BaciExtract {
  const { countries, exact } = state;
  const made: BaciSum[] = [];
  const headingSums: BaciHeadingSums[] = [];
  const sumValue = (sum: number) => (exact ? valueOfThousandths(sum) : sum);
  for (const { year, values: valuesOf, lines: linesOf, headings } of state.years) {
    for (const [k, kind] of HEADING_KINDS.entries()) {
      const { cells, values, lines } = headings[k] as HeadingSumsState;
      headingSums.push({ year, kind, cells, values: values.map(sumValue), lines });
    }
    for (const [k, kind] of KINDS.entries()) {
      const values = valuesOf[k] as Float64Array;
      const lines = linesOf[k] as Float64Array;
      const pair = kind === 'pairExport' || kind === 'pairImport';
      for (let cell = 0; cell < lines.length; cell++) {
        const line = lines[cell] as number;
        if (line === 0) continue;
        const country = countries[Math.floor(cell / CHAPTERS)] as string;
        made.push({
          period: String(year),
          reporter: pair ? (reporter as string) : country,
          partner: pair ? country : WORLD,
          flow: kind === 'exportWorld' || kind === 'pairExport' ? 'export' : 'import',
          product: CHAPTER_CODES[cell % CHAPTERS] as string,
          value: sumValue(values[cell] as number),
          unit: BACI_UNIT,
          status: 'final',
          line,
        });
      }
    }
  }
  return {
    reporter: reporter ?? null,
    sums: made,
    products: state.products,
    headings: headingSums,
    countries,
    repeats: state.repeats,
    areas: state.areas,
  };
}

/** What an extractor holds, as plain data: sums by year and kind (in `KINDS` order) as it keeps them. */
export interface ExtractorState {
  /** ISO3 codes by the index the sums' cells use (country × 100 + chapter). */
  countries: string[];
  years: {
    year: number;
    values: Float64Array[];
    lines: Float64Array[];
    /** Sums by heading, in `HEADING_KINDS` order. */
    headings: HeadingSumsState[];
  }[];
  repeats: number[];
  areas: BaciExtract['areas'];
  /** The reporter's HS6 rows with every country, in file order (see `BaciProductRow`). */
  products: BaciProductRow[];
  exact: boolean;
  /** Thousandths of every row read, while exact: a bound on every sum. */
  total: number;
}

/**
 * The extract of a file from the states of the extractors that read its parts, in file order: the same,
 * down to the order of its sums, as one extractor reading the whole file makes (countries and years are
 * numbered as met). `isExact` tells whether the sums stayed exact. Codes are ISO3 already: no table.
 */
export function joinParts(reporter: string | undefined, parts: readonly ExtractorState[]) {
  // One part is the whole file already.
  if (parts.length === 1) {
    const [whole] = parts as [ExtractorState];
    return { extract: extractOf(whole, reporter), isExact: whole.exact };
  }
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

/**
 * The reporter's HS6 rows with the focus partners, both ways, in file order; then by HS4 heading and
 * year, the world's exports (every exporter in the file, counted), the reporter's exports to the world
 * and each focus partner's imports from the world.
 */
function focusProducts(extract: BaciExtract, focus: Focus): BaciProduct[] {
  const partners = new Set(focus.partners);
  const reporter = extract.reporter as string;
  return [...pairProducts(extract, reporter, partners), ...headingProducts(extract, reporter, partners)];
}

function headingProducts(extract: BaciExtract, reporter: string, partners: Set<string>): BaciProduct[] {
  const exporters = new Map<string, Set<string>>();
  for (const s of extract.sums) {
    if (s.partner !== WORLD || s.flow !== 'export') continue;
    const set = exporters.get(s.period) ?? new Set<string>();
    exporters.set(s.period, set.add(s.reporter));
  }
  const wanted = extract.countries.map((c) => partners.has(c));
  const out: BaciProduct[] = [];
  for (const { year, kind, cells, values, lines } of extract.headings) {
    const period = String(year);
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as number;
      const importer = Math.floor(cell / HEADINGS);
      if (kind === 'importWorld' && !wanted[importer]) continue;
      out.push({
        period,
        reporter:
          kind === 'world'
            ? WORLD
            : kind === 'reporterWorld'
              ? reporter
              : (extract.countries[importer] as string),
        partner: WORLD,
        flow: kind === 'importWorld' ? 'import' : 'export',
        product: String(cell % HEADINGS).padStart(4, '0'),
        value: values[i] as number,
        unit: BACI_UNIT,
        quantity: null,
        quantityUnit: null,
        status: 'final',
        line: lines[i] as number,
        ...(kind === 'world' ? { exporters: exporters.get(period)?.size ?? 0 } : {}),
      });
    }
  }
  return out;
}

/** The extract as the cache stores it, in JSON: the heading sums' typed arrays as plain arrays. */
export function storableExtract(extract: BaciExtract): BaciExtract {
  const plain = (list: ArrayLike<number>) => Array.from(list);
  return {
    ...extract,
    headings: extract.headings.map((h) => ({
      ...h,
      cells: plain(h.cells),
      values: plain(h.values),
      lines: plain(h.lines),
    })),
  };
}

function pairProducts(extract: BaciExtract, reporter: string, partners: Set<string>): BaciProduct[] {
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
