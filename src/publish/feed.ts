import { Feed } from 'feed';
import { siteText as t } from '../core/messages.ts';
import { VERSION } from '../core/version.ts';
import type { PairArchive, PublishedEdition } from './editions.ts';
import { escapeHtml, href } from './html.ts';
import { type Branding, FEED_FILE } from './pages.ts';
import { summarise } from './summary.ts';

/** Resolves the site's links while the feed is built when no siteUrl is configured; then removed again. */
const PLACEHOLDER = 'https://tradebrief.invalid/';

/** A stable id per edition, whatever the site's address: the pair and the edition folder (vintage and PDF hash). */
export function editionTag(edition: PublishedEdition): string {
  return `tag:tradebrief,2026:${edition.pair}/${edition.name}`;
}

/**
 * The Atom feed of editions, newest first. Its `updated` is the latest edition's date and its generator
 * is named, so the same archive gives the same bytes (the library would otherwise write the clock).
 * Without a siteUrl the links are relative to the feed, which Atom allows; the library insists on
 * absolute ones, so they are made against a placeholder and the placeholder is taken out.
 */
export function atomFeed(archives: PairArchive[], brand: Branding, siteUrl: string | undefined): string {
  const base = siteUrl ? (siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`) : PLACEHOLDER;
  const editions = archives
    .flatMap((a) => a.editions)
    .sort((a, b) => b.date.getTime() - a.date.getTime() || order(archives, b) - order(archives, a));
  const feed = new Feed({
    id: `tag:tradebrief,2026:${encodeURIComponent(brand.name)}`,
    title: t.siteTitle(brand.name),
    link: `${base}index.html`,
    updated: editions[0]?.date ?? new Date(0),
    generator: `tradebrief ${VERSION}`,
    author: { name: brand.name },
    ...(siteUrl ? { feedLinks: { atom: `${base}${FEED_FILE}` } } : {}),
  });
  for (const edition of editions) {
    const summary = summarise(edition);
    const link = `${base}${href(edition.pair, 'index.html')}#${encodeURIComponent(edition.name)}`;
    const changed = summary.changes ?? (edition.changes?.previous ? t.nothingChanged() : t.firstEdition());
    feed.addItem({
      // The library marks titles as HTML: escaped, a title with "R&D" reads as written.
      title: escapeHtml(t.feedEntryTitle(summary.title, summary.vintage, edition.id.slice(0, 8))),
      id: editionTag(edition),
      link,
      date: edition.date,
      description: escapeHtml(`${t.whatChanged()} ${changed}`),
      content: [
        `<p>${escapeHtml(summary.kpis.map((k) => `${k.label}: ${k.value}`).join(' · '))}</p>`,
        `<ul>${summary.findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>`,
        `<p><a href="${escapeHtml(`${base}${href(edition.pair, edition.name, 'briefing.pdf')}`)}">${escapeHtml(t.pdfLink(edition.pdfBytes))}</a></p>`,
      ].join(''),
    });
  }
  const xml = feed.atom1();
  return `${siteUrl ? xml : xml.replaceAll(PLACEHOLDER, '')}\n`;
}

/** An edition's place in its pair's archive: later editions of the same date come first. */
function order(archives: PairArchive[], edition: PublishedEdition): number {
  return archives.find((a) => a.pair === edition.pair)?.editions.indexOf(edition) ?? 0;
}
