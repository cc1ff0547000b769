import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AddressObject, simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tradebrief } from '../helpers.ts';
import { copyInputs, json } from '../run/helpers.ts';
import { cli, closedPort, startSmtp, type TestSmtp } from './helpers.ts';

interface Delivery {
  edition: string;
  list: string;
  status: string;
  attempts: number;
  accepted?: string[];
  rejected?: string[];
  error?: { code: string };
}

const LOGIN = { user: 'briefings', password: 'correct horse battery staple' };
const LISTS = [
  { id: 'desk', to: ['desk@example.org'], cc: ['chief@example.org'] },
  { id: 'ministry', to: ['minister@example.org', 'refused@example.org'], bcc: ['archive@example.org'] },
];

let smtp: TestSmtp;
let inputs: string;
let out: string;
let config: string;

function writeConfig(publish: Record<string, unknown>): void {
  const base = JSON.parse(readFileSync(join(inputs, 'tradebrief.config.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  writeFileSync(config, JSON.stringify({ ...base, publish }, null, 2));
}

const env = (port: number) => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(port),
  SMTP_TLS: 'none',
  SMTP_USER: LOGIN.user,
  SMTP_PASSWORD: LOGIN.password,
});

const publish = (port: number, extra: string[] = []) =>
  cli(['publish', '--out', out, '--config', config, '--site', join(out, 'site'), ...extra], env(port));

const deliveries = () =>
  json<{ deliveries: Delivery[] }>(join(out, 'archive/IND-RUS/deliveries.json')).deliveries;

const addresses = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address));

beforeAll(async () => {
  smtp = await startSmtp({ ...LOGIN, refuse: new Set(['refused@example.org']) });
  inputs = copyInputs();
  out = tempDir();
  config = join(tempDir(), 'tradebrief.config.json');
  writeConfig({ email: { from: 'Trade desk <briefings@example.org>', lists: LISTS } });
  expect(tradebrief(['run', '--inputs', inputs, '--out', out, '--config', config]).status).toBe(0);
}, 300_000);

afterAll(async () => {
  await smtp?.close();
});

