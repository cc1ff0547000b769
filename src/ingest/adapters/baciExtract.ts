import { WORLD } from '../../core/countries.ts';
import { inputMessages as m } from '../../core/messages.ts';
import type { Focus } from '../adapter.ts';
import type { TradeRecord } from '../records.ts';
import { BACI_UNIT, type BaciRow, chapterOfProduct } from './baciRow.ts';

/** A sum by HS chapter, as the trade record it becomes less its file and source. */
export type BaciSum = Omit<TradeRecord, 'file' | 'source'>;

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

/** Sums by (country, chapter) for one year and kind, with the first line behind each (0: none yet). */
class ChapterSums {
  values = new Float64Array(0);
  lines = new Float64Array(0);

  add(country: number, chapter: number, value: number, line: number): void {
    const cell = country * CHAPTERS + chapter;
    if (cell >= this.values.length) this.grow(cell);
    if (this.lines[cell] === 0) this.lines[cell] = line;
    (this.values[cell] as number) += value;
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
  let lastYear = Number.NaN;
  let sums: Record<Kind, ChapterSums> | undefined;
  const repeats: number[] = [];
  const areas = new Map<string, { exporter: string; importer: string | null; lines: number[] }>();

  return {
    add(row: BaciRow): void {
      if (row.year !== lastYear || !sums) {
        sums = years.get(row.year);
        if (!sums) {
          sums = {
            exportWorld: new ChapterSums(),
            importWorld: new ChapterSums(),
            pairExport: new ChapterSums(),
            pairImport: new ChapterSums(),
          };
          years.set(row.year, sums);
        }
        lastYear = row.year;
      }
      const exporter = countryOfCode(row.exporter);
      const importer = countryOfCode(row.importer);
      const chapter = chapterOfProduct(row.product);
      const { value, line } = row;
      if (exporter >= 0) sums.exportWorld.add(exporter, chapter, value, line);
      if (importer >= 0) sums.importWorld.add(importer, chapter, value, line);
      if (reporter >= 0 && exporter === reporter && importer >= 0)
        sums.pairExport.add(importer, chapter, value, line);
      if (reporter >= 0 && importer === reporter && exporter >= 0)
        sums.pairImport.add(exporter, chapter, value, line);
      if (exporter < 0) {
        const key = `${row.exporter}|${importer}`;
        let area = areas.get(key);
        if (!area) {
          area = {
            exporter: String(row.exporter),
            importer: importer >= 0 ? (countries[importer] ?? null) : null,
            lines: [],
          };
          areas.set(key, area);
        }
        area.lines.push(line);
      }
    },
    repeat(line: number): void {
      repeats.push(line);
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
              value: values[cell] as number,
              unit: BACI_UNIT,
              status: 'final',
              line,
            });
          }
        }
      }
      return { reporter: options.reporter ?? null, sums: made, repeats, areas: [...areas.values()] };
    },
  };
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
): { sums: BaciSum[]; setAside: { line: number; reason: string }[] } {
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
  return { sums, setAside: setAside.sort((a, b) => a.line - b.line) };
}
