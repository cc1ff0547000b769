import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_MARK, writeFileAtomic } from '../core/atomic.ts';
import { toJson } from '../core/context.ts';
import { InputError } from '../core/errors.ts';
import { publishMessages as m } from '../core/messages.ts';
import { shownPath } from '../core/paths.ts';
import type { PairArchive, PublishedEdition } from './editions.ts';

export const DELIVERIES = 'deliveries.json';

/** One list's delivery of one edition. */
export interface Delivery {
  /** The edition folder's name (vintage and PDF hash): what the list received. */
  edition: string;
  id: string;
  list: string;
  /** `superseded`: failed, then a newer edition came and was sent in its place. */
  status: 'sent' | 'failed' | 'superseded';
  attempts: number;
  messageId?: string;
  accepted?: string[];
  rejected?: string[];
  /** Refused for now (4xx) while the others accepted it: the message is sent again to these alone. */
  deferred?: string[];
  /** The last failure: the error's code and the server's reply code. */
  error?: { code: string; responseCode?: number };
  /** Whether the PDF went as an attachment (false: a link, as it was over the size limit). */
  attached?: boolean;
}

export interface DeliveryRecord {
  schema: 'tradebrief/deliveries@1';
  deliveries: Delivery[];
}

/**
 * archive/<PAIR>/deliveries.json: what each list was sent, so a rerun never sends an edition twice and
 * a failed delivery is tried again. Kept beside the editions it names.
 */
export async function readDeliveries(archive: PairArchive): Promise<DeliveryRecord> {
  const path = join(archive.dir, DELIVERIES);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { schema: 'tradebrief/deliveries@1', deliveries: [] };
  }
  let record: DeliveryRecord;
  try {
    record = JSON.parse(text) as DeliveryRecord;
  } catch {
    throw new InputError([{ file: shownPath(path), message: m.notJson() }]);
  }
  if (!Array.isArray(record?.deliveries) || !record.deliveries.every(isDelivery))
    throw new InputError([{ file: shownPath(path), message: m.notDeliveryRecord() }]);
  return record;
}

const STATUSES: readonly unknown[] = ['sent', 'failed', 'superseded'] satisfies Delivery['status'][];

/** Whether an entry of the record has the fields a delivery is told by. */
function isDelivery(entry: unknown): entry is Delivery {
  const fields = entry as Partial<Record<keyof Delivery, unknown>> | null;
  return (
    typeof fields === 'object' &&
    fields !== null &&
    typeof fields.edition === 'string' &&
    typeof fields.list === 'string' &&
    STATUSES.includes(fields.status) &&
    Number.isInteger(fields.attempts)
  );
}

export async function saveDeliveries(archive: PairArchive, record: DeliveryRecord): Promise<void> {
  await writeFileAtomic(join(archive.dir, DELIVERIES), toJson(record));
}

/** Removes what a publish killed while writing the record left of it; called under the archive's lock. */
export async function removeLeftRecords(archive: PairArchive): Promise<void> {
  const left = `.${DELIVERIES}${TEMP_MARK}`;
  for (const name of await readdir(archive.dir))
    if (name.startsWith(left)) await rm(join(archive.dir, name), { force: true });
}

/** The list's delivery of the edition, if any. */
export function deliveryOf(
  record: DeliveryRecord,
  edition: PublishedEdition,
  list: string,
): Delivery | undefined {
  return record.deliveries.find((d) => d.edition === edition.name && d.list === list);
}

/**
 * Sets the delivery of an edition to a list, in place of an earlier attempt; earlier editions that
 * failed for the list are marked superseded (returned, to report): the newest edition is what is owed.
 */
export function recordDelivery(record: DeliveryRecord, delivery: Delivery): Delivery[] {
  const superseded: Delivery[] = [];
  record.deliveries = record.deliveries.filter(
    (d) => !(d.edition === delivery.edition && d.list === delivery.list),
  );
  for (const d of record.deliveries)
    if (d.list === delivery.list && d.status === 'failed') {
      d.status = 'superseded';
      superseded.push(d);
    }
  record.deliveries.push(delivery);
  return superseded;
}
