import { relative, resolve } from 'node:path';
import { readLogo } from '../briefing/logo.ts';
import type { Config } from '../config/schema.ts';
import { writeFileAtomic } from '../core/atomic.ts';
import { ExitCode, InputError } from '../core/errors.ts';
import type { Logger } from '../core/log.ts';
import { publishMessages as m } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';
import { deliveryOf, readDeliveries, recordDelivery, saveDeliveries } from './deliveries.ts';
import { type PairArchive, type PublishedEdition, readArchives } from './editions.ts';
import { draftMessage } from './email.ts';
import type { Branding } from './pages.ts';
import { logoName, writeSite } from './site.ts';
import {
  describeFailure,
  type Mailer,
  renderMessage,
  type SmtpSettings,
  smtpFromEnv,
  smtpMailer,
} from './smtp.ts';

export interface PublishOptions {
  outDir: string;
  siteDir: string;
  /** The config, when there is one: branding, site address and e-mail lists. */
  config: Config | undefined;
  configPath: string | undefined;
  dryRun: boolean;
  env: NodeJS.ProcessEnv;
  log: Logger;
  /** Where --dry-run writes its messages. */
  outboxDir: string;
}

/**
 * Publishes the editions archived in the output folder: writes the archive site, then sends each
 * e-mail list the latest edition of each pair it has not received (or writes the messages as .eml
 * files on a dry run). Returns the exit code: 0, or 69 when a delivery failed (tried again next time).
 */
export async function publish(options: PublishOptions): Promise<number> {
  const { log, config } = options;
  // 1. Check what the run needs before anything is written: the archive, and the SMTP settings.
  const archives = await readArchives(options.outDir, log);
  if (archives.length === 0)
    throw new InputError([
      { file: shownPath(options.outDir), message: m.nothingArchived(shownPath(options.outDir)) },
    ]);
  const email = config?.publish?.email;
  const smtp = email && !options.dryRun ? smtpFromEnv(options.env) : undefined;
  const logo = config && options.configPath ? await readLogo(config, options.configPath) : undefined;
  // 2. The site.
  const brand = branding(archives, config, logo);
  const siteUrl = config?.publish?.siteUrl;
  const written = await onDisk(options.siteDir, () =>
    writeSite(archives, {
      dir: options.siteDir,
      brand,
      ...(logo ? { logo } : {}),
      ...(siteUrl ? { siteUrl } : {}),
    }),
  );
  const editions = archives.reduce((n, a) => n + a.editions.length, 0);
  log.log(
    'info',
    'site-written',
    m.siteWritten(shownPath(options.siteDir), archives.length, editions, written),
    {
      site: shownPath(options.siteDir),
      pairs: archives.length,
      editions,
      files: written,
    },
  );
  // 3. The e-mails.
  if (!email) {
    log.log('debug', 'no-lists', m.noLists());
    return ExitCode.ok;
  }
  const failed = await deliver(archives, options, brand.accent, smtp);
  if (failed > 0) {
    log.log('error', 'deliveries-failed', m.failedCount(failed), { failed });
    return ExitCode.undelivered;
  }
  return ExitCode.ok;
}

/** The organisation of the config, or of the latest edition when publishing without one. */
function branding(
  archives: PairArchive[],
  config: Config | undefined,
  logo: Uint8Array | undefined,
): Branding {
  const latest = archives
    .map((a) => a.editions[a.editions.length - 1] as PublishedEdition)
    .sort((a, b) => b.date.getTime() - a.date.getTime())[0] as PublishedEdition;
  const organisation = config?.organisation ?? latest.set.meta.organisation;
  return { name: organisation.name, accent: organisation.accent, ...(logo ? { logo: logoName(logo) } : {}) };
}

/** Sends what each list is owed; returns how many deliveries failed. */
async function deliver(
  archives: PairArchive[],
  options: PublishOptions,
  accent: string,
  smtp: SmtpSettings | undefined,
): Promise<number> {
  const { log } = options;
  const email = options.config?.publish?.email;
  if (!email) return 0;
  let mailer: Mailer | undefined;
  let failed = 0;
  let owed = 0;
  try {
    for (const archive of archives) {
      const latest = archive.editions[archive.editions.length - 1] as PublishedEdition;
      const record = await readDeliveries(archive);
      for (const list of email.lists) {
        if (list.pairs && !list.pairs.includes(archive.pair)) continue;
        const before = deliveryOf(record, latest, list.id);
        if (before?.status === 'sent') continue;
        owed++;
        const draft = draftMessage(latest, list, {
          email,
          accent,
          siteUrl: options.config?.publish?.siteUrl,
          archivedAt: relative(options.outDir, latest.dir),
        });
        const fields = { pair: archive.pair, edition: latest.id, list: list.id };
        if (!draft.attached)
          log.log(
            'warn',
            'attachment-too-large',
            m.tooLarge(list.id, megabytes(draft.encodedBytes), megabytes(email.attachmentLimitMB * 1e6)),
            { ...fields, encodedBytes: draft.encodedBytes },
          );
        if (options.dryRun) {
          const file = resolve(options.outboxDir, `${archive.pair}_${latest.name}_${list.id}.eml`);
          const message = await renderMessage(draft.mail);
          await onDisk(options.outboxDir, () => writeFileAtomic(file, message));
          log.log('info', 'drafted', m.drafted(shownPath(file)), { ...fields, file: shownPath(file) });
          continue;
        }
        mailer ??= smtpMailer(smtp as SmtpSettings);
        const attempts = (before?.attempts ?? 0) + 1;
        const summary = {
          edition: latest.name,
          id: latest.id,
          list: list.id,
          attempts,
          attached: draft.attached,
        };
        const vintage = latest.set.meta.vintage.period;
        let superseded: { edition: string }[];
        try {
          const sent = await mailer.send(draft.mail);
          superseded = recordDelivery(record, { ...summary, status: 'sent', ...sent });
          log.log('info', 'delivered', m.sent(list.id, archive.pair, vintage, sent.accepted.length), {
            ...fields,
            messageId: sent.messageId,
            accepted: sent.accepted,
            rejected: sent.rejected,
            attempts,
          });
          if (sent.rejected.length > 0)
            log.log('warn', 'recipients-rejected', m.partlyRejected(list.id, sent.rejected), {
              ...fields,
              rejected: sent.rejected,
            });
        } catch (error) {
          const failure = describeFailure(error, smtp as SmtpSettings);
          failed++;
          const { why, ...code } = failure;
          superseded = recordDelivery(record, { ...summary, status: 'failed', error: code });
          log.log('error', 'delivery-failed', m.failed(list.id, archive.pair, vintage, why), {
            ...fields,
            ...code,
            attempts,
          });
        }
        for (const old of superseded)
          log.log('warn', 'delivery-superseded', m.superseded(list.id, old.edition), {
            ...fields,
            superseded: old.edition,
          });
        // Recorded after each message: a run stopped half-way does not send the others' twice.
        await onDisk(archive.dir, () => saveDeliveries(archive, record));
      }
    }
  } finally {
    mailer?.close();
  }
  if (owed === 0) log.log('info', 'up-to-date', m.upToDate());
  return failed;
}

/**
 * A folder that cannot be written (no permission, read-only, full) is a fault of the machine, not of
 * tradebrief: said as such, with the system's code, and exit code 2 as for a wrong --site or --out.
 */
async function onDisk<T>(folder: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && DISK_ERRORS.has(code))
      throw new InputError([{ file: shownPath(folder), message: m.cannotWrite(code) }]);
    throw error;
  }
}

const DISK_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'EEXIST']);

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
