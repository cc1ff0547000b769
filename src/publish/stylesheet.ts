import { COLOURS } from '../briefing/style.ts';
import { PALETTE } from '../charts/theme.ts';

/** The site's font files, copied beside the pages: Noto Sans, as the briefing embeds it. */
export const SITE_FONTS = { regular: 'fonts/NotoSans-Regular.ttf', bold: 'fonts/NotoSans-Bold.ttf' } as const;

/**
 * The briefing's look on a screen: its palette and accent, its typeface from local files (no fetch),
 * one column that narrows to a phone's width, and visible focus for keyboard users.
 */
export function stylesheet(accent: string): string {
  return `@font-face {
  font-family: "Noto Sans";
  src: url("${SITE_FONTS.regular}") format("truetype");
  font-weight: 400;
  font-style: normal;
  font-display: swap;
}
@font-face {
  font-family: "Noto Sans";
  src: url("${SITE_FONTS.bold}") format("truetype");
  font-weight: 600 700;
  font-style: normal;
  font-display: swap;
}
:root {
  --accent: ${accent};
  --ink: ${COLOURS.ink};
  --muted: ${COLOURS.muted};
  --rule: ${COLOURS.rule};
  --band: ${COLOURS.band};
  --grid: ${PALETTE.grid};
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: "Noto Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--ink);
  background: #ffffff;
}
.wrap { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -100rem; }
.skip:focus { left: 1rem; top: 1rem; background: #ffffff; color: var(--accent); padding: 0.5rem; z-index: 1; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.band { background: var(--accent); color: #ffffff; padding: 1.5rem 0 1.75rem; }
.band a { color: #ffffff; }
.band a:focus-visible { outline-color: #ffffff; }
.band .top { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; }
.org { margin: 0; font-weight: 600; font-size: 0.8rem; letter-spacing: 0.12em; text-transform: uppercase; }
.logo { max-height: 2.5rem; max-width: 9rem; height: auto; background: #ffffff; padding: 0.2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.6rem 0 0.3rem; }
.lede { margin: 0; }
h2 { font-size: 1.35rem; margin: 2.25rem 0 0.25rem; padding-top: 0.75rem; border-top: 3px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 0 0 0.2rem; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
.meta { color: var(--muted); font-size: 0.875rem; margin: 0 0 0.5rem; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 0.6rem; margin: 1rem 0 0.4rem; padding: 0; }
.kpi { background: var(--band); border-left: 4px solid var(--accent); padding: 0.5rem 0.75rem; margin: 0; }
.kpi dt { color: var(--muted); font-size: 0.8rem; }
.kpi dd { margin: 0; }
.kpi .value { font-size: 1.35rem; font-weight: 700; }
.kpi .before { color: var(--muted); font-size: 0.8rem; }
.headline { margin: 0.25rem 0; }
.editions { list-style: none; margin: 1rem 0 0; padding: 0; }
.edition { border: 1px solid var(--rule); border-left: 4px solid var(--accent); padding: 0.75rem 1rem; margin: 0 0 0.75rem; }
.edition p { margin: 0.3rem 0; }
.links { display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; list-style: none; margin: 0.5rem 0 0; padding: 0; }
.links a { display: inline-block; padding: 0.2rem 0; }
.findings li { margin-bottom: 0.4rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.875rem; margin: 0.5rem 0; }
caption { text-align: left; color: var(--muted); font-size: 0.8rem; padding-bottom: 0.25rem; }
th, td { padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--grid); vertical-align: top; }
thead th { background: var(--band); border-bottom: 1px solid var(--rule); text-align: left; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
tbody th { text-align: left; font-weight: 400; }
.footnote { color: var(--muted); font-size: 0.8rem; margin: 0 0 1rem; }
footer { color: var(--muted); font-size: 0.8rem; margin-top: 2.5rem; padding-top: 0.75rem; padding-bottom: 2rem; border-top: 1px solid var(--rule); }
@media (max-width: 30rem) {
  h1 { font-size: 1.5rem; }
  .kpis { grid-template-columns: 1fr 1fr; }
  .kpi .value { font-size: 1.1rem; }
}
@media print {
  .band { background: none; color: var(--ink); border-bottom: 3px solid var(--accent); }
  .band a { color: var(--ink); }
}
`;
}
