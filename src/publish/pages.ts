import { REVISION_COLUMNS } from '../briefing/sections/changes.ts';
import type { Tile } from '../briefing/sections/cover.ts';
import { siteText as t } from '../core/messages.ts';
import type { PairArchive, PublishedEdition } from './editions.ts';
import { href, html, type Markup } from './html.ts';
import { type EditionSummary, summarise } from './summary.ts';

/** Who the site belongs to: the organisation of the config, as the briefing's cover shows it. */
export interface Branding {
  name: string;
  accent: string;
  /** The logo's file name in the site, if the config names one. */
  logo?: string;
}

export const FEED_FILE = 'feed.xml';
export const STYLE_FILE = 'style.css';

/** The files of an edition that the site copies and links to, in the order the links are listed. */
export function editionFiles(edition: PublishedEdition): string[] {
  return [
    'briefing.pdf',
    'indicators.json',
    ...(edition.changes ? ['changes.json'] : []),
    ...edition.tables.map((file) => `tables/${file}`),
  ];
}

/** The index: every pair and every edition, the latest first, with headline figures and what changed. */
export function indexPage(archives: PairArchive[], brand: Branding): string {
  const body = archives.map((archive) => {
    const latest = archive.editions[archive.editions.length - 1] as PublishedEdition;
    const summary = summarise(latest);
    return html`<section aria-labelledby="${`pair-${archive.pair}`}">
<h2 id="${`pair-${archive.pair}`}"><a href="${href(archive.pair, 'index.html')}">${summary.title}</a></h2>
<p class="meta">${t.pairMeta(summary.pairName, archive.editions.length, summary.vintage)}</p>
${kpiList(summary.kpis, t.latestFigures(summary.vintage))}
<ol class="editions" reversed>
${newestFirst(archive).map((edition) => editionItem(edition, summarise(edition), `${archive.pair}/`, false))}
</ol>
</section>
`;
  });
  return page({
    brand,
    root: '',
    title: t.siteTitle(brand.name),
    lede: t.siteLede(archives.length),
    body: archives.length ? html`${body}` : html`<p>${t.empty()}</p>`,
  });
}

/** A pair's page: the latest key findings, then every edition with its revisions. */
export function pairPage(archive: PairArchive, brand: Branding): string {
  const latest = archive.editions[archive.editions.length - 1] as PublishedEdition;
  const summary = summarise(latest);
  return page({
    brand,
    root: '../',
    title: summary.title,
    lede: t.pairLede(summary.pairName, summary.vintage, summary.date),
    body: html`<section aria-labelledby="latest">
<h2 id="latest">${t.latestHeading(summary.vintage)}</h2>
${kpiList(summary.kpis, t.latestFigures(summary.vintage))}
<h3>${t.findingsHeading()}</h3>
<ul class="findings">
${summary.findings.map((f) => html`<li>${f}</li>\n`)}</ul>
</section>
<section aria-labelledby="editions">
<h2 id="editions">${t.editionsHeading(archive.editions.length)}</h2>
<ol class="editions" reversed>
${newestFirst(archive).map((edition) => editionItem(edition, summarise(edition), '', true))}
</ol>
</section>
`,
  });
}

function newestFirst(archive: PairArchive): PublishedEdition[] {
  return [...archive.editions].reverse();
}

function kpiList(kpis: Tile[], label: string): Markup {
  if (kpis.length === 0) return html``;
  return html`<dl class="kpis" aria-label="${label}">
${kpis.map(
  (k) =>
    html`<div class="kpi"><dt>${k.label}</dt><dd class="value">${k.value}</dd>${k.before ? html`<dd class="before">${k.before}</dd>` : ''}</div>\n`,
)}</dl>
${kpis.some((k) => k.label.endsWith('*')) ? html`<p class="footnote">${t.provisional()}</p>` : ''}`;
}

/** One edition: vintage and date, headline figures, what changed, and links to its files. */
function editionItem(
  edition: PublishedEdition,
  summary: EditionSummary,
  base: string,
  detail: boolean,
): Markup {
  const folder = `${base}${href(edition.name)}/`;
  const headline = summary.kpis
    .slice(0, 3)
    .map((k) => `${k.label}: ${k.value}`)
    .join(' · ');
  const changed = summary.changes ?? (edition.changes?.previous ? t.nothingChanged() : t.firstEdition());
  return html`<li class="edition" id="${edition.name}">
<h3>${t.editionHeading(summary.vintage)}</h3>
<p class="meta">${t.editionMeta(summary.date, edition.id.slice(0, 8))}</p>
${headline ? html`<p class="headline">${headline}</p>` : ''}
<p><strong>${t.whatChanged()}</strong> ${changed}</p>
${detail && summary.revisions.length ? revisionsTable(summary) : ''}
<ul class="links" aria-label="${t.filesOf(summary.vintage)}">
${editionFiles(edition).map((file) => html`<li><a href="${folder}${file.split('/').map(encodeURIComponent).join('/')}">${linkText(file, edition)}</a></li>\n`)}</ul>
</li>
`;
}

function linkText(file: string, edition: PublishedEdition): string {
  if (file === 'briefing.pdf') return t.pdfLink(edition.pdfBytes);
  return file;
}

function revisionsTable(summary: EditionSummary): Markup {
  return html`<div class="scroll" role="region" tabindex="0" aria-label="${t.revisionsCaption()}">
<table>
<caption>${t.revisionsCaption()}${summary.moreRevisions ? ` ${t.moreRevisions(summary.moreRevisions)}` : ''}</caption>
<thead><tr>${REVISION_COLUMNS.map((c, i) => html`<th scope="col"${i >= 2 ? html` class="num"` : ''}>${c}</th>`)}</tr></thead>
<tbody>
${summary.revisions.map((row) => html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td class="${i >= 2 ? 'num' : 'nowrap'}">${cell}</td>`))}</tr>\n`)}</tbody>
</table>
</div>
`;
}

function page(options: { brand: Branding; root: string; title: string; lede: string; body: Markup }): string {
  const { brand, root } = options;
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title}</title>
<link rel="stylesheet" href="${root}${STYLE_FILE}">
<link rel="alternate" type="application/atom+xml" title="${t.feedTitle(brand.name)}" href="${root}${FEED_FILE}">
</head>
<body>
<a class="skip" href="#main">${t.skip()}</a>
<header class="band">
<div class="wrap">
<div class="top"><p class="org">${brand.name}</p>${brand.logo ? html`<img class="logo" src="${root}${href(brand.logo)}" alt="">` : ''}</div>
<h1>${options.title}</h1>
<p class="lede">${options.lede}</p>
</div>
</header>
<main id="main" class="wrap">
${root ? html`<p><a href="${root}index.html">${t.backToIndex()}</a></p>\n` : ''}${options.body}</main>
<footer class="wrap">
<p>${t.footer()} <a href="${root}${FEED_FILE}">${t.feedLink()}</a></p>
</footer>
</body>
</html>
`.text;
}