describe('e-mail of a new edition over SMTP', () => {
  it('sends one message per list, with the subject, figures, findings and the PDF attached', async () => {
    const { code, logs } = await publish(smtp.port);
    expect(code).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.logins.every((l) => l.user === LOGIN.user && l.password === LOGIN.password)).toBe(true);
    const [desk, ministry] = smtp.received;
    // The envelope: To and Cc for the desk; the ministry's refused address is not delivered, its Bcc is.
    expect(desk?.to.sort()).toEqual(['chief@example.org', 'desk@example.org']);
    expect(ministry?.to.sort()).toEqual(['archive@example.org', 'minister@example.org']);
    expect(desk?.from).toBe('briefings@example.org');

    const mail = await simpleParser(desk?.raw as Buffer);
    expect(mail.subject).toBe('India–Russia trade briefing: data to FY2025-26 (provisional)');
    expect(addresses(mail.to)).toEqual(['desk@example.org']);
    expect(addresses(mail.cc)).toEqual(['chief@example.org']);
    const bccHidden = await simpleParser(ministry?.raw as Buffer);
    expect(bccHidden.headers.has('bcc')).toBe(false);
    // Total trade FY2025-26 = exports 4,493.51 + imports 55,369.62 US$ million (inputs/trade_totals_ftspcc.csv).
    const total = ((4493.51 + 55369.62) / 1000).toFixed(1);
    expect(mail.text).toContain(`Total trade, FY2025-26*: USD ${total} bn`);
    expect(mail.text).toContain('Key findings');
    expect(mail.text).toContain('Trade between India and Russia was');
    expect(mail.text).not.toContain('Changes since the last edition');
    expect(mail.html).toContain(`USD ${total} bn`);
    expect(mail.attachments).toHaveLength(1);
    const attachment = mail.attachments[0];
    expect(attachment?.contentType).toBe('application/pdf');
    expect(attachment?.filename).toBe('briefing-IND-RUS-FY2025-26-provisional.pdf');
    expect(Buffer.compare(attachment?.content as Buffer, readFileSync(join(out, 'briefing.pdf')))).toBe(0);

    // The refused recipient is reported, in the log and in the record, and the message counts as sent.
    const rejected = logs.find((l) => l.event === 'recipients-rejected');
    expect(rejected).toMatchObject({ level: 'warn', list: 'ministry', rejected: ['refused@example.org'] });
    const record = deliveries();
    expect(record.map((d) => [d.list, d.status, d.attempts])).toEqual([
      ['desk', 'sent', 1],
      ['ministry', 'sent', 1],
    ]);
    expect(record[1]?.rejected).toEqual(['refused@example.org']);
    // The password goes to the server only: never to the log or the record.
    expect(JSON.stringify(logs)).not.toContain(LOGIN.password);
    expect(readFileSync(join(out, 'archive/IND-RUS/deliveries.json'), 'utf8')).not.toContain(LOGIN.password);
  });

  it('sends nothing more when the edition was already delivered', async () => {
    const { code, logs } = await publish(smtp.port);
    expect(code).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(logs.map((l) => l.event)).toContain('up-to-date');
  });

  it('reports a refused connection with exit code 69, and delivers the revision on the next run', async () => {
    // Revise FY2025-26 exports from 4,493.51 to 4,600.00 US$ million: a new edition.
    const file = join(inputs, 'trade_totals_ftspcc.csv');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'FY2025-26,IND,RUS,export,TOTAL,4493.51',
        'FY2025-26,IND,RUS,export,TOTAL,4600.00',
      ),
    );
    expect(tradebrief(['run', '--inputs', inputs, '--out', out, '--config', config]).status).toBe(0);

    const refused = await publish(await closedPort());
    expect(refused.code).toBe(69);
    const failures = refused.logs.filter((l) => l.event === 'delivery-failed');
    expect(failures.map((l) => l.list)).toEqual(['desk', 'ministry']);
    expect(failures[0]).toMatchObject({ level: 'error', code: 'ESOCKET', attempts: 1 });
    expect(failures[0]?.message).toMatch(/could not reach the SMTP server 127\.0\.0\.1:\d+ \(ESOCKET\)/);
    expect(refused.logs.at(-1)).toMatchObject({ event: 'deliveries-failed', failed: 2 });
    expect(smtp.received).toHaveLength(2);
    const failed = deliveries().filter((d) => d.status === 'failed');
    expect(failed.map((d) => [d.list, d.attempts, d.error?.code])).toEqual([
      ['desk', 1, 'ESOCKET'],
      ['ministry', 1, 'ESOCKET'],
    ]);

    const retried = await publish(smtp.port);
    expect(retried.code).toBe(0);
    expect(smtp.received).toHaveLength(4);
    const mail = await simpleParser(smtp.received[2]?.raw as Buffer);
    expect(addresses(mail.to)).toEqual(['desk@example.org']);
    expect(mail.text).toContain('Changes since the last edition');
    // The revised value, before and after, with the change worked out here from the two figures.
    const change = (((4600 - 4493.51) / 4493.51) * 100).toFixed(1);
    expect(mail.text).toContain(`Exports to Russia, FY2025-26: USD 4,494 m → USD 4,600 m (+${change} %)`);
    expect(mail.html).toContain('USD 4,494 m');
    expect(
      Buffer.compare(mail.attachments[0]?.content as Buffer, readFileSync(join(out, 'briefing.pdf'))),
    ).toBe(0);
    const latest = deliveries().filter((d) => d.attempts === 2);
    expect(latest.map((d) => [d.list, d.status])).toEqual([
      ['desk', 'sent'],
      ['ministry', 'sent'],
    ]);

    expect((await publish(smtp.port)).code).toBe(0);
    expect(smtp.received).toHaveLength(4);
  }, 300_000);

  it('writes .eml files on a dry run and sends nothing; a PDF over the limit becomes a link', async () => {
    writeConfig({
      siteUrl: 'https://example.org/briefings/',
      email: {
        from: 'briefings@example.org',
        subject: '{pair}, {vintage}: edition {edition}',
        attachmentLimitMB: 0.01,
        lists: [{ id: 'preview', to: ['me@example.org'] }],
      },
    });
    const before = readFileSync(join(out, 'archive/IND-RUS/deliveries.json'), 'utf8');
    const { code } = await cli(['publish', '--out', out, '--config', config, '--dry-run'], {});
    expect(code).toBe(0);
    expect(smtp.received).toHaveLength(4);
    expect(readFileSync(join(out, 'archive/IND-RUS/deliveries.json'), 'utf8')).toBe(before);
    const files = readdirSync(join(out, 'outbox'));
    expect(files).toHaveLength(1);
    const editions = json<{ id: string; dir: string }[]>(join(out, 'archive/IND-RUS/editions.json'));
    const latest = editions.at(-1) as { id: string; dir: string };
    const mail = await simpleParser(readFileSync(join(out, 'outbox', files[0] as string)));
    expect(mail.subject).toBe(`India–Russia, FY2025-26 (provisional): edition ${latest.id.slice(0, 8)}`);
    expect(mail.attachments).toHaveLength(0);
    const name = latest.dir.split('/').at(-1);
    expect(mail.text).toContain(`https://example.org/briefings/IND-RUS/${name}/briefing.pdf`);
    expect(mail.text).toContain(`https://example.org/briefings/IND-RUS/index.html#${name}`);
    // Dated as the edition, not by the clock, with the same part boundaries: the same bytes again.
    expect(mail.date?.toISOString()).toBe('2026-03-31T00:00:00.000Z');
    const drafted = readFileSync(join(out, 'outbox', files[0] as string));
    expect((await cli(['publish', '--out', out, '--config', config, '--dry-run'], {})).code).toBe(0);
    expect(readFileSync(join(out, 'outbox', files[0] as string)).equals(drafted)).toBe(true);
  });

  it('publishes after a run with run --publish, also when the briefing is up to date', () => {
    writeConfig({
      email: { from: 'briefings@example.org', lists: [{ id: 'cron', to: ['cron@example.org'] }] },
    });
    const alone = tradebrief(['run', '--inputs', inputs, '--out', out, '--config', config, '--dry-run']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--site and --dry-run go with --publish');
    const args = ['run', '--inputs', inputs, '--out', out, '--config', config, '--publish', '--dry-run'];
    const chained = tradebrief(args);
    expect(chained.status).toBe(0);
    // Who receives the briefing is not part of it: the new list does not make a new edition.
    expect(chained.stderr).toContain('up to date');
    const latest = json<{ dir: string }[]>(join(out, 'archive/IND-RUS/editions.json')).at(-1);
    expect(readdirSync(join(out, 'outbox'))).toContain(`IND-RUS_${latest?.dir.split('/').at(-1)}_cron.eml`);
    expect(readFileSync(join(out, 'site', 'index.html'), 'utf8')).toContain('India–Russia trade briefing');
  });

  it('refuses to send without SMTP_HOST, before writing anything', async () => {
    writeConfig({
      email: { from: 'briefings@example.org', lists: [{ id: 'other', to: ['x@example.org'] }] },
    });
    const site = join(tempDir(), 'site');
    const { code, logs } = await cli(['publish', '--out', out, '--config', config, '--site', site], {});
    expect(code).toBe(2);
    expect(logs[0]).toMatchObject({ event: 'input-problem', file: 'environment', key: 'SMTP_HOST' });
    expect(logs[0]?.message).toMatch(/^SMTP_HOST is not set/);
    expect(() => readdirSync(site)).toThrow();
  });
});
