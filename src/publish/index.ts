import { constants } from 'node:os';
import { relative, resolve } from 'node:path';
import { readLogo } from '../briefing/logo.ts';
import type { Config } from '../config/schema.ts';
import { writeFileAtomic } from '../core/atomic.ts';
import { asDiskError, ExitCode, InputError } from '../core/errors.ts';
import { acquireLock } from '../core/lock.ts';
import type { Logger } from '../core/log.ts';
import { publishMessages as m } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';
import {
  type Delivery,
  type DeliveryRecord,
  deliveryOf,
  readDeliveries,
  recordDelivery,
  removeLeftRecords,
  saveDeliveries,
} from './deliveries.ts';
import { type PairArchive, type PublishedEdition, readArchives } from './editions.ts';
import { type Draft, draftMessage } from './email.ts';
import type { Branding } from './pages.ts';
import { logoName, writeSite } from './site.ts';
import {
  describeFailure,
  type Mailer,
  refusedForGood,
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
  /** How long to wait for another publish holding the site or a pair's deliveries record. */
  waitSeconds: number;
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
      waitSeconds: options.waitSeconds,
      onUnlocked: (code) =>
        log.log('warn', 'site-unlocked', m.siteUnlocked(shownPath(options.siteDir), code), { code }),
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
  const guard = signalGuard();
  const failed = await deliver(archives, options, brand.accent, smtp, guard);
  const signal = guard.caught();
  if (signal) {
    log.log('error', 'stopped', m.stoppedBySignal(signal), { signal });
    return ExitCode.signalled + constants.signals[signal];
  }
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
  guard: SignalGuard,
): Promise<number> {
  let mailer: Mailer | undefined;
  const mailerOf = () => {
    mailer ??= smtpMailer(smtp as SmtpSettings);
    return mailer;
  };
  let failed = 0;
  let owed = 0;
  const archived = new Set(archives.map((a) => a.pair));
  for (const list of options.config?.publish?.email?.lists ?? []) {
    const missing = (list.pairs ?? []).filter((pair) => !archived.has(pair));
    if (missing.length > 0)
      options.log.log('warn', 'pairs-not-archived', m.pairsNotArchived(list.id, missing), {
        list: list.id,
        pairs: missing,
      });
  }
  try {
    for (const archive of archives) {
      if (guard.caught()) break;
      // Another publish may send from the same archive: one of a batch folder and one of a pair's in it.
      const release = options.dryRun
        ? undefined
        : await acquireLock(archive.dir, { waitSeconds: options.waitSeconds });
      try {
        if (release) await onDisk(archive.dir, () => removeLeftRecords(archive));
        const pair = await deliverPair(archive, options, accent, mailerOf, smtp, guard);
        failed += pair.failed;
        owed += pair.owed;
      } finally {
        await release?.();
      }
    }
  } finally {
    mailer?.close();
  }
  if (owed === 0) options.log.log('info', 'up-to-date', m.upToDate());
  return failed;
}

/** Sends each list what it is owed of a pair's latest edition, recording each delivery once made. */
async function deliverPair(
  archive: PairArchive,
  options: PublishOptions,
  accent: string,
  mailerOf: () => Mailer,
  smtp: SmtpSettings | undefined,
  guard: SignalGuard,
): Promise<{ failed: number; owed: number }> {
  const { log } = options;
  const email = options.config?.publish?.email;
  let failed = 0;
  let owed = 0;
  if (!email) return { failed, owed };
  const latest = archive.editions[archive.editions.length - 1] as PublishedEdition;
  const record = await readDeliveries(archive);
  for (const list of email.lists) {
    if (guard.caught()) break;
    if (list.pairs && !list.pairs.includes(archive.pair)) continue;
    const before = deliveryOf(record, latest, list.id);
    if (before?.status === 'sent') continue;
    // A message sent whose delivery cannot be recorded would be sent again: the record is written first.
    if (owed === 0 && !options.dryRun) await onDisk(archive.dir, () => saveDeliveries(archive, record));
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
      const message = await renderMessage(draft.mail, latest.date);
      await onDisk(options.outboxDir, () => writeFileAtomic(file, message));
      log.log('info', 'drafted', m.drafted(shownPath(file)), { ...fields, file: shownPath(file) });
      continue;
    }
    const attempt: Attempt = { archive, record, before, draft, fields, latest };
    if (await guard.around(() => sendAndRecord(attempt, options, mailerOf, smtp))) failed++;
  }
  return { failed, owed };
}

/** One list's message of one edition, about to be sent. */
interface Attempt {
  archive: PairArchive;
  record: DeliveryRecord;
  /** The list's earlier attempt at this edition, if any. */
  before: Delivery | undefined;
  draft: Draft;
  fields: { pair: string; edition: string; list: string };
  latest: PublishedEdition;
}

