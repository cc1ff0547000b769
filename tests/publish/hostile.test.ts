import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/core/lock.ts';
import { cliMessages, publishMessages as m } from '../../src/core/messages.ts';
import { BIN, ROOT, tempDir, tradebrief } from '../helpers.ts';
import { copyInputs, json } from '../run/helpers.ts';
import { cli, startSmtp, type TestSmtp } from './helpers.ts';

interface Delivery {
  list: string;
  status: string;
  attempts: number;
  accepted?: string[];
  rejected?: string[];
  deferred?: string[];
}

const LOGIN = { user: 'briefings', password: 'correct horse battery staple' };
const defer = new Set<string>();
const refuse = new Set<string>();
let smtp: TestSmtp;
let out: string;
let config: string;

const env = () => ({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(smtp.port),
  SMTP_TLS: 'none',
  SMTP_USER: LOGIN.user,
  SMTP_PASSWORD: LOGIN.password,
});
const publish = (extra: string[] = [], outDir = out) =>
  cli(['publish', '--out', outDir, '--config', config, ...extra], env());
const record = () =>
  json<{ deliveries: Delivery[] }>(join(out, 'archive/IND-RUS/deliveries.json')).deliveries;
const said = (logs: { message: string }[]) => logs.map((l) => l.message).join('\n');

beforeAll(async () => {
  smtp = await startSmtp({ ...LOGIN, defer, refuse });
  const inputs = copyInputs();
  out = tempDir();
  config = join(tempDir(), 'tradebrief.config.json');
  const base = JSON.parse(readFileSync(join(inputs, 'tradebrief.config.json'), 'utf8')) as object;
  const lists = [{ id: 'desk', to: ['desk@example.org', 'busy@example.org'] }];
  writeFileSync(config, JSON.stringify({ ...base, publish: { email: { from: 'd@example.org', lists } } }));
  expect(tradebrief(['run', '--inputs', inputs, '--out', out, '--config', config]).status).toBe(0);
}, 300_000);

afterAll(async () => {
  await smtp?.close();
});

describe('publish against what a scheduled run meets', () => {
  it('refuses a --site that holds --out, or lies in its archive, and removes nothing', async () => {
    const site = tempDir();
    expect((await cli(['publish', '--out', out, '--site', site])).code).toBe(0);
    // The outputs copied into the site's folder: publishing there would remove them as not the site's.
    const inner = join(site, 'out');
    cpSync(out, inner, { recursive: true, verbatimSymlinks: true });
    const holds = await cli(['publish', '--out', inner, '--site', site]);
    expect(holds.code).toBe(2);
    expect(said(holds.logs)).toContain(cliMessages.siteHoldsOut(site, inner));
    expect(existsSync(join(inner, 'archive/IND-RUS/editions.json'))).toBe(true);
    const archived = join(out, 'archive/IND-RUS/site');
    const inArchive = await cli(['publish', '--out', out, '--site', archived]);
    expect(inArchive.code).toBe(2);
    expect(said(inArchive.logs)).toContain(cliMessages.siteInOutputs(archived, out, 'archive'));
    expect(existsSync(archived)).toBe(false);
    // A folder of the user's own under --out may hold a site, whatever it is called further down.
    expect((await cli(['publish', '--out', out, '--site', join(out, 'www', 'charts')])).code).toBe(0);
  });

  it('sends a message a server deferred for some recipients again, to those alone', async () => {
    defer.add('busy@example.org');
    const first = await publish();
    expect(first.code).toBe(69);
    expect(said(first.logs)).toContain(m.partlyDeferred('desk', ['busy@example.org']));
    expect(smtp.received.map((r) => r.to)).toEqual([['desk@example.org']]);
    expect(record()).toMatchObject([
      {
        list: 'desk',
        status: 'failed',
        attempts: 1,
        accepted: ['desk@example.org'],
        deferred: ['busy@example.org'],
      },
    ]);

    defer.clear();
    const retried = await publish();
    expect(retried.code).toBe(0);
    expect(smtp.received.map((r) => r.to)).toEqual([['desk@example.org'], ['busy@example.org']]);
    // The same message: its headers still name both, and its Message-ID is the first one's.
    const [sent, again] = await Promise.all(smtp.received.map((r) => simpleParser(r.raw)));
    expect(again?.messageId).toBe(sent?.messageId);
    expect(again?.to).toEqual(sent?.to);
    const [delivery] = record();
    expect(delivery).toMatchObject({ status: 'sent', attempts: 2 });
    expect(delivery?.accepted).toEqual(['desk@example.org', 'busy@example.org']);
    expect(delivery?.deferred).toBeUndefined();

    expect((await publish()).code).toBe(0);
    expect(smtp.received).toHaveLength(2);

    // Deferred again, then refused for good: it is done, the others having it, never tried again.
    writeFileSync(join(out, 'archive/IND-RUS/deliveries.json'), '{"deliveries":[]}');
    defer.add('busy@example.org');
    expect((await publish()).code).toBe(69);
    defer.clear();
    refuse.add('busy@example.org');
    const refused = await publish();
    expect(refused.code).toBe(0);
    expect(said(refused.logs)).toContain(m.partlyRejected('desk', ['busy@example.org']));
    expect(record()).toMatchObject([
      { status: 'sent', attempts: 2, accepted: ['desk@example.org'], rejected: ['busy@example.org'] },
    ]);
    expect((await publish()).code).toBe(0);
    refuse.clear();
    expect(smtp.received).toHaveLength(3);
  });

  it('waits for another publish sending from the same archive, or writing the same site', async () => {
    writeFileSync(join(out, 'archive/IND-RUS/deliveries.json'), '{"deliveries":[]}');
    const site = tempDir();
    for (const held of [join(out, 'archive/IND-RUS'), site]) {
      const release = await acquireLock(held);
      try {
        const locked = await publish(['--site', site]);
        expect([held, locked.code]).toEqual([held, 75]);
      } finally {
        await release();
      }
    }
    expect(smtp.received).toHaveLength(3);
    // What a publish killed while writing the record left of it goes, under the archive's lock.
    const left = join(out, 'archive/IND-RUS/.deliveries.json.tmp-99999');
    writeFileSync(left, '{"deliv');
    expect((await publish(['--site', site])).code).toBe(0);
    expect(smtp.received).toHaveLength(4);
    expect(existsSync(left)).toBe(false);
  });

  it('names a record changed by hand, and sends nothing from it', async () => {
    const file = join(out, 'archive/IND-RUS/deliveries.json');
    const kept = readFileSync(file, 'utf8');
    for (const text of [
      '{"deliveries":[null]}',
      '{"deliveries":["x"]}',
      '{"deliveries":[{"list":"desk"}]}',
    ]) {
      writeFileSync(file, text);
      const result = await publish();
      expect([text, result.code]).toEqual([text, 2]);
      expect(said(result.logs)).toContain(m.notDeliveryRecord());
    }
    writeFileSync(file, kept);
    const editions = join(out, 'archive/IND-RUS/editions.json');
    const list = readFileSync(editions, 'utf8');
    writeFileSync(editions, '[{"id":"x"}]');
    const result = await publish();
    expect(result.code).toBe(2);
    expect(said(result.logs)).toContain(m.notEditionList());
    writeFileSync(editions, list);
    // A record that cannot be written (a folder in its place): nothing is sent that it could not hold.
    rmSync(file);
    mkdirSync(file);
    const unwritable = await publish();
    expect(unwritable.code).toBe(2);
    expect(said(unwritable.logs)).toContain(m.cannotWrite('EISDIR'));
    rmSync(file, { recursive: true });
    writeFileSync(file, kept);
    expect(smtp.received).toHaveLength(4);
  });
});

