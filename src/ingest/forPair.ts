import { STAGE_JSON_END } from '../core/context.ts';
import { isBriefingRow } from '../core/relevance.ts';
import type { IngestResult } from './records.ts';

/**
 * One pair's share of a read made for several partners (a batch's), as the bytes of its stage file
 * (`toStageJson`): the trade and product records a briefing on the pair uses (`isBriefingRow`, the test
 * normalise applies to them), all else as read. Each partner's run then parses and hashes its own flows,
 * not every partner's. The shares all hold the world's rows, so every record is made JSON once for all
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
    // An array holds null where JSON.stringify finds no JSON for an element.
    const json = rows.map((r) => bytes(JSON.stringify(r) ?? 'null'));
    // Whether a briefing uses a row depends on its partner only where that is one of the row's two
    // countries. For every other partner it is as for a partner that adds no country to the reporter:
    // asked once for all of them, and for those two when met.
    const forOthers = rows.map((r) => isBriefingRow(r, reporter, reporter));
    return (partner, parts) => {
      parts.push(name, open);
      const first = parts.length;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as (typeof rows)[number];
        const mine = row.reporter === partner || row.partner === partner;
        if (!(mine ? isBriefingRow(row, reporter, partner) : forOthers[i])) continue;
        if (parts.length > first) parts.push(comma);
        parts.push(json[i] as Buffer);
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
