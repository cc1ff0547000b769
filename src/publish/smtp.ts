import { createHash } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { InputError, type Problem } from '../core/errors.ts';
import { publishMessages as m } from '../core/messages.ts';

/**
 * How the connection is secured, from SMTP_TLS: `starttls` upgrades when the server offers it and
 * checks its certificate; `required` refuses a server that does not offer it; `implicit` speaks TLS
 * from the start (port 465); `none` never upgrades, for a mail server on this machine whose
 * self-signed certificate would otherwise fail the upgrade nodemailer makes whenever STARTTLS is offered.
 */
const TLS_MODES = ['starttls', 'required', 'implicit', 'none'] as const;
type TlsMode = (typeof TLS_MODES)[number];

export interface SmtpSettings {
  host: string;
  port: number;
  tls: TlsMode;
  user?: string;
  password?: string;
}

/** Seconds before a silent server counts as unreachable: a cron job must not hang on it. */
const TIMEOUT_MS = { connection: 30_000, greeting: 30_000, socket: 60_000 } as const;

/**
 * The server and login from the environment (SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD):
 * never from the config, which is shared and committed. Problems name the variable, never its value
 * when it is the password.
 */
export function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpSettings {
  const problems: Problem[] = [];
  const problem = (key: string, message: string) => problems.push({ file: 'environment', key, message });
  const host = env.SMTP_HOST?.trim();
  if (!host) problem('SMTP_HOST', m.noHost());
  const tls = (env.SMTP_TLS?.trim() || 'starttls').toLowerCase();
  if (!(TLS_MODES as readonly string[]).includes(tls)) problem('SMTP_TLS', m.badTls(env.SMTP_TLS ?? ''));
  const portText = env.SMTP_PORT?.trim() || (tls === 'implicit' ? '465' : '587');
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) problem('SMTP_PORT', m.badPort(portText));
  const user = env.SMTP_USER || undefined;
  const password = env.SMTP_PASSWORD || undefined;
  if (user && !password) problem('SMTP_PASSWORD', m.loginHalf('SMTP_PASSWORD'));
  if (password && !user) problem('SMTP_USER', m.loginHalf('SMTP_USER'));
  if (problems.length > 0) throw new InputError(problems);
  return {
    host: host as string,
    port,
    tls: tls as TlsMode,
    ...(user && password ? { user, password } : {}),
  };
}

export interface Sent {
  messageId: string;
  accepted: string[];
  /** Refused for good (a 5xx reply): not sent to again. */
  rejected: string[];
  /** Refused for now (a 4xx reply, "try again later"): sent to again on the next run. */
  deferred: string[];
}

/** What went wrong with a delivery, in words for the log and codes for the record; never the library's text. */
export interface Failure {
  code: string;
  responseCode?: number;
  why: string;
}

export interface Mailer {
  send(mail: SendMailOptions): Promise<Sent>;
  close(): void;
}

/**
 * One pooled connection for the run's messages. A connection that drops mid-message is retried once
 * (maxRequeues: left unset, nodemailer re-queues it again and again and a scheduled run can hang).
 */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: 1,
    maxRequeues: 1,
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'required',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user && settings.password ? { auth: { user: settings.user, pass: settings.password } } : {}),
    connectionTimeout: TIMEOUT_MS.connection,
    greetingTimeout: TIMEOUT_MS.greeting,
    socketTimeout: TIMEOUT_MS.socket,
    logger: false,
    debug: false,
  });
  return {
    async send(mail) {
      let info: { messageId: string; accepted?: unknown[]; rejected?: unknown[] };
      try {
        info = await transport.sendMail(mail);
      } catch (error) {
        // Every recipient refused, some only for now: for those, it is tried again; as failures go,
        // only refusals for good are one.
        const { deferred, rejected } = refusalsOf(error);
        if (deferred.length === 0) throw error;
        return { messageId: String(mail.messageId), accepted: [], rejected, deferred };
      }
      const { deferred } = refusalsOf(info);
      return {
        messageId: info.messageId,
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String).filter((address) => !deferred.includes(address)),
        deferred,
      };
    },
    close: () => transport.close(),
  };
}

/** A message's recipients the server refused, for good (5xx) and for now (4xx), from nodemailer's reply. */
function refusalsOf(reply: unknown): { rejected: string[]; deferred: string[] } {
  const { code, rejectedErrors } = (reply ?? {}) as {
    code?: unknown;
    rejectedErrors?: { recipient?: unknown; responseCode?: unknown }[];
  };
  if (code !== undefined && code !== 'EENVELOPE') return { rejected: [], deferred: [] };
  const refusals = rejectedErrors ?? [];
  const isNow = (e: { responseCode?: unknown }) =>
    typeof e.responseCode === 'number' && e.responseCode >= 400 && e.responseCode < 500;
  return {
    rejected: refusals.filter((e) => !isNow(e)).map((e) => String(e.recipient)),
    deferred: refusals.filter(isNow).map((e) => String(e.recipient)),
  };
}

/** The recipients of a failed message, when the server refused every one of them for good. */
export function refusedForGood(error: unknown): string[] | undefined {
  const { rejected, deferred } = refusalsOf(error);
  return (error as { code?: unknown }).code === 'EENVELOPE' && rejected.length > 0 && deferred.length === 0
    ? rejected
    : undefined;
}

/**
 * A message as the SMTP server would receive it, for --dry-run: nothing leaves the machine. Dated
 * `date` and with part boundaries made from its Message-ID, not the clock and chance, so the same
 * archive gives the same file.
 */
export async function renderMessage(mail: SendMailOptions, date: Date): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const baseBoundary = createHash('sha256').update(String(mail.messageId)).digest('hex').slice(0, 24);
  // nodemailer reads baseBoundary from the message, though its types do not list it.
  const info = await transport.sendMail({ ...mail, date, baseBoundary } as SendMailOptions);
  return info.message as Buffer;
}

/** Reads a failed delivery: the error's code and the server's reply code, said in our words. */
export function describeFailure(error: unknown, settings: SmtpSettings): Failure {
  const e = error as { code?: string; responseCode?: number; command?: string };
  const code = typeof e.code === 'string' ? e.code : 'EUNKNOWN';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reply = responseCode === undefined ? {} : { responseCode };
  const answered = responseCode === undefined ? code : `${responseCode} (${code})`;
  const why = (): string => {
    if (responseCode === 552 || responseCode === 523) return m.why.tooLarge();
    // "530 Authentication required", whichever command it answers.
    if (responseCode === 530) return m.why.noLogin();
    switch (code) {
      case 'ESOCKET':
      case 'EDNS':
        return m.why.unreachable(settings.host, settings.port, code);
      case 'ECONNECTION':
      case 'ETIMEDOUT':
        return m.why.connectionLost(settings.host, settings.port, code);
      case 'ETLS':
        // A reply is the server refusing the upgrade; none, a handshake that failed or never began.
        if (responseCode !== undefined) return m.why.upgradeRefused(settings.host, answered);
        return settings.tls === 'required' ? m.why.requireTls(settings.host) : m.why.tls(settings.host);
      case 'EAUTH':
        return m.why.login();
      case 'ENOAUTH':
        return m.why.noLogin();
      case 'EENVELOPE':
        if (e.command === 'MAIL FROM') return m.why.senderRefused(answered);
        if (e.command === 'RCPT TO') return m.why.allRejected();
        return m.why.answered(answered);
      default:
        return m.why.answered(answered);
    }
  };
  return { code, ...reply, why: why() };
}
