import { chapterOf, NOT_PRODUCTS } from '../core/hs.ts';
import { compareText } from '../core/text.ts';
import { latestPeriod, pick, select } from './query.ts';
import type { Indicator, IndicatorSet } from './types.ts';

/** One HS4 heading of a flow in its latest year, with what indicators.json says of it. */
export interface HeadingFacts {
  heading: string;
  value: Indicator;
  share?: Indicator;
  change?: Indicator;
  changeFirst?: Indicator;
  unitValue?: Indicator;
  volume?: Indicator;
  price?: Indicator;
}

/** Where each indicator of a heading goes in its facts. */
const FACTS: Record<string, keyof Omit<HeadingFacts, 'heading'>> = {
  'products.heading.value': 'value',
  'products.heading.share': 'share',
  'products.heading.change': 'change',
  'products.heading.changeFirst': 'changeFirst',
  'products.heading.unitValue': 'unitValue',
  'products.heading.volume': 'volume',
  'products.heading.price': 'price',
};

/**
 * A flow's HS4 headings in the latest year with product detail, largest first (ties by code): the
 * one ranking the chart, the section and the tables show. Headings of non-product chapters (9999) are
 * not products and are not ranked. Empty without detail.
 */
export function rankedHeadings(
  set: IndicatorSet,
  flow: 'export' | 'import',
): { period?: string; headings: HeadingFacts[] } {
  const period = latestPeriod(set, 'products.heading.value', { flow });
  if (!period) return { headings: [] };
  // One pass over the indicators: a flow may have thousands of headings.
  const byHeading = new Map<string, Partial<Record<string, Indicator>>>();
  for (const i of set.indicators) {
    const field = FACTS[i.id];
    const heading = i.dims?.heading;
    if (!field || heading === undefined || i.period !== period || i.dims?.flow !== flow || i.value === null)
      continue;
    const facts = byHeading.get(heading) ?? {};
    facts[field] ??= i;
    byHeading.set(heading, facts);
  }
  const headings = [...byHeading]
    .filter(([heading, facts]) => facts.value !== undefined && !NOT_PRODUCTS.has(chapterOf(heading)))
    .map(([heading, facts]) => ({ ...facts, heading }) as HeadingFacts)
    .sort((a, b) => (b.value.value ?? 0) - (a.value.value ?? 0) || compareText(a.heading, b.heading));
  return { period, headings };
}

/** The flow's price/volume split in the latest year, when the inputs allow one. */
export function flowSplit(set: IndicatorSet, flow: 'export' | 'import') {
  const change = select(set, 'products.split.change', { flow }).find((i) => i.value !== null);
  if (!change) return undefined;
  const at = (id: string) => pick(set, id, change.period, { flow });
  return {
    change,
    volume: at('products.split.volume'),
    price: at('products.split.price'),
    coverage: at('products.split.coverage'),
  };
}
