import type { Config as VlConfig } from 'vega-lite';
import { FONT_FAMILY } from '../core/fonts.ts';

/**
 * One palette for charts and tables: colour-blind safe (Okabe–Ito hues) and ordered so neighbouring
 * series differ in lightness too, which keeps them apart when printed in greyscale.
 */
export const PALETTE = {
  ink: '#1a1a1a',
  muted: '#5a5a5a',
  rule: '#c8c8c8',
  grid: '#e6e6e6',
  /** Replaced by the organisation's accent colour from the config. */
  accent: '#0b4f8a',
  orange: '#e69f00',
  vermillion: '#d55e00',
  green: '#009e73',
  sky: '#56b4e9',
  purple: '#cc79a7',
  grey: '#a6a6a6',
} as const;

export interface Theme {
  accent: string;
  /** Categorical order: dark, light, mid, … */
  series: string[];
  width: number;
  fontSize: number;
}

/** Chart width in points: the PDF's text column, so an SVG unit is a PDF point. */
export const CHART_WIDTH = 483;

export function createTheme(accent: string): Theme {
  return {
    accent,
    series: [
      accent,
      PALETTE.orange,
      PALETTE.green,
      PALETTE.vermillion,
      PALETTE.sky,
      PALETTE.purple,
      PALETTE.grey,
    ],
    width: CHART_WIDTH,
    fontSize: 8,
  };
}

export function vegaLiteConfig(theme: Theme): VlConfig {
  const text = { font: FONT_FAMILY, color: PALETTE.ink };
  return {
    font: FONT_FAMILY,
    background: 'white',
    padding: { left: 2, right: 8, top: 4, bottom: 2 },
    view: { stroke: null },
    title: {
      ...text,
      fontSize: 10,
      fontWeight: 'bold',
      anchor: 'start',
      subtitleFont: FONT_FAMILY,
      subtitleFontSize: theme.fontSize,
      subtitleColor: PALETTE.muted,
      subtitlePadding: 3,
      offset: 8,
    },
    axis: {
      labelFont: FONT_FAMILY,
      labelFontSize: theme.fontSize,
      labelColor: PALETTE.muted,
      titleFont: FONT_FAMILY,
      titleFontSize: theme.fontSize,
      titleFontWeight: 'normal',
      titleColor: PALETTE.muted,
      gridColor: PALETTE.grid,
      domainColor: PALETTE.rule,
      tickColor: PALETTE.rule,
    },
    legend: {
      labelFont: FONT_FAMILY,
      labelFontSize: theme.fontSize,
      labelColor: PALETTE.ink,
      titleFont: FONT_FAMILY,
      titleFontSize: theme.fontSize,
      orient: 'top',
      direction: 'horizontal',
      symbolSize: 60,
      labelLimit: 320,
      title: null,
    },
    text: { font: FONT_FAMILY, fontSize: theme.fontSize, color: PALETTE.ink },
    range: { category: theme.series },
    concat: { spacing: 6 },
  };
}
