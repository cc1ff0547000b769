import { STAGE_JSON_END } from '../core/context.ts';
import { WORLD } from '../core/countries.ts';
import { apartFromWorldSum, isBriefingRow, isWorldSum } from '../core/relevance.ts';
import type { IngestResult, TradeRecord } from './records.ts';

/**
 * Rows of a read for several partners that only the partner they name uses: a partner's own exports to
 * the world, kept beside the world's sum of its file and year (`apartFromWorldSum`) for its own briefing.
 */
function forItsPartnerOnly(trade: readonly TradeRecord[], reporter: string): (row: TradeRecord) => boolean {
  const key = (r: TradeRecord) => `${r.file}\n${r.period}`;
  const summed = new Set(trade.filter((r) => r.partner === WORLD && isWorldSum(r)).map(key));
  const alone = new Set([reporter]);
  return (r) =>
    r.partner === WORLD &&
    r.flow === 'export' &&
    r.reporter !== WORLD &&
    !apartFromWorldSum(r.reporter, alone) &&
    summed.has(key(r));
}

/**
 * One pair's share of a read made for several partners (a batch's), as the bytes of its stage file
 * (`toStageJson`): the trade and product records a briefing on the pair uses (`isBriefingRow`, the test
 * normalise applies to them) but the other partners' own exports to a world their file sums
 * (`forItsPartnerOnly`), all else as read: the records a read for the pair alone makes. Each partner's
 * run then parses and hashes its own flows, not every partner's. The shares all hold the world's rows,
 * so every record is made JSON once for all
 * of them, and each share is joined from those bytes: joining megabytes of strings costs as much as
 * making the JSON again. The result is plain data (no toJSON, no holes in arrays), whose JSON this is.
 */
export function shareFiles(result: IngestResult, reporter: string): (partner: string) => Buffer {
  const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
  const [comma, open, close] = [bytes(','), bytes('['), bytes(']')];
  // Each member adds its name and value to `parts`, or nothing where JSON.stringify would leave it out.
  const members = Object.entries(result).map(([key, value]): ((partner: string, parts: Buffer[]) => void) => {
    const name = bytes(`${JSON.stringify(key)}:`);
    if (key !== 'trade' && key !== 'products') {
      const json = JSON.stringify(value) as string | undefined;
      const member = json === undefined ? undefined : Buffer.concat([name, bytes(json)]);
      return (_partner, parts) => {
        if (member) parts.push(member);
      };
    }
    const rows: { reporter: string; partner: string; flow: string }[] = result[key];
    // Whether a briefing uses a row depends on its partner only where that is one of the row's two
    // countries. For every other partner it is as for a partner that adds no country to the reporter:
    // asked once for all of them, and for those two when met.
    const onlyIts = key === 'trade' ? forItsPartnerOnly(result.trade, reporter) : () => false;
    const forOthers = rows.map((r) => isBriefingRow(r, reporter, reporter) && !onlyIts(r as TradeRecord));
    // Each row as a comma and its JSON (an array holds null where JSON.stringify finds none): those of
    // every other partner's share joined once, in order; a partner's own rows then put in among them.
    const pieces = rows.map((r) => bytes(`,${JSON.stringify(r) ?? 'null'}`));
    const common = Buffer.concat(pieces.filter((_, i) => forOthers[i]));
    // Where each row's bytes begin in `common`, or would.
    const at = [0];
    for (const [i, piece] of pieces.entries()) at.push((at[i] as number) + (forOthers[i] ? piece.length : 0));
    // Only the rows not in `common` are kept apart.
    const apart = pieces.map((piece, i) => (forOthers[i] ? undefined : piece));
    const naming = new Map<string, number[]>();
    for (const [i, { reporter: from, partner: to }] of rows.entries())
      for (const country of from === to ? [from] : [from, to]) {
        const list = naming.get(country);
        if (list) list.push(i);
        else naming.set(country, [i]);
      }
    return (partner, parts) => {
      const kept: Buffer[] = [];
      let from = 0;
      for (const i of naming.get(partner) ?? []) {
        // A partner only adds to the rows every other partner's briefing uses (isBriefingRow): tested.
        if (forOthers[i] || !isBriefingRow(rows[i] as (typeof rows)[number], reporter, partner)) continue;
        kept.push(common.subarray(from, at[i]), apart[i] as Buffer);
        from = at[i] as number;
      }
      kept.push(common.subarray(from));
      parts.push(name, open);
      // The first row has no comma before it.
      let first = true;
      for (const piece of kept) {
        if (piece.length === 0) continue;
        parts.push(first ? piece.subarray(1) : piece);
        first = false;
      }
      parts.push(close);
    };
  });
  const end = bytes(`}${STAGE_JSON_END}`);
  return (partner) => {
    const parts = [bytes('{')];
    for (const member of members) {
      const before = parts.length;
      member(partner, parts);
      // Members are joined by commas: one goes before each member that wrote something, but the first.
      if (parts.length > before && before > 1) parts.splice(before, 0, comma);
    }
    parts.push(end);
    return Buffer.concat(parts);
  };
}
