/**
 * Periods are labelled by their basis and never mixed silently:
 * fiscal years (India's April–March) as "FY2024-25", calendar years as "2024".
 */
export type Basis = 'fiscal' | 'calendar';

export interface Period {
  label: string;
  basis: Basis;
  /** Calendar year in which the period starts. */
  year: number;
}

const FISCAL = /^(?:FY\s?)?(\d{4})\s?[-–/]\s?(\d{2}|\d{4})$/i;
const CALENDAR = /^(\d{4})$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

/** Parses "FY2024-25", "2024-2025", "2024-25" (fiscal) or "2024" (calendar); undefined when malformed. */
export function parsePeriod(text: string): Period | undefined {
  const trimmed = text.trim();
  const calendar = CALENDAR.exec(trimmed);
  if (calendar) {
    const year = Number(calendar[1]);
    return inRange(year) ? { label: String(year), basis: 'calendar', year } : undefined;
  }
  const fiscal = FISCAL.exec(trimmed);
  if (!fiscal) return undefined;
  const year = Number(fiscal[1]);
  const end = fiscal[2] ?? '';
  // The second year is the next one, in full (2024-2025) or by its last two digits (2024-25, 1999-00).
  const next = end.length === 2 ? (year + 1) % 100 : year + 1;
  if (!inRange(year) || Number(end) !== next) return undefined;
  return { label: fiscalLabel(year), basis: 'fiscal', year };
}

/** Whether `period` is a calendar year, as Comtrade and BACI report. */
export const isCalendarYear = (period: Period): boolean => period.basis === 'calendar';

export function fiscalLabel(year: number): string {
  return `FY${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

export function periodLabel(basis: Basis, year: number): string {
  return basis === 'fiscal' ? fiscalLabel(year) : String(year);
}

function inRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** The last day of a period, as a UTC date: 31 March for a fiscal year, 31 December for a calendar one. */
export function periodEnd(period: Period): Date {
  return period.basis === 'fiscal'
    ? new Date(Date.UTC(period.year + 1, 2, 31))
    : new Date(Date.UTC(period.year, 11, 31));
}
