import { STAGE_JSON_END } from '../core/context.ts';
import { isBriefingRow } from '../core/relevance.ts';
import type { IngestResult } from './records.ts';

/**
 * One pair's share of a read made for several partners (a batch's), as the bytes of its stage file
 * (`toStageJson`): the trade and product records a briefing on the pair uses (`isBriefingRow`, the test
 * normalise applies to them), all else as read. Each partner's run then parses and hashes its own flows,
 * not every partner's. The shares all hold the world's rows, so every record is made JSON once for all
 * of them, and each share joined from those bytes (joining strings this long is slower than making them).
 */
export function shareFiles(result: IngestResult, reporter: string): (partner: string) => Buffer {
  const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
  const comma = bytes(',');
  const members = Object.entries(result).map(([key, value]): ((partner: string) => Buffer[]) => {
    const name = bytes(`${JSON.stringify(key)}:`);
    if (key !== 'trade' && key !== 'products') {
      // An object leaves out a member with no JSON.
      const json = JSON.stringify(value) as string | undefined;
      const member = json === undefined ? [] : [name, bytes(json)];
      return () => member;
    }
    const rows: { reporter: string; partner: string; flow: string }[] = result[key];
    // An array holds null where JSON.stringify finds no JSON for an element.
    const json = rows.map((r) => bytes(JSON.stringify(r) ?? 'null'));
    return (partner) => {
      const kept: Buffer[] = [];
      rows.forEach((r, i) => {
        if (isBriefingRow(r, reporter, partner)) kept.push(json[i] as Buffer);
      });
      return [name, bytes('['), ...between(kept, comma), bytes(']')];
    };
  });
  return (partner) => {
    const present = members.map((member) => member(partner)).filter((parts) => parts.length > 0);
    return Buffer.concat([bytes('{'), ...between(present, [comma]).flat(), bytes(`}${STAGE_JSON_END}`)]);
  };
}

/** The items with `separator` between each two. */
function between<T>(items: T[], separator: T): T[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]));
}
