import { InputError, TemporaryError } from '../core/errors.ts';
import { fetchMessages as m } from '../core/messages.ts';

export interface HttpOptions {
  baseUrl: string;
  /** Sent with every call, never shown: the subscription key travels here, not in the URL. */
  secretHeaders: Record<string, string>;
  /** Where the user set the key (an environment variable): a refused key is located there. */
  keyName: string;
  /** Calls this run may make, retries included: a runaway loop cannot spend a day's quota. */
  maxCalls: number;
  /** Further tries of one request after a passing failure. */
  retries: number;
  /** First wait before a retry; each further retry waits twice as long. */
  backoffMs: number;
  /** The longest wait a server may ask for (Retry-After) before the run gives up instead. */
  maxWaitMs: number;
  /** Pause before every request after the first, to stay under the service's rate. */
  pauseMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** The time now (ms since 1970), for a Retry-After given as a date; Date.now by default. */
  now?: () => number;
  /** Told of each retry, with what went wrong and how long the wait is. */
  onRetry: (reason: string, waitMs: number, path: string) => void;
}

/** A check of a JSON answer: undefined when usable, else why not (the request is then tried again). */
export type AnswerCheck = (body: unknown) => string | undefined;

type Attempt = { body: unknown } | { retry: string; waitMs?: number };

/**
 * GET with JSON answers, bounded retries and a cap on calls. A refusal that repeating cannot fix
 * (bad key, bad query, no such endpoint) is an InputError (exit 2); a failure that may pass (rate
 * limit, quota, outage, network) becomes a TemporaryError (exit 75) once the retries are spent.
 */
export class Http {
  calls = 0;
  readonly #options: HttpOptions;
  readonly #secrets: string[];

  constructor(options: HttpOptions) {
    this.#options = options;
    this.#secrets = Object.values(options.secretHeaders).filter((v) => v.length > 0);
  }

  /** `path` and `query` are public (logged, written to the manifest); the secret headers are not. */
  async getJson(path: string, query: Record<string, string>, check: AnswerCheck): Promise<unknown> {
    const shown = showQuery(path, query);
    // The base may carry a path of its own (a mirror at https://host/comtrade/): paths are appended.
    const url = new URL(`${this.#options.baseUrl.replace(/\/+$/, '')}${path}`);
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    for (let attempt = 0; ; attempt++) {
      if (this.calls >= this.#options.maxCalls) throw new TemporaryError(m.callCap(this.#options.maxCalls));
      // A retry has waited its backoff already; a new request pauses after the one before it.
      if (attempt === 0 && this.calls > 0 && this.#options.pauseMs > 0)
        await this.#options.sleep(this.#options.pauseMs);
      this.calls++;
      const outcome = await this.#attempt(url, shown, check);
      if ('body' in outcome) return outcome.body;
      const waitMs = outcome.waitMs ?? this.#options.backoffMs * 2 ** attempt;
      if (attempt >= this.#options.retries)
        throw new TemporaryError(m.gaveUp(shown, outcome.retry, attempt + 1));
      if (waitMs > this.#options.maxWaitMs)
        throw new TemporaryError(m.waitTooLong(shown, outcome.retry, Math.ceil(waitMs / 1000)));
      this.#options.onRetry(outcome.retry, waitMs, shown);
      await this.#options.sleep(waitMs);
    }
  }

  async #attempt(url: URL, shown: string, check: AnswerCheck): Promise<Attempt> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...this.#options.secretHeaders },
        // Followed, a redirect would carry the key's header to wherever it points.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#options.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      return { retry: m.unreachable(new URL(url.origin).host, networkReason(error)) };
    }
    const status = response.status;
    const message = this.#redact(apiMessage(text));
    if (status === 200) {
      if (looksLikeHtml(response, text)) return { retry: m.htmlPage(status) };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { retry: m.notJson(status) };
      }
      const problem = check(body);
      return problem === undefined ? { body } : { retry: problem };
    }
    if (status >= 300 && status < 400)
      throw new InputError([
        {
          file: 'command line',
          key: '--base-url',
          message: m.redirected(status, response.headers.get('location')),
        },
      ]);
    if (status === 429)
      return { retry: m.rateLimited(), ...retryAfter(response, message, this.#options.now ?? Date.now) };
    const keyProblem = {
      file: 'environment',
      key: this.#options.keyName,
      message: m.keyRefused(status, message),
    };
    if (status === 401) throw new InputError([keyProblem]);
    if (status === 403) {
      if (/quota/i.test(message)) throw new TemporaryError(m.quotaSpent(message));
      throw new InputError([keyProblem]);
    }
    if (status === 404)
      throw new InputError([{ file: 'command line', key: '--base-url', message: m.noEndpoint(shown) }]);
    if (status >= 400 && status < 500)
      throw new InputError([{ file: shown, message: m.queryRefused(status, message) }]);
    if (looksLikeHtml(response, text)) return { retry: m.htmlPage(status) };
    return { retry: m.serverError(status, message) };
  }

  /** The API's own words may be shown, but never a secret, should a server echo one. */
  #redact(text: string): string {
    return this.#secrets.reduce((t, secret) => t.split(secret).join('***'), text);
  }
}

/** The request as logs and the manifest show it: path and query sorted by name, no key. */
export function showQuery(path: string, query: Record<string, string>): string {
  const params = new URLSearchParams(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${path}?${params.toString()}`;
}

function looksLikeHtml(response: Response, text: string): boolean {
  return /html/i.test(response.headers.get('content-type') ?? '') || /^\s*</.test(text);
}

/** The `message` of an APIM error body (`{"statusCode": 429, "message": "…"}`), or nothing usable. */
function apiMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    const message = typeof body.message === 'string' ? body.message : body.error;
    // Control characters would garble a terminal; a long text is not a message.
    return typeof message === 'string' ? message.replace(/[\p{Cc}]/gu, ' ').slice(0, 300) : '';
  } catch {
    return '';
  }
}

/**
 * Retry-After in seconds (what the API sends) or as a date (what a proxy may send), else "Try again
 * in N seconds" in the body.
 */
function retryAfter(response: Response, message: string, now: () => number): { waitMs?: number } {
  const header = response.headers.get('retry-after');
  if (header !== null && /^\d+$/.test(header.trim())) return { waitMs: Number(header) * 1000 };
  const date = header !== null && /[a-z]/i.test(header) ? Date.parse(header) : Number.NaN;
  if (Number.isFinite(date)) return { waitMs: Math.max(0, date - now()) };
  const said = /try again in (\d+) second/i.exec(message);
  return said ? { waitMs: Number(said[1]) * 1000 } : {};
}

/** A short, stable reason for a network failure; the library's own wording is not shown. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if ((error as Error).name === 'TimeoutError') return m.timedOut();
  return code ? m.networkCode(code) : m.networkOther();
}
