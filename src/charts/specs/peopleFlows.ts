import { formatNumber } from '../../core/format.ts';
import { compareText } from '../../core/text.ts';
import { publishers } from '../../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../../indicators/types.ts';
import { type ChartBuilder, framed, labelColumn, sourceLine, unavailable } from '../chart.ts';
import { PALETTE } from '../theme.ts';

const PANELS = [
  { topic: 'people', name: 'Travel' },
  { topic: 'labour', name: 'Work' },
] as const;
const COUNT_UNITS = new Set(['persons', 'permits', 'trips']);

/** Published counts of people moving from the reporter to the partner ("IND->RUS"), with a year. */
function peopleFigures(set: IndicatorSet, topic: string): Indicator[] {
  const direction = `${set.meta.reporter}->${set.meta.partner}`;
  return set.indicators.filter(
    (i) =>
      i.id.startsWith(`figure.${topic}.`) &&
      i.dims?.scope === direction &&
      i.value !== null &&
      COUNT_UNITS.has(i.unit) &&
      /\d{4}/.test(i.period),
  );
}

const QUALIFIER: Record<string, string> = { at_least: 'over ', approx: 'about ' };

/**
 * Tourism and labour counts as published: one bar per figure, labelled with its measure, period and
 * source, because counting bases differ and the figures must not be read as one series.
 */
export const buildPeopleFlows: ChartBuilder = (set, theme) => {
  const { reporterName, partnerName, reporter } = set.meta;
  const id = 'people-flows';
  const title = `People: travel and work from ${reporterName} to ${partnerName}`;
  const used = PANELS.flatMap((p) => peopleFigures(set, p.topic));
  if (used.length === 0) {
    return unavailable(
      id,
      title,
      `needs published counts of people from ${reporter} (topics "people" and "labour")`,
    );
  }
  const describe = (i: Indicator) =>
    `${i.label.charAt(0).toUpperCase()}${i.label.slice(1)}, ${i.period} (${publishers(set, i.sources).join('; ')})`;
  const rows = PANELS.flatMap((panel) =>
    peopleFigures(set, panel.topic)
      .sort((a, b) => compareText(a.label, b.label) || compareText(a.period, b.period))
      .map((i) => ({
        panel: panel.name,
        label: describe(i),
        thousands: (i.value ?? 0) / 1000,
        text: `${QUALIFIER[i.dims?.qualifier ?? ''] ?? ''}${formatNumber(i.value ?? 0)}`,
      })),
  );
  const height = rows.length * 16;
  const labels = labelColumn(
    theme,
    rows.map((r) => r.label),
    'label',
    height,
  );
  const max = Math.max(...rows.map((r) => r.thousands));
  const alt =
    `Bar chart of published counts of people travelling or going to work from ${reporterName} to ${partnerName}, in thousands: ` +
    used.map((i) => `${describe(i)}: ${formatNumber(i.value ?? 0)}`).join('; ') +
    '. Counting bases differ between sources, so the figures are not one series.';
  const spec = framed(theme, {
    title,
    subtitle: 'Persons or permits as published (scale in thousands); counting bases differ between sources',
    source: sourceLine(set, used),
    body: {
      data: { values: rows },
      hconcat: [
        labels.view,
        {
          width: labels.plotWidth,
          height,
          encoding: {
            y: { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), axis: null },
            x: {
              field: 'thousands',
              type: 'quantitative',
              title: 'thousand persons or permits',
              scale: { domainMax: max * 1.3 },
            },
          },
          layer: [
            {
              mark: { type: 'bar', height: 10 },
              encoding: {
                color: {
                  field: 'panel',
                  type: 'nominal',
                  scale: { domain: PANELS.map((p) => p.name), range: [theme.accent, PALETTE.orange] },
                },
              },
            },
            {
              mark: { type: 'text', align: 'left', dx: 3, fontSize: theme.fontSize - 0.5 },
              encoding: { text: { field: 'text' } },
            },
          ],
        },
      ],
    },
  });
  return { id, title, spec, alt, sources: [...new Set(used.flatMap((i) => i.sources))].sort() };
};
