import { InputError } from '../core/errors.ts';
import { fetchMessages as m } from '../core/messages.ts';
import { type Area, comtradeArea } from './areas.ts';

/** One reporter's side of the briefing: its trade with each partner (and the World). */
export interface Side {
  reporter: Area;
  partners: Area[];
}

/** Years a run fetches when none are asked: the latest ten any side has published. */
export const DEFAULT_YEARS = 10;
const OLDEST_YEAR = 1962;

/**
 * What the briefing needs: the reporter's trade with every partner and with the World, and each
 * partner's trade with the reporter (the mirror) and with the World (its import demand, its RCA).
 */
export function planSides(reporter: string, partners: string[]): Side[] {
  const area = (iso3: string, option: string): Area => {
    const found = comtradeArea(iso3);
    if (!found)
      throw new InputError([{ file: 'command line', key: option, message: m.noComtradeCode(iso3) }]);
    return found;
  };
  const own = area(reporter, '--reporter');
  const others = partners.map((p) => area(p, partners.length > 1 ? '--partners' : '--partner'));
  return [{ reporter: own, partners: others }, ...others.map((p) => ({ reporter: p, partners: [own] }))];
}

/** `2019` or `2015-2024` (an en dash too); undefined when not given. */
export function parseYears(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(text);
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (!match || from > to || from < OLDEST_YEAR)
    throw new InputError([{ file: 'command line', key: '--years', message: m.badYears(text) }]);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The latest DEFAULT_YEARS years up to the most recent one any side has published. */
export function defaultYears(published: Iterable<number>): number[] {
  const latest = Math.max(...published);
  if (!Number.isFinite(latest)) return [];
  return Array.from({ length: DEFAULT_YEARS }, (_, i) => latest - DEFAULT_YEARS + 1 + i);
}