/** Sends one message and records its delivery; true when it failed (for some or all its recipients). */
async function sendAndRecord(
  { archive, record, before, draft, fields, latest }: Attempt,
  options: PublishOptions,
  mailerOf: () => Mailer,
  smtp: SmtpSettings | undefined,
): Promise<boolean> {
  const { log } = options;
  const attempts = (before?.attempts ?? 0) + 1;
  const summary = {
    edition: latest.name,
    id: latest.id,
    list: fields.list,
    attempts,
    attached: draft.attached,
  };
  const vintage = latest.set.meta.vintage.period;
  // Recipients a server deferred while accepting the others get the same message, and they alone.
  const owedTo = before?.status === 'failed' && before.deferred?.length ? before.deferred : undefined;
  const had = {
    accepted: owedTo ? (before?.accepted ?? []) : [],
    rejected: owedTo ? (before?.rejected ?? []) : [],
  };
  let superseded: { edition: string }[];
  let failed = false;
  try {
    const sent = await mailerOf().send(
      owedTo ? { ...draft.mail, envelope: { from: draft.mail.from, to: owedTo } } : draft.mail,
    );
    const { deferred, ...reply } = sent;
    failed = deferred.length > 0;
    superseded = recordDelivery(record, {
      ...summary,
      ...reply,
      status: failed ? 'failed' : 'sent',
      accepted: [...had.accepted, ...sent.accepted],
      rejected: [...had.rejected, ...sent.rejected],
      ...(failed ? { deferred } : {}),
    });
    if (sent.accepted.length > 0)
      log.log('info', 'delivered', m.sent(fields.list, archive.pair, vintage, sent.accepted.length), {
        ...fields,
        messageId: sent.messageId,
        accepted: sent.accepted,
        rejected: sent.rejected,
        attempts,
      });
    if (sent.rejected.length > 0)
      log.log('warn', 'recipients-rejected', m.partlyRejected(fields.list, sent.rejected), {
        ...fields,
        rejected: sent.rejected,
      });
    if (failed)
      log.log('error', 'recipients-deferred', m.partlyDeferred(fields.list, deferred), {
        ...fields,
        deferred,
        attempts,
      });
  } catch (error) {
    const { why, ...code } = describeFailure(error, smtp as SmtpSettings);
    // Those a retry was for, now refused for good: the others have it, and it is done.
    const gone = owedTo ? refusedForGood(error) : undefined;
    failed = !gone;
    superseded = recordDelivery(record, {
      ...summary,
      ...(gone
        ? { status: 'sent', accepted: had.accepted, rejected: [...had.rejected, ...gone] }
        : { status: 'failed', error: code, ...(owedTo ? { ...had, deferred: owedTo } : {}) }),
    });
    if (gone)
      log.log('warn', 'recipients-rejected', m.partlyRejected(fields.list, gone), {
        ...fields,
        rejected: gone,
      });
    else
      log.log('error', 'delivery-failed', m.failed(fields.list, archive.pair, vintage, why), {
        ...fields,
        ...code,
        attempts,
      });
  }
  for (const old of superseded)
    log.log('warn', 'delivery-superseded', m.superseded(fields.list, old.edition), {
      ...fields,
      superseded: old.edition,
    });
  // Recorded after each message: a run stopped half-way does not send the others' twice.
  await onDisk(archive.dir, () => saveDeliveries(archive, record));
  return failed;
}

/**
 * A folder the system refuses to write (no permission, read-only, full) is a fault of the machine, not
 * of tradebrief: exit code 74, with the system's code. A file where a folder should be, or the other way
 * round, is a wrong --site or --out: exit code 2.
 */
async function onDisk<T>(folder: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const disk = asDiskError(error, { path: folder });
    if (disk) throw disk;
    const code = (error as NodeJS.ErrnoException).code;
    if (code && NOT_A_FOLDER.has(code))
      throw new InputError([{ file: shownPath(folder), message: m.cannotWrite(code) }]);
    throw error;
  }
}

const NOT_A_FOLDER = new Set(['ENOTDIR', 'EISDIR', 'EEXIST']);

/** Holds off SIGTERM and SIGINT while a message goes out; `caught` says whether one came meanwhile. */
interface SignalGuard {
  around<T>(work: () => Promise<T>): Promise<T>;
  caught(): NodeJS.Signals | undefined;
}

/**
 * SIGTERM or SIGINT (a scheduler stopping the run) is held off while a message is sent and recorded:
 * killed between the two, the run would send it again next time. No new message is begun after it;
 * at any other moment, waiting for a lock say, the signal stops the run at once.
 */
function signalGuard(): SignalGuard {
  let caught: NodeJS.Signals | undefined;
  const hold = (signal: NodeJS.Signals) => {
    caught ??= signal;
  };
  return {
    caught: () => caught,
    async around(work) {
      process.on('SIGTERM', hold);
      process.on('SIGINT', hold);
      try {
        return await work();
      } finally {
        process.off('SIGTERM', hold);
        process.off('SIGINT', hold);
      }
    },
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
