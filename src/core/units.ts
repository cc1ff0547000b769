/** Money units as written in the files analysts download, mapped to a currency and a scale. */
export interface MoneyUnit {
  currency: 'USD' | 'INR';
  scale: number;
}

const SCALES: Record<string, number> = {
  '': 1,
  thousand: 1e3,
  thousands: 1e3,
  '000': 1e3,
  "'000": 1e3,
  k: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  mn: 1e6,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
  mln: 1e6,
  crore: 1e7,
  crores: 1e7,
  cr: 1e7,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
};

const CURRENCIES: Record<string, MoneyUnit['currency']> = {
  usd: 'USD',
  us$: 'USD',
  $: 'USD',
  inr: 'INR',
  rs: 'INR',
  'rs.': 'INR',
  '₹': 'INR',
};

/**
 * No trade flow comes near USD 1,000 trillion: world trade is about USD 30 trillion a year. A value
 * above it is a wrong unit or a damaged cell; refusing it also keeps every sum of values a finite number.
 */
export const MAX_TRADE_USD = 1e15;
/** Rupees per US dollar have stayed far below this; it bounds rupee values before they are converted. */
const MAX_PER_USD: Record<MoneyUnit['currency'], number> = { USD: 1, INR: 1000 };

/** Whether a value in `unit` can be a trade flow: at most MAX_TRADE_USD, in US dollars or their worth. */
export function isWithinTradeCeiling(value: number, unit: MoneyUnit): boolean {
  return value * unit.scale <= MAX_TRADE_USD * MAX_PER_USD[unit.currency];
}

/** Whole cents: "4231.56 mn" times a million is 4231560000.0000005 in floating point, which no source said. */
export function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** A value in its currency's own unit, to whole cents: 4.8813 USD bn and 4881.3 USD mn are one amount. */
export function baseAmount(value: number, unit: MoneyUnit): number {
  return toCents(value * unit.scale);
}

/**
 * "USD mn", "US$ million", "thousand USD", "USD '000", "thousand US dollars", "USD (millions)", "₹ crore",
 * "INR lakh" … ; undefined when not a money unit.
 */
export function parseMoneyUnit(text: string): MoneyUnit | undefined {
  if (parsedUnits.has(text)) return parsedUnits.get(text);
  const unit = readMoneyUnit(text);
  // A file names a handful of units, row after row; a hostile one naming millions cannot grow this.
  if (parsedUnits.size >= 1024) parsedUnits.clear();
  parsedUnits.set(text, unit);
  return unit;
}

const parsedUnits = new Map<string, MoneyUnit | undefined>();

function readMoneyUnit(text: string): MoneyUnit | undefined {
  const words = text
    .trim()
    .toLowerCase()
    // "US dollars" and "U.S. dollar" are one word, USD; "(millions)" is "millions".
    .replace(/\bu\.?s\.? dollars?\b/g, 'usd')
    .replace(/\(([^()\s]+)\)/g, '$1')
    .replace(/^(us\$|₹|\$)(?=\S)/, '$1 ')
    .split(/\s+/)
    .filter((w) => w !== 'in');
  // Own keys only: "constructor" or "toString" in a unit cell must not match Object's members.
  const currencyWord = words.find((w) => Object.hasOwn(CURRENCIES, w));
  if (!currencyWord) return undefined;
  const rest = words.filter((w) => w !== currencyWord);
  if (rest.length > 1) return undefined;
  const scaleWord = rest[0] ?? '';
  const scale = Object.hasOwn(SCALES, scaleWord) ? SCALES[scaleWord] : undefined;
  const currency = CURRENCIES[currencyWord];
  // Frozen: one object answers every row naming the unit.
  return scale === undefined || currency === undefined ? undefined : Object.freeze({ currency, scale });
}
