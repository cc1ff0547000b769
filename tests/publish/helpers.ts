import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { main } from '../../src/cli/main.ts';

/** A message as the test SMTP server received it: the envelope and the raw bytes. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface TestSmtp {
  port: number;
  received: Received[];
  logins: { user: string; password: string }[];
  close(): Promise<void>;
}

/**
 * A real SMTP server in the test process on 127.0.0.1 and a free port: plain text (no STARTTLS),
 * a login required, recipients in `refuse` rejected with 550 as a mail server rejects unknown users,
 * and those in `defer` (while they are in it) with 450, "try again later", as a full mailbox is.
 */
export async function startSmtp(options: {
  user: string;
  password: string;
  refuse?: Set<string>;
  defer?: Set<string>;
  /** Awaited once a message's data is in, before the server accepts it. */
  beforeAccept?: () => Promise<void>;
}): Promise<TestSmtp> {
  const received: Received[] = [];
  const logins: TestSmtp['logins'] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.has(address.address))
        return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      if (options.defer?.has(address.address))
        return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 450 }));
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        await options.beforeAccept?.();
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, logins, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface LogLine {
  level: string;
  event: string;
  message: string;
  [key: string]: unknown;
}

/** Runs the command line in this process (so the test's SMTP server keeps serving), with JSON logs. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; logs: LogLine[] }> {
  let text = '';
  const stderr = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  const stdout = new Writable({ write: (_chunk, _encoding, done) => done() });
  const code = await main([...args, '--log-format', 'json'], { stdout, stderr, env });
  const logs = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
  return { code, logs };
}
