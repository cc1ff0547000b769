import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.ts';
import { InputError } from '../../src/core/errors.ts';
import { publishMessages as m } from '../../src/core/messages.ts';
import { type DeliveryRecord, recordDelivery } from '../../src/publish/deliveries.ts';
import { BASE64_GROWTH } from '../../src/publish/email.ts';
import { describeFailure, smtpFromEnv } from '../../src/publish/smtp.ts';

const pair = { reporter: 'IND', partner: 'RUS' };

function problems(fn: () => unknown): { key?: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('the publish config', () => {
  const email = (extra: Record<string, unknown>) => ({
    ...pair,
    publish: {
      email: { from: 'briefings@example.org', lists: [{ id: 'desk', to: ['d@example.org'] }], ...extra },
    },
  });

  it('names the key of an unknown subject placeholder, a bad address and a list id used twice', () => {
    expect(problems(() => parseConfig(email({ subject: '{pair} {vintag}' }), 'c.json'))).toEqual([
      {
        file: 'c.json',
        key: 'publish.email.subject',
        message:
          'expected placeholders among {title}, {pair}, {reporter}, {partner}, {vintage}, {date}, {edition}',
      },
    ]);
    const lists = [
      { id: 'desk', to: ['d@example.org'] },
      { id: 'desk', to: ['not an address'] },
    ];
    expect(problems(() => parseConfig(email({ lists }), 'c.json')).map((p) => p.key)).toEqual([
      'publish.email.lists.1.to.0',
    ]);
    lists[1] = { id: 'desk', to: ['e@example.org'] };
    expect(problems(() => parseConfig(email({ lists }), 'c.json'))).toMatchObject([
      { key: 'publish.email.lists.1.id', message: expect.stringContaining('"desk" is used twice') },
    ]);
  });

  it('takes one sender, a site address the pages can be named after, and a list of pairs or none', () => {
    const keys = (config: Record<string, unknown>) =>
      problems(() => parseConfig(config, 'c.json')).map((p) => p.key);
    // A comma outside quotes makes the name a sender of its own: "a" and evil@x.org.
    for (const from of ['a,evil@x.org', 'Desk, Trade <d@example.org>', 'd@example.org; e@example.org'])
      expect([from, keys(email({ from }))]).toEqual([from, ['publish.email.from']]);
    for (const from of ['"Desk, Trade" <d@example.org>', 'Trade desk <d@example.org>', 'd@example.org'])
      expect([from, keys(email({ from }))]).toEqual([from, []]);
    const site = (siteUrl: string) => ({ ...pair, publish: { siteUrl } });
    expect(keys(site('https://example.org/b?x=1'))).toEqual(['publish.siteUrl']);
    expect(keys(site('https://example.org/b/#top'))).toEqual(['publish.siteUrl']);
    expect(keys(site('https://example.org/briefings/'))).toEqual([]);
    expect(keys(email({ lists: [{ id: 'desk', to: ['d@example.org'], pairs: [] }] }))).toEqual([
      'publish.email.lists.0.pairs',
    ]);
  });

  it('fills the defaults: subject template and a 10 MB limit', () => {
    const config = parseConfig(email({}), 'c.json');
    expect(config.publish?.email?.subject).toBe('{pair} trade briefing: data to {vintage}');
    expect(config.publish?.email?.attachmentLimitMB).toBe(10);
  });
});

describe('the SMTP settings from the environment', () => {
  it('reads host, port, TLS mode and login, with 587 and 465 as default ports', () => {
    expect(smtpFromEnv({ SMTP_HOST: 'mail.example.org' })).toEqual({
      host: 'mail.example.org',
      port: 587,
      tls: 'starttls',
    });
    expect(smtpFromEnv({ SMTP_HOST: 'mail.example.org', SMTP_TLS: 'implicit' }).port).toBe(465);
    expect(
      smtpFromEnv({
        SMTP_HOST: 'h',
        SMTP_PORT: '2525',
        SMTP_TLS: 'none',
        SMTP_USER: 'u',
        SMTP_PASSWORD: 'p',
      }),
    ).toEqual({ host: 'h', port: 2525, tls: 'none', user: 'u', password: 'p' });
  });

  it('names each wrong variable, and never echoes the password', () => {
    const found = problems(() =>
      smtpFromEnv({ SMTP_PORT: '99999', SMTP_TLS: 'ssl', SMTP_PASSWORD: 'hunter2-secret' }),
    );
    expect(found.map((p) => p.key)).toEqual(['SMTP_HOST', 'SMTP_TLS', 'SMTP_PORT', 'SMTP_USER']);
    expect(JSON.stringify(found)).not.toContain('hunter2-secret');
  });

  it('says what a failure means in its own words, keeping the codes', () => {
    const settings = { host: 'mail.example.org', port: 587, tls: 'starttls' as const };
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:587'), { code: 'ESOCKET' });
    expect(describeFailure(refused, settings)).toEqual({
      code: 'ESOCKET',
      why: 'could not reach the SMTP server mail.example.org:587 (ESOCKET)',
    });
    const big = Object.assign(new Error('552 5.3.4 Message size exceeds fixed maximum'), {
      code: 'EMESSAGE',
      responseCode: 552,
    });
    expect(describeFailure(big, settings)).toMatchObject({ code: 'EMESSAGE', responseCode: 552 });
    expect(describeFailure(big, settings).why).toContain('attachmentLimitMB');
    expect(describeFailure(big, settings).why).not.toContain('5.3.4');

    // The step the server refused tells what to check: the sender, the recipients, the upgrade, the login.
    const refusal = (code: string, responseCode: number | undefined, command: string) =>
      describeFailure(Object.assign(new Error('library text'), { code, responseCode, command }), settings)
        .why;
    expect(refusal('EENVELOPE', 553, 'MAIL FROM')).toBe(m.why.senderRefused('553 (EENVELOPE)'));
    expect(refusal('EENVELOPE', 550, 'RCPT TO')).toBe(m.why.allRejected());
    expect(refusal('EENVELOPE', 451, 'DATA')).toBe(m.why.answered('451 (EENVELOPE)'));
    expect(refusal('EENVELOPE', 530, 'MAIL FROM')).toBe(m.why.noLogin());
    expect(refusal('ETLS', 502, 'STARTTLS')).toBe(m.why.upgradeRefused('mail.example.org', '502 (ETLS)'));
    expect(refusal('ETLS', undefined, 'CONN')).toBe(m.why.tls('mail.example.org'));
    const required = { ...settings, tls: 'required' as const };
    const noUpgrade = Object.assign(new Error('x'), { code: 'ETLS', command: 'CONN' });
    expect(describeFailure(noUpgrade, required).why).toBe(m.why.requireTls('mail.example.org'));
    expect(refusal('ECONNECTION', undefined, 'CONN')).toBe(
      m.why.connectionLost('mail.example.org', 587, 'ECONNECTION'),
    );
  });
});

describe('the deliveries record', () => {
  it('marks an edition that never got through as superseded once a newer one is delivered', () => {
    const record: DeliveryRecord = {
      schema: 'tradebrief/deliveries@1',
      deliveries: [
        { edition: 'A', id: 'a', list: 'desk', status: 'failed', attempts: 3, error: { code: 'ESOCKET' } },
        { edition: 'A', id: 'a', list: 'other', status: 'failed', attempts: 1, error: { code: 'ESOCKET' } },
      ],
    };
    const superseded = recordDelivery(record, {
      edition: 'B',
      id: 'b',
      list: 'desk',
      status: 'sent',
      attempts: 1,
    });
    expect(superseded.map((d) => d.edition)).toEqual(['A']);
    expect(record.deliveries.map((d) => [d.edition, d.list, d.status])).toEqual([
      ['A', 'desk', 'superseded'],
      ['A', 'other', 'failed'],
      ['B', 'desk', 'sent'],
    ]);
  });

  it('checks attachments against the limit as base64 sizes them: 4 bytes for 3, plus line breaks', () => {
    // 4/3 for base64, and a CRLF every 76 characters: 4/3 × 78/76 = 1.368, which 1.37 rounds up.
    expect(BASE64_GROWTH).toBeGreaterThanOrEqual((4 / 3) * (78 / 76));
  });
});
