import { InputError, type Problem } from '../core/errors.ts';
import { normaliseMessages as m } from '../core/messages.ts';
import { MAX_TRADE_USD, parseMoneyUnit, toCents } from '../core/units.ts';
import type { RateRecord } from '../ingest/records.ts';

/** Converts a value in any money unit to US dollars; rupee values need a rate for their period. */
export function createUsdConverter(rates: RateRecord[]) {
  const table = new Map(rates.map((r) => [`${r.currency}|${r.period}`, r]));
  const problems: Problem[] = [];
  return {
    toUsd(
      value: number,
      unit: string,
      period: string,
      where: { file: string; line: number },
    ): number | undefined {
      const money = parseMoneyUnit(unit);
      if (!money) return undefined;
      if (money.currency === 'USD') return toCents(value * money.scale);
      const rate = table.get(`${money.currency}|${period}`);
      if (!rate) {
        problems.push({
          file: where.file,
          line: where.line,
          column: 'unit',
          message: m.missingRate(money.currency, period),
        });
        return undefined;
      }
      const usd = (value * money.scale) / rate.perUsd;
      if (!(usd <= MAX_TRADE_USD)) {
        problems.push({
          file: where.file,
          line: where.line,
          message: m.convertedTooLarge(`${value} ${unit}`, period, rate.perUsd),
        });
        return undefined;
      }
      return toCents(usd);
    },
    /** Sources of the rates used, to cite next to converted values. */
    rateSource(unit: string, period: string): string | undefined {
      const money = parseMoneyUnit(unit);
      return money && money.currency !== 'USD' ? table.get(`${money.currency}|${period}`)?.source : undefined;
    },
    throwIfProblems(): void {
      if (problems.length > 0) throw new InputError(problems);
    },
  };
}
