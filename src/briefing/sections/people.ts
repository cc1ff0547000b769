import type { RenderedChart } from '../../charts/build.ts';
import type { IndicatorSet } from '../../indicators/types.ts';
import { describeFigure } from '../facts.ts';
import type { Writer } from '../writer.ts';
import { chartHeight, writeChart } from './chart.ts';

/** Tourism and labour flows as published, with their differing bases. */
export function writePeople(w: Writer, set: IndicatorSet, charts: RenderedChart[]): void {
  const { reporterName, partnerName } = set.meta;
  w.section('People', { keepWith: 60 + chartHeight(charts, 'people-flows') });
  const figures = set.indicators.filter((i) => /^figure\.(people|labour)\./.test(i.id));
  if (figures.length === 0) {
    w.paragraph(
      `Not available: the inputs have no published figures on travel or work between ${reporterName} and ${partnerName}.`,
    );
    return;
  }
  w.paragraph(
    `Travel and labour figures come from different sources that count on different bases (arrivals, tourists, visitors; permits, entries, projected workers). They are shown side by side, each with its source, and are not combined into one series.`,
  );
  writeChart(w, charts, 'people-flows');
  const context = figures.filter(
    (f) =>
      !['persons', 'permits', 'trips'].includes(f.unit) ||
      f.dims?.scope !== `${set.meta.reporter}->${set.meta.partner}`,
  );
  if (context.length > 0) {
    w.subheading('Context');
    w.bullets(
      context.map((f) => describeFigure(set, f)),
      { size: 8.5 },
    );
  }
}
