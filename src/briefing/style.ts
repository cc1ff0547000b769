import { PALETTE } from '../charts/theme.ts';

/** A4 in points, with the text column the charts are drawn for (CHART_WIDTH). */
export const PAGE = { width: 595.28, height: 841.89, left: 56, right: 56, top: 62, bottom: 62 } as const;

/** Registered font names: one family (Noto Sans), embedded and subset. */
export const FONTS = {
  regular: 'Body',
  italic: 'BodyItalic',
  semibold: 'BodySemibold',
  bold: 'BodyBold',
} as const;

export const TYPE = {
  body: 9.5,
  small: 7.5,
  table: 8,
  h1: 15,
  h2: 11,
  lineGap: 2.6,
} as const;

export const COLOURS = {
  ink: PALETTE.ink,
  muted: PALETTE.muted,
  rule: PALETTE.rule,
  band: '#f2f4f7',
} as const;
