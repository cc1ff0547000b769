import { indicatorNotes as t } from '../core/messages.ts';
import { select, sortPeriods } from './query.ts';
import type { IndicatorSet } from './types.ts';

/** Several "needs …" as one: "needs A and B" ("needs A, for 2019; and B" where a part has commas). */
export function joinNeeds(needs: string[]): string {
  const distinct = [...new Set(needs)];
  const separator = distinct.some((n) => n.includes(',')) ? '; and ' : ' and ';
  return distinct.map((n, i) => (i === 0 ? n : n.replace(/^needs /, ''))).join(separator);
}

/** Why no RCA comparison of the pair can be made, from what the indicators say is missing. */
export function rcaNeeds(set: IndicatorSet): string {
  const { reporter, partner, reporterName, partnerName } = set.meta;
  const sides = [
    { code: reporter, name: reporterName },
    { code: partner, name: partnerName },
  ];
  const missing = sides.flatMap(
    ({ code }) =>
      select(set, 'specialisation.rca', { reporter: code }).find((i) => i.status === 'not_available')
        ?.needs ?? [],
  );
  if (missing.length > 0) return joinNeeds(missing);
  // Both have an RCA, in different years.
  return t.needsOneYearForBoth(
    sides.map(({ code, name }) => ({
      name,
      periods: sortPeriods(
        select(set, 'specialisation.rca', { reporter: code })
          .filter((i) => i.value !== null)
          .map((i) => i.period),
      ),
    })),
  );
}

/** Why no sector has an export potential: the partner's demand, the reporter's world shares, or both. */
export function potentialNeeds(set: IndicatorSet): string {
  const needs = select(set, 'potential.exports')
    .filter((i) => i.status === 'not_available')
    .flatMap((i) => i.needs ?? []);
  if (!select(set, 'opportunity.demand').some((i) => i.value !== null))
    needs.unshift(t.needsPartnerDemand(set.meta.partnerName));
  return joinNeeds(needs);
}
