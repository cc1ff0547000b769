import { inputMessages as m } from '../../core/messages.ts';

/** Lines looked at: an error body or a title block is short. */
const LINES = 15;
/** What download services answer instead of data (UN Comtrade's API, a proxy, a web server). */
const SERVICE_ERROR =
  /result too large|query complexity|too many requests|rate limit|quota|invalid (subscription )?key|access denied|unauthori[sz]ed|forbidden|service unavailable|bad gateway|gateway time-?out|internal server error|under maintenance|not found/i;
/** Trade Map tables of one product by partner country, or of the world's traders: not a product list. */
const TRADE_MAP_BY_MARKET =
  /^(?:trade map - )?list of (?:(?:importing|exporting|supplying) markets|importers|exporters|partners?(?: markets)?)\b.*/i;
const TRADE_MAP_MARKET_COLUMN = /^(?:importers|exporters|importing markets|exporting markets|partners?)$/i;

/**
 * What a file that holds no recognised table is, when its first lines say so: an error message a
 * download service sent instead of data (a JSON body with a status, "Result too large", an outage
 * page), or a Trade Map table by market rather than by product. Undefined when nothing is recognised:
 * the file's own problems stand.
 */
export function recogniseNotData(lines: string[], header: string[]): string | undefined {
  const text = lines
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, LINES);
  const json = jsonError(text.join('\n'));
  if (json) return m.serviceError(json);
  const market = text.find((line) => TRADE_MAP_BY_MARKET.test(line));
  if (market || header.some((cell) => TRADE_MAP_MARKET_COLUMN.test(cell.trim())))
    return m.tradeMapByMarket(market ?? header.join(', '));
  // An error body is a few lines of prose, not a table with a few words matching.
  const error = text.find((line) => SERVICE_ERROR.test(line));
  if (error && text.length <= 5) return m.serviceError(error);
  return undefined;
}

/** The message of a JSON error body (`{"statusCode":400,"message":"…"}`), if the text is one. */
function jsonError(text: string): string | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // A body cut at the lines looked at: its fields are still there to read.
    const message = /"(?:message|error|title|detail)"\s*:\s*"([^"]*)"/i.exec(text)?.[1];
    return message ?? (/"status(?:Code)?"\s*:/i.test(text) ? text.slice(0, 80) : undefined);
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const found = ['message', 'error', 'title', 'detail']
    .map((key) => fields[key])
    .find((v) => typeof v === 'string');
  const status = fields.statusCode ?? fields.status;
  if (typeof found === 'string') return status === undefined ? found : `${String(status)}: ${found}`;
  return status === undefined ? undefined : String(status);
}
