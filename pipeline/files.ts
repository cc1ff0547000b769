/** The files stages hand over, relative to the output folder: named once, read by the stages after. */
export const INGESTED = 'stages/ingest.json';
export const NORMALISED = 'stages/normalised.json';
export const INDICATORS = 'indicators.json';
export const CHANGES = 'changes.json';
/** Index of the charts: id, title, alt text, files, or why a chart is not drawn. */
export const CHART_INDEX = 'charts/index.json';
export const BRIEFING = 'briefing.pdf';
