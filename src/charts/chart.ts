import type { TopLevelSpec } from 'vega-lite';
import { publishers } from '../indicators/query.ts';
import type { Indicator, IndicatorSet } from '../indicators/types.ts';
import { measureText } from './textMetrics.ts';
import { type Theme, vegaLiteConfig } from './theme.ts';

/** A chart of the briefing: its vega-lite spec, or why it can't be drawn from these inputs. */
export interface ChartDefinition {
  id: string;
  title: string;
  /**
   * Absent when there is no chart to draw; `missing` then says why: what the inputs lack, or that
   * nothing is left to show.
   */
  spec?: TopLevelSpec;
  /** Alt text written from the data: what the chart shows and its main finding. */
  alt: string;
  missing?: string;
  sources: string[];
}

export type ChartBuilder = (set: IndicatorSet, theme: Theme) => ChartDefinition;

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Title and unit line on top, the plot, and the source line underneath: every chart says what it shows,
 * in what unit and from whom, also when the SVG travels without the PDF.
 */
export function framed(
  theme: Theme,
  parts: { title: string; subtitle: string; source: string; body: Record<string, unknown>; height?: number },
): TopLevelSpec {
  const sized =
    parts.height === undefined
      ? parts.body
      : { ...parts.body, width: theme.width - 60, height: parts.height };
  const size = theme.fontSize - 1;
  const lines = fitLines(parts.source, size, theme.width - 12);
  return {
    $schema: SCHEMA,
    config: vegaLiteConfig(theme),
    title: { text: parts.title, subtitle: parts.subtitle },
    vconcat: [
      sized,
      {
        width: theme.width - 60,
        height: lines.length * (size + 2) + 2,
        data: { values: [{}] },
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          fontSize: size,
          lineBreak: '\n',
          lineHeight: size + 2,
          color: '#5a5a5a',
        },
        encoding: { text: { value: lines.join('\n') }, x: { value: 0 }, y: { value: 4 } },
      },
    ],
  } as unknown as TopLevelSpec;
}

/** Words on lines no wider than `width` points in the embedded font: a source line never runs off the page. */
export function fitLines(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measureText(`${last} ${word}`, size) <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** "Source: DGCI&S / Department of Commerce (FTSPCC)." plus any qualification. */
export function sourceLine(set: IndicatorSet, indicators: Indicator[], extra?: string): string {
  const ids = [...new Set(indicators.flatMap((i) => i.sources))].sort();
  const provisional = [...new Set(indicators.filter((i) => i.provisional).map((i) => i.period))];
  const notes = [provisional.length ? `${provisional.join(', ')} provisional` : '', extra ?? ''].filter(
    Boolean,
  );
  return `Source: ${publishers(set, ids).join('; ')}.${notes.length ? ` ${notes.join('. ')}.` : ''}`;
}

export function unavailable(id: string, title: string, missing: string): ChartDefinition {
  return { id, title, alt: `${title}: not available (${missing}).`, missing, sources: [] };
}

/**
 * The end of a bar chart's value scale that leaves room for every bar's label after its bar, however
 * long the label ("87.0 thousand · untapped 87.0 thousand"), and at least `least` times the longest bar.
 */
export function roomForLabels(
  bars: { value: number; text: string }[],
  plotWidth: number,
  fontSize: number,
  least: number,
): number {
  const longest = Math.max(0, ...bars.map((b) => b.value));
  return bars.reduce((end, b) => {
    const free = plotWidth - measureText(b.text, fontSize) - 8;
    return free > 0 ? Math.max(end, (b.value * plotWidth) / free) : end;
  }, longest * least);
}

/**
 * Category labels as a text column left of the plot, measured with the embedded font, so long names
 * are never clipped and the chart's left edge is the labels' left edge (titles and sources align to it).
 */
/** Room between the label column and the plot (the concat spacing plus a margin). */
const LABEL_GAP = 16;

export function labelColumn(
  theme: Theme,
  labels: string[],
  field: string,
  height: number,
): { view: Record<string, unknown>; width: number; plotWidth: number } {
  const lines = labels.flatMap((l) => l.split('\n'));
  const width = Math.ceil(Math.max(...lines.map((l) => measureText(l, theme.fontSize)))) + 4;
  return {
    width,
    // What is left of the chart's width for the plot beside the labels, after the concat spacing.
    plotWidth: theme.width - width - LABEL_GAP,
    view: {
      width,
      height,
      mark: {
        type: 'text',
        align: 'right',
        baseline: 'middle',
        fontSize: theme.fontSize,
        color: '#1a1a1a',
        // A label may run to several lines, split where wrapLabel put a newline; vega hangs the lines
        // below the first, so the block is lifted by half its extra height to centre it on the row.
        lineBreak: '\n',
        lineHeight: theme.fontSize + 2,
        dy: { expr: `-(length(split(datum['${field}'], '\\n')) - 1) * ${(theme.fontSize + 2) / 2}` },
      },
      encoding: {
        y: { field, type: 'nominal', sort: labels, axis: null },
        text: { field },
        x: { value: width },
      },
    },
  };
}
