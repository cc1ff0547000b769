import { join } from 'node:path';
import type { SendMailOptions } from 'nodemailer';
import { REVISION_COLUMNS } from '../briefing/sections/changes.ts';
import type { EmailConfig } from '../config/schema.ts';
import { siteText, emailText as t } from '../core/messages.ts';
import type { PublishedEdition } from './editions.ts';
import { href, html, type Markup } from './html.ts';
import { type EditionSummary, summarise } from './summary.ts';

export type EmailList = EmailConfig['lists'][number];

/** Base64 makes an attachment about 37 % larger in the message (RFC 2045 line breaks included). */
export const BASE64_GROWTH = 1.37;

export interface Draft {
  mail: SendMailOptions;
  /** False when the PDF would exceed the size limit and a link stands in for it. */
  attached: boolean;
  /** The PDF's size in the message, in bytes, as the limit is checked. */
  encodedBytes: number;
}

export interface DraftOptions {
  email: EmailConfig;
  accent: string;
  siteUrl: string | undefined;
  /** Where the edition is kept, relative to the output folder: named when no site address is known. */
  archivedAt: string;
}

/** "{pair} trade briefing: data to {vintage}" with the edition's values; the config checks the names. */
export function fillSubject(template: string, edition: PublishedEdition, summary: EditionSummary): string {
  const values: Record<string, string> = {
    title: summary.title,
    pair: summary.pairName,
    reporter: edition.set.meta.reporterName,
    partner: edition.set.meta.partnerName,
    vintage: summary.vintage,
    date: summary.date,
    edition: edition.id.slice(0, 8),
  };
  return template.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The message a list receives for an edition: the subject from the template, a plain-text and an
 * HTML body with the headline figures, the key findings and the changes since the last edition, and
 * the PDF attached unless it is too large for the configured limit (then a link to the archive).
 * Its Message-ID is derived from the edition and the list, so a retried message is known as the same.
 */
export function draftMessage(edition: PublishedEdition, list: EmailList, options: DraftOptions): Draft {
  const summary = summarise(edition);
  const encodedBytes = Math.ceil(edition.pdfBytes * BASE64_GROWTH);
  const attached = encodedBytes <= options.email.attachmentLimitMB * 1e6;
  const base = options.siteUrl && (options.siteUrl.endsWith('/') ? options.siteUrl : `${options.siteUrl}/`);
  const page = base && `${base}${href(edition.pair, 'index.html')}#${encodeURIComponent(edition.name)}`;
  const pdfUrl = base && `${base}${href(edition.pair, edition.name, 'briefing.pdf')}`;
  const filename = `briefing-${edition.pair}-${edition.name.replace(/_[0-9a-f]+$/, '')}.pdf`;
  const where = attached
    ? t.attached(filename, edition.pdfBytes)
    : pdfUrl
      ? t.linked(edition.pdfBytes, pdfUrl)
      : t.keptAt(edition.pdfBytes, `${options.archivedAt}/briefing.pdf`);
  const domain = /@([^>\s]+)>?$/.exec(options.email.from)?.[1] ?? 'tradebrief';
  return {
    attached,
    encodedBytes,
    mail: {
      from: options.email.from,
      to: list.to,
      ...(list.cc.length ? { cc: list.cc } : {}),
      ...(list.bcc.length ? { bcc: list.bcc } : {}),
      subject: fillSubject(options.email.subject, edition, summary),
      messageId: `<${edition.id}.${edition.pdfSha256.slice(0, 12)}.${list.id}@${domain}>`,
      text: plainText(summary, where, page),
      html: htmlBody(summary, where, page, options.accent),
      ...(attached
        ? {
            attachments: [
              { filename, path: join(edition.dir, 'briefing.pdf'), contentType: 'application/pdf' },
            ],
          }
        : {}),
    },
  };
}

/** Figures marked "*" on the cover are provisional: the footnote goes with them. */
function provisional(summary: EditionSummary): boolean {
  return summary.kpis.some((k) => k.label.endsWith('*'));
}

function changesLines(summary: EditionSummary): string[] {
  if (!summary.changes) return [];
  return [
    '',
    t.changesHeading(),
    summary.changes,
    ...summary.revisions.map(([label, period, before, now, change]) =>
      t.revisionLine(label ?? '', period ?? '', before ?? '', now ?? '', change ?? ''),
    ),
    ...(summary.moreRevisions ? [t.moreRevisions(summary.moreRevisions)] : []),
  ];
}

function plainText(summary: EditionSummary, where: string, page: string | undefined): string {
  return [
    summary.title,
    t.dataTo(summary.vintage, summary.date),
    '',
    t.figuresHeading(),
    ...summary.kpis.map((k) => `  ${k.label}: ${k.value}${k.before ? ` (${k.before})` : ''}`),
    ...(provisional(summary) ? [`  ${siteText.provisional()}`] : []),
    '',
    t.findingsHeading(),
    ...summary.findings.map((f) => `  - ${f}`),
    ...changesLines(summary),
    '',
    where,
    ...(page ? [t.archivePage(page)] : []),
    '',
  ].join('\n');
}

/** Mail clients ignore style sheets and web fonts: the HTML body carries its few styles inline. */
function htmlBody(summary: EditionSummary, where: string, page: string | undefined, accent: string): string {
  const cell = 'padding:4px 8px;border-bottom:1px solid #e6e6e6;vertical-align:top';
  const revisions: Markup | string = summary.revisions.length
    ? html`<table style="border-collapse:collapse;font-size:13px">
<thead><tr>${REVISION_COLUMNS.map((c) => html`<th scope="col" style="${cell};background:#f2f4f7;text-align:${REVISION_COLUMNS.indexOf(c) >= 2 ? 'right' : 'left'}">${c}</th>`)}</tr></thead>
<tbody>${summary.revisions.map((row) => html`<tr>${row.map((c, i) => html`<td style="${cell}${i >= 1 ? ';white-space:nowrap' : ''}${i >= 2 ? ';text-align:right' : ''}">${c}</td>`)}</tr>`)}</tbody>
</table>${summary.moreRevisions ? html`<p>${t.moreRevisions(summary.moreRevisions)}</p>` : ''}`
    : '';
  return html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${summary.title}</title></head>
<body style="font-family:'Noto Sans',Arial,sans-serif;color:#1a1a1a;line-height:1.45">
<div style="background:${accent};color:#ffffff;padding:12px 16px"><h1 style="font-size:20px;margin:0">${summary.title}</h1>
<p style="margin:4px 0 0">${t.dataTo(summary.vintage, summary.date)}</p></div>
<h2 style="font-size:16px">${t.figuresHeading()}</h2>
<ul>${summary.kpis.map((k) => html`<li>${k.label}: <strong>${k.value}</strong>${k.before ? ` (${k.before})` : ''}</li>`)}</ul>
${provisional(summary) ? html`<p style="font-size:12px;color:#5a5a5a">${siteText.provisional()}</p>` : ''}
<h2 style="font-size:16px">${t.findingsHeading()}</h2>
<ul>${summary.findings.map((f) => html`<li>${f}</li>`)}</ul>
${summary.changes ? html`<h2 style="font-size:16px">${t.changesHeading()}</h2><p>${summary.changes}</p>${revisions}` : ''}
<p>${where}</p>
${page ? html`<p><a href="${page}" style="color:${accent}">${t.archivePage(page)}</a></p>` : ''}
</body></html>
`.text;
}