describe('publish stopped by a scheduler', () => {
  it('finishes and records the message in flight before it stops, and sends it once', async () => {
    writeFileSync(join(out, 'archive/IND-RUS/deliveries.json'), '{"deliveries":[]}');
    let child: ReturnType<typeof spawn> | undefined;
    // SIGTERM while the server holds the message, before it accepts it.
    const server = await startSmtp({
      ...LOGIN,
      beforeAccept: async () => {
        child?.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    });
    try {
      child = spawn(
        process.execPath,
        [BIN, 'publish', '--out', out, '--config', config, '--site', tempDir()],
        {
          cwd: ROOT,
          env: { ...process.env, ...env(), SMTP_PORT: String(server.port), NO_COLOR: '1' },
        },
      );
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += String(chunk);
      });
      const code = await new Promise((resolve) => child?.on('close', resolve));
      expect(code).toBe(128 + 15);
      expect(stderr).toContain(m.stoppedBySignal('SIGTERM'));
      expect(server.received).toHaveLength(1);
      expect(record()).toMatchObject([{ list: 'desk', status: 'sent', attempts: 1 }]);
      const again = await cli(['publish', '--out', out, '--config', config], {
        ...env(),
        SMTP_PORT: String(server.port),
      });
      expect(again.code).toBe(0);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 120_000);
});

const canUnshare = spawnSync('unshare', ['--mount', 'true']).status === 0;

describe('publish on a disk that refuses', () => {
  it.runIf(canUnshare)(
    'sends nothing it could not record, and says the disk refused (exit code 74)',
    async () => {
      writeFileSync(join(out, 'archive/IND-RUS/deliveries.json'), '{"deliveries":[]}');
      const archive = join(out, 'archive/IND-RUS');
      const site = tempDir();
      // The pair's archive read-only in a mount namespace of its own; the site and the lock writable.
      const script = [
        `mount --bind ${archive} ${archive}`,
        `mount -o remount,bind,ro ${archive}`,
        `${process.execPath} ${BIN} publish --out ${out} --config ${config} --site ${site}; echo "exit $?"`,
      ].join(' && ');
      const child = spawn('unshare', ['--mount', 'sh', '-c', script], {
        cwd: ROOT,
        env: { ...process.env, ...env(), NO_COLOR: '1' },
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += String(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        text += String(chunk);
      });
      await new Promise((resolve) => child.on('close', resolve));
      expect(text).toContain('exit 74');
      expect(text).toContain('read-only');
      expect(smtp.received).toHaveLength(4);
    },
    120_000,
  );
});
