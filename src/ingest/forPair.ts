import { isBriefingRow } from '../core/relevance.ts';
import type { IngestResult } from './records.ts';

/**
 * One pair's share of a read made for several partners (a batch's): the trade and product records a
 * briefing on the pair uses (`isBriefingRow`, the test normalise applies to them), all else as read.
 * Each partner's run then parses and hashes its own flows, not every partner's.
 */
export function ingestForPair(result: IngestResult, reporter: string, partner: string): IngestResult {
  return {
    ...result,
    trade: result.trade.filter((r) => isBriefingRow(r, reporter, partner)),
    products: result.products.filter((r) => isBriefingRow(r, reporter, partner)),
  };
}
