import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, TemporaryError } from '../../src/core/errors.ts';
import { Http, type HttpOptions } from '../../src/fetch/http.ts';
import { type Replay, startReplay } from './replay.ts';

const PREVIEW = '/public/v1/preview/C/A/HS';
/** India's 2023 trade with Russia and the World, as the fetch asks the keyless preview for it. */
const IND_2023 = {
  reporterCode: '699',
  partnerCode: '0,643',
  flowCode: 'M,X',
  cmdCode: 'TOTAL,AG2',
  period: '2023',
  partner2Code: '0',
  motCode: '0',
  customsCode: 'C00',
  maxRecords: '500',
  includeDesc: 'true',
};
const usable = () => undefined;

let replay: Replay | undefined;
afterEach(async () => {
  await replay?.close();
  replay = undefined;
});

/** A client whose waits are recorded instead of slept. */
function client(baseUrl: string, options: Partial<HttpOptions> = {}) {
  const waits: number[] = [];
  const retries: string[] = [];
  const http = new Http({
    baseUrl,
    secretHeaders: {},
    keyName: 'COMTRADE_API_KEY',
    maxCalls: 50,
    retries: 3,
    backoffMs: 100,
    maxWaitMs: 60_000,
    pauseMs: 0,
    timeoutMs: 5_000,
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (reason) => retries.push(reason),
    ...options,
  });
  return { http, waits, retries };
}

describe('the HTTP client', () => {
  it('retries 503 and 500 with a doubling backoff, then returns the data', async () => {
    replay = await startReplay('server-error');
    const { http, waits, retries } = client(replay.baseUrl);
    const body = (await http.getJson(PREVIEW, IND_2023, usable)) as { count: number };
    expect(body.count).toBe(16);
    // Two failures: waits of backoff × 2^0 and × 2^1.
    expect(waits).toEqual([100, 200]);
    expect(retries[0]).toContain('HTTP 503');
    expect(retries[1]).toContain('HTTP 500');
    expect(http.calls).toBe(3);
  });

  it("waits as long as a 429's Retry-After says, not the backoff", async () => {
    replay = await startReplay('rate-limited');
    const { http, waits } = client(replay.baseUrl);
    await http.getJson(PREVIEW, IND_2023, usable);
    expect(waits).toEqual([1000]);
  });

  it('waits until the date a Retry-After names, measured from now', async () => {
    replay = await startReplay('rate-limited-date');
    const now = () => Date.parse('Wed, 21 Oct 2026 07:27:57 GMT');
    const { http, waits } = client(replay.baseUrl, { now });
    await http.getJson(PREVIEW, IND_2023, usable);
    expect(waits).toEqual([3000]);
  });

  it('gives up with a temporary failure when the retries are spent', async () => {
    replay = await startReplay('server-error');
    const { http, waits } = client(replay.baseUrl, { retries: 1 });
    const error = await http.getJson(PREVIEW, IND_2023, usable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as Error).message).toContain('HTTP 500');
    expect((error as Error).message).toContain('2 tries');
    expect(waits).toEqual([100]);
  });

  it('stops at the cap of calls, retries included', async () => {
    replay = await startReplay('server-error');
    const { http } = client(replay.baseUrl, { maxCalls: 2 });
    const error = await http.getJson(PREVIEW, IND_2023, usable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as Error).message).toContain('cap of 2 calls');
    expect(replay.seen).toHaveLength(2);
  });

  it('asks again when the answer fails its check, and pauses between calls', async () => {
    replay = await startReplay();
    let checks = 0;
    const { http, waits } = client(replay.baseUrl, { pauseMs: 30 });
    await http.getJson('/public/v1/getDa/C/A/HS', { reporterCode: '699' }, usable);
    expect(waits).toEqual([]);
    await http.getJson(PREVIEW, IND_2023, () => (++checks === 1 ? 'not yet' : undefined));
    // The pause before the second request, then the backoff of its retry (no pause on top).
    expect(waits).toEqual([30, 100]);
    expect(http.calls).toBe(3);
  });

  it('sends the key as a header only, and a refused key is an error of the environment', async () => {
    replay = await startReplay('bad-key');
    const { http } = client(replay.baseUrl, { secretHeaders: { 'Ocp-Apim-Subscription-Key': 'k-123' } });
    const error = await http
      .getJson('/data/v1/getDa/C/A/HS', { reporterCode: '699' }, usable)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: 'environment', key: 'COMTRADE_API_KEY' });
    expect((error as InputError).problems[0]?.message).toContain('invalid subscription key');
    expect(replay.seen[0]?.headers['ocp-apim-subscription-key']).toBe('k-123');
    expect(replay.seen[0]?.url).not.toContain('k-123');
  });

  it('does not follow a redirect, which would carry the key elsewhere', async () => {
    replay = await startReplay('redirect');
    const { http } = client(replay.baseUrl, { secretHeaders: { 'Ocp-Apim-Subscription-Key': 'k-123' } });
    const error = await http
      .getJson('/data/v1/getDa/C/A/HS', { reporterCode: '699' }, usable)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]).toMatchObject({ file: 'command line', key: '--base-url' });
    expect((error as InputError).problems[0]?.message).toContain(
      'the API redirects (HTTP 301) to "http://127.0.0.1:9/',
    );
    expect(http.calls).toBe(1);
  });

  it('reports a network failure by its code, not the library text', async () => {
    replay = await startReplay();
    const closed = replay.baseUrl;
    await replay.close();
    replay = undefined;
    const { http } = client(closed, { retries: 0 });
    const error = await http.getJson(PREVIEW, IND_2023, usable).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemporaryError);
    expect((error as Error).message).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(network error ECONNREFUSED\)/);
  });

  it('gives up on an answer whose body is not whole within the time limit', async () => {
    // Headers at once, then a byte every 50 ms: the limit covers the whole answer, not its start.
    const server = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { http } = client(`http://127.0.0.1:${port}`, { retries: 0, timeoutMs: 300 });
      const error = await http.getJson(PREVIEW, IND_2023, usable).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TemporaryError);
      expect((error as Error).message).toContain('no whole answer within the time limit (--timeout)');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
