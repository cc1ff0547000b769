import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { countryName } from '../core/countries.ts';
import { InputError, TemporaryError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { fetchMessages as m } from '../core/messages.ts';
import { parseNumber } from '../core/numbers.ts';
import { type Area, WORLD_AREA } from './areas.ts';
import { type Http, showQuery } from './http.ts';
import type { Download, ReleaseStamp, Source } from './source.ts';

export const COMTRADE_BASE_URL = 'https://comtradeapi.un.org';
/** Azure API Management reads the key from this header; the query parameter would put it in URLs. */
export const COMTRADE_KEY_HEADER = 'Ocp-Apim-Subscription-Key';
/** Pauses between calls: the preview allows short bursts only (worldmonitor paces 1.5 s and 3.5 s). */
export const COMTRADE_PAUSE_MS = { keyed: 1500, keyless: 3500 };
const FOLDER = 'comtrade-api';

/** The keyless preview answers at most 500 rows and one period a call (a list of periods is a 400). */
const PREVIEW = { data: '/public/v1/preview/C/A/HS', availability: '/public/v1/getDa/C/A/HS', rows: 500 };
/**
 * The keyed endpoint: sources give 100,000 or 250,000 rows a call, so the lower is the cap, and
 * comtradr's limit of 12 years a query keeps URLs and answers moderate.
 */
const KEYED = { data: '/data/v1/get/C/A/HS', availability: '/data/v1/getDa/C/A/HS', rows: 100_000 };
const KEYED_PERIODS = 12;

const FLOWS = ['M', 'X'];
/** Every HS chapter (AG2) and the total: the briefing's composition, RCA and totals. */
const COMMODITIES = ['TOTAL', 'AG2'];
/** Totals over second partner, mode of transport and customs procedure: nothing counted twice. */
const TOTALS_ONLY = { partner2Code: '0', motCode: '0', customsCode: 'C00' };

/** The columns of a Comtrade Plus record (data/v1/get with includeDesc), in the API's order. */
const COLUMNS = [
  'typeCode',
  'freqCode',
  'refPeriodId',
  'refYear',
  'refMonth',
  'period',
  'reporterCode',
  'reporterISO',
  'reporterDesc',
  'flowCode',
  'flowDesc',
  'partnerCode',
  'partnerISO',
  'partnerDesc',
  'partner2Code',
  'partner2ISO',
  'partner2Desc',
  'classificationCode',
  'classificationSearchCode',
  'isOriginalClassification',
  'cmdCode',
  'cmdDesc',
  'aggrLevel',
  'isLeaf',
  'customsCode',
  'customsDesc',
  'mosCode',
  'motCode',
  'motDesc',
  'qtyUnitCode',
  'qtyUnitAbbr',
  'qty',
  'isQtyEstimated',
  'altQtyUnitCode',
  'altQtyUnitAbbr',
  'altQty',
  'isAltQtyEstimated',
  'netWgt',
  'isNetWgtEstimated',
  'grossWgt',
  'isGrossWgtEstimated',
  'cifvalue',
  'fobvalue',
  'primaryValue',
  'legacyEstimationFlag',
  'isReported',
  'isAggregate',
];

interface Query {
  reporter: Area;
  partners: Area[];
  flows: string[];
  commodities: string[];
  periods: number[];
}

interface Envelope {
  count: number;
  data: Record<string, unknown>[];
}

export interface ComtradeOptions {
  http: Http;
  /** With a subscription key: the keyed endpoints; without: the keyless preview. */
  keyed: boolean;
  /** Rows a call may return before the answer counts as cut short; the endpoint's cap by default. */
  maxRecords?: number;
  log: Logger;
}

/** The UN Comtrade API (Comtrade Plus): final annual goods data, HS as reported. */
export function createComtrade(options: ComtradeOptions): Source {
  const { http, log } = options;
  const endpoint = options.keyed ? KEYED : PREVIEW;
  const cap = Math.min(options.maxRecords ?? endpoint.rows, endpoint.rows);

  /**
   * Rows of a query, split while its answers reach the cap; `asked` collects each request that counted.
   * `held`: what the answer cut short before this part held, which the part's answer must hold too.
   */
  async function ask(
    query: Query,
    asked: { shown: string; periods: number[] }[],
    held: ReadonlySet<string> = new Set(),
  ): Promise<Record<string, unknown>[]> {
    const params = queryParams(query, cap);
    const body = (await http.getJson(endpoint.data, params, (b) =>
      checkData(b, query, cap, held),
    )) as Envelope;
    const shown = showQuery(endpoint.data, params);
    if (isCutShort(body, cap)) {
      const parts = split(query);
      if (!parts && body.data.length < cap)
        throw new TemporaryError(m.countDisagrees(shown, body.data.length, body.count));
      if (!parts)
        throw new InputError([
          { file: 'command line', key: '--max-records', message: m.cannotSplit(shown, cap) },
        ]);
      log.log('warn', 'fetch-truncated', m.truncated(describe(query), body.data.length, body.count, cap), {
        query: shown,
      });
      const cut = new Set([...held, ...body.data.filter(isTotalOverBreakdowns).map(partOf)]);
      const rows: Record<string, unknown>[] = [];
      for (const part of parts) rows.push(...(await ask(part, asked, cut)));
      return rows;
    }
    asked.push({ shown, periods: query.periods });
    if (body.data.length === 0)
      log.log('warn', 'fetch-empty', m.emptyPart(describe(query)), { query: shown });
    log.log('info', 'fetch-query', m.queried(http.calls, describe(query), body.data.length), {
      query: shown,
      rows: body.data.length,
      calls: http.calls,
    });
    return body.data;
  }

  return {
    folder: FOLDER,
    endpoint: endpoint.data,
    sourcesCsv: stringify([m.comtradeSource(FOLDER)], {
      header: true,
      columns: ['id', 'title', 'publisher', 'url', 'files', 'note'],
      record_delimiter: 'unix',
    }),
    scope: (partners) =>
      new URLSearchParams({
        partnerCode: areaCodes([...partners, WORLD_AREA]),
        flowCode: FLOWS.join(','),
        cmdCode: COMMODITIES.join(','),
        ...TOTALS_ONLY,
      }).toString(),

    async releases(reporter) {
      const body = (await http.getJson(endpoint.availability, { reporterCode: String(reporter.code) }, (b) =>
        checkAvailability(b, reporter),
      )) as Envelope;
      const byYear = new Map<number, ReleaseStamp[]>();
      for (const row of body.data) {
        const year = Number(row.period);
        const stamps = byYear.get(year) ?? [];
        stamps.push({
          classificationCode: String(row.classificationCode ?? ''),
          lastReleased: String(row.lastReleased),
          datasetChecksum: String(row.datasetChecksum ?? ''),
          totalRecords: Number(row.totalRecords ?? 0),
        });
        byYear.set(year, stamps);
      }
      return byYear;
    },

    async download(reporter, partners, years) {
      const perCall = options.keyed ? KEYED_PERIODS : 1;
      const byYear = new Map<number, Download>(years.map((year) => [year, { rows: [], queries: [] }]));
      for (let start = 0; start < years.length; start += perCall) {
        const periods = years.slice(start, start + perCall);
        const asked: { shown: string; periods: number[] }[] = [];
        const query: Query = {
          reporter,
          partners: [...partners, WORLD_AREA],
          flows: FLOWS,
          commodities: COMMODITIES,
          periods,
        };
        for (const row of await ask(query, asked)) byYear.get(Number(row.refYear))?.rows.push(row);
        for (const { shown, periods: covered } of asked)
          for (const year of covered) byYear.get(year)?.queries.push(shown);
      }
      return byYear;
    },

    lostTotals(previousCsv, rows) {
      const previous = parse(previousCsv, { columns: true, skip_empty_lines: true }) as Record<
        string,
        unknown
      >[];
      const kept = new Set(rows.filter(isTotalRow).map(totalOf));
      const lost = new Map(previous.filter(isTotalRow).map((row) => [totalOf(row), row]));
      return [...lost]
        .filter(([key]) => !kept.has(key))
        .map(([, row]) =>
          m.flowWith(
            flowOf(row),
            Number(row.partnerCode) === 0 ? countryName('WLD') : String(row.partnerISO),
          ),
        );
    },

    toCsv(rows) {
      const extra = [...new Set(rows.flatMap((row) => Object.keys(row)))]
        .filter((key) => !COLUMNS.includes(key))
        .sort();
      const columns = [...COLUMNS, ...extra];
      return stringify(
        rows.map((row) => columns.map((column) => cell(row[column]))),
        { header: true, columns, escape_formulas: true, record_delimiter: 'unix' },
      );
    },
  };
}

function queryParams(query: Query, cap: number): Record<string, string> {
  return {
    reporterCode: String(query.reporter.code),
    partnerCode: areaCodes(query.partners),
    flowCode: query.flows.join(','),
    cmdCode: query.commodities.join(','),
    period: query.periods.join(','),
    ...TOTALS_ONLY,
    maxRecords: String(cap),
    includeDesc: 'true',
  };
}

function areaCodes(areas: Area[]): string {
  return [...new Set(areas.map((a) => a.code))].sort((a, b) => a - b).join(',');
}

/**
 * A query cut short at the row cap is split in two along its first list of several values (years,
 * partners, flows, commodities) and asked again; undefined when nothing is left to split.
 */
function split(query: Query): [Query, Query] | undefined {
  for (const key of ['periods', 'partners', 'flows', 'commodities'] as const) {
    const values = query[key] as unknown[];
    if (values.length < 2) continue;
    const half = Math.ceil(values.length / 2);
    return [
      { ...query, [key]: values.slice(0, half) },
      { ...query, [key]: values.slice(half) },
    ];
  }
  return undefined;
}

function describe(query: Query): string {
  const years =
    query.periods.length > 1 ? `${query.periods[0]}–${query.periods.at(-1)}` : `${query.periods[0]}`;
  return m.queryShown(
    query.reporter.iso3,
    years,
    query.partners.map((p) => (p.code === 0 ? countryName(p.iso3) : p.iso3)),
    query.flows,
    query.commodities,
  );
}

/** `{elapsedTime, count, data: [...], error: ""}`, the envelope of every data and availability answer. */
function envelope(body: unknown): Envelope | string {
  const b = body as Partial<Record<'count' | 'data' | 'error' | 'errorObject', unknown>> | null;
  if (typeof b !== 'object' || b === null || !Array.isArray(b.data) || typeof b.count !== 'number')
    return m.notEnvelope();
  if (typeof b.error === 'string' && b.error.trim() !== '') return m.answerError(b.error.slice(0, 200));
  // An error given otherwise than as text: an object, or beside it (Azure's errorObject).
  for (const error of [b.error, b.errorObject])
    if (typeof error === 'object' && error !== null)
      return m.answerError(JSON.stringify(error).slice(0, 200));
  if (b.data.some((row) => typeof row !== 'object' || row === null)) return m.notEnvelope();
  return { count: b.count, data: b.data as Record<string, unknown>[] };
}

function checkAvailability(body: unknown, reporter: Area): string | undefined {
  const e = envelope(body);
  if (typeof e === 'string') return e;
  const wrong = e.data.find(
    (row) =>
      Number(row.reporterCode) !== reporter.code ||
      !/^\d{4}$/.test(String(row.period)) ||
      typeof row.lastReleased !== 'string',
  );
  return wrong ? m.availabilityRowWrong(reporter.iso3) : undefined;
}

/** Whether an answer may have been cut short: it reaches the cap, or holds fewer rows than it counts. */
const isCutShort = (body: Envelope, cap: number) => body.data.length >= cap || body.count > body.data.length;

/** A row's partner, year, flow and kind of commodity (the total or a chapter): what a part must hold. */
const partOf = (row: Record<string, unknown>) =>
  `${Number(row.partnerCode)}|${Number(row.refYear)}|${flowOf(row)}|${row.cmdCode === 'TOTAL' ? 'TOTAL' : 'AG2'}`;

/**
 * Rows must answer the question asked, every one with a trade value. An answer that is not cut short
 * must also be whole, else it is asked again: every year of a query that includes the World, with the
 * World's total of each flow (which every published reporter-year has; the API's known "empty under
 * load" answers none, or only some years), the total of every partner and flow whose chapters it
 * holds, and what the answer cut short before this part (`held`) held of it.
 */
function checkData(body: unknown, query: Query, cap: number, held: ReadonlySet<string>): string | undefined {
  const e = envelope(body);
  if (typeof e === 'string') return e;
  const shown = describe(query);
  const withWorld = query.partners.some((p) => p.code === 0);
  if (e.data.length === 0 && withWorld) return m.emptyButPublished(shown);
  const partners = new Set(query.partners.map((p) => p.code));
  const stray = e.data.find(
    (row) =>
      Number(row.reporterCode) !== query.reporter.code ||
      !partners.has(Number(row.partnerCode)) ||
      !query.periods.includes(Number(row.refYear)) ||
      !query.flows.includes(flowOf(row)),
  );
  if (stray) return m.strayRows(shown);
  const valueless = e.data.find((row) => !isTradeValue(row.primaryValue));
  if (valueless) return m.notAValue(shown, JSON.stringify(valueless.primaryValue) ?? 'missing');
  return isCutShort(e, cap) ? undefined : missingFrom(e.data, query, held);
}

/** What an answer that is not cut short lacks of what it must hold (see checkData); undefined: whole. */
function missingFrom(
  data: Record<string, unknown>[],
  query: Query,
  held: ReadonlySet<string>,
): string | undefined {
  const shown = describe(query);
  // A server that ignored the filter may add breakdowns or months: each needs its annual total beside
  // it, as the reader sets them aside for it.
  const totals = data.filter(isTotalOverBreakdowns);
  const parts = new Set(totals.map(partOf));
  const whole = new Set(totals.map(cellOf));
  const alone = data.find((row) => !isTotalOverBreakdowns(row) && !whole.has(cellOf(row)));
  if (alone)
    return m.breakdownWithoutTotal(
      shown,
      areaName(query, Number(alone.partnerCode)),
      flowOf(alone),
      Number(alone.refYear),
    );
  if (query.partners.some((p) => p.code === 0)) {
    const year = query.periods.find((y) => !data.some((row) => Number(row.refYear) === y));
    if (year !== undefined) return m.yearMissing(shown, year);
    if (query.commodities.includes('TOTAL'))
      for (const y of query.periods)
        for (const flow of query.flows)
          if (!parts.has(`0|${y}|${flow}|TOTAL`)) return m.worldTotalMissing(shown, flow, y);
  }
  if (query.commodities.includes('TOTAL'))
    for (const part of parts) {
      const [partner, year, flow] = part.split('|');
      if (!parts.has(`${partner}|${year}|${flow}|TOTAL`))
        return m.totalMissing(shown, areaName(query, Number(partner)), flow ?? '', Number(year));
    }
  for (const part of held) {
    const [partner, year, flow, kind] = part.split('|');
    const inScope =
      query.partners.some((p) => p.code === Number(partner)) &&
      query.periods.includes(Number(year)) &&
      query.flows.includes(flow ?? '') &&
      query.commodities.includes(kind ?? '');
    if (inScope && !parts.has(part))
      return m.partMissing(shown, areaName(query, Number(partner)), Number(year));
  }
  return undefined;
}

/** Whether a row is an annual goods total over second partners, transport, supply and procedure. */
const isTotalOverBreakdowns = (row: Record<string, unknown>) =>
  Number(row.partner2Code ?? 0) === 0 &&
  Number(row.motCode ?? 0) === 0 &&
  String(row.mosCode ?? '0') === '0' &&
  String(row.customsCode ?? 'C00') === 'C00' &&
  String(row.freqCode ?? 'A') === 'A' &&
  String(row.typeCode ?? 'C') === 'C';

/** A row's flow code, in capitals as the query asks it (the reader takes either case). */
const flowOf = (row: Record<string, unknown>) => String(row.flowCode).toUpperCase();

/** A row of the total of all commodities over every breakdown, and its partner and flow. */
const isTotalRow = (row: Record<string, unknown>) => row.cmdCode === 'TOTAL' && isTotalOverBreakdowns(row);
const totalOf = (row: Record<string, unknown>) => `${Number(row.partnerCode)}|${flowOf(row)}`;

/** A row's partner, year, flow and commodity. */
const cellOf = (row: Record<string, unknown>) =>
  `${Number(row.partnerCode)}|${Number(row.refYear)}|${flowOf(row)}|${String(row.cmdCode)}`;

/** A value as the API gives one: a number of zero or more (or as text the reader reads so). */
function isTradeValue(value: unknown): boolean {
  const number = typeof value === 'string' ? parseNumber(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0;
}

function areaName(query: Query, code: number): string {
  const area = query.partners.find((p) => p.code === code);
  return area && area.code !== 0 ? area.iso3 : countryName(area?.iso3 ?? String(code));
}

function cell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
