import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BIN, ROOT, type Run } from '../helpers.ts';

const FIXTURES = join(ROOT, 'tests', 'fixtures', 'fetch');

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Seen {
  /** Path and query sorted by name, as the fixtures are keyed. */
  request: string;
  /** The full address the client asked for, unsorted, to check nothing secret travels in it. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Replay {
  baseUrl: string;
  seen: Seen[];
  /** Requests no fixture answers (served a 404, as the API does for unknown paths). */
  unexpected: string[];
  /** Answers fixtures of further scenarios from now on, over those already loaded. */
  load(...scenarios: string[]): void;
  close(): Promise<void>;
}

/** The key a request is looked up by: path and query sorted by name, without any key parameter. */
export function requestKey(url: URL): string {
  const params = [...url.searchParams].filter(([name]) => name.toLowerCase() !== 'subscription-key');
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/**
 * A stand-in for the UN Comtrade API on 127.0.0.1, port 0: it answers each request with the recorded
 * replies of its fixture in turn (the last one again when they run out). Scenarios load over "comtrade".
 */
export async function startReplay(...scenarios: string[]): Promise<Replay> {
  const replies = new Map<string, Reply[]>();
  const served = new Map<string, number>();
  const seen: Seen[] = [];
  const unexpected: string[] = [];
  const load = (...names: string[]) => {
    for (const name of names) {
      const dir = join(FIXTURES, name);
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
        const fixture = JSON.parse(readFileSync(join(entry.parentPath, entry.name), 'utf8')) as {
          request: string;
          replies: Reply[];
        };
        replies.set(fixture.request, fixture.replies);
        served.delete(fixture.request);
      }
    }
  };
  load('comtrade', ...scenarios);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = requestKey(url);
    seen.push({ request, url: req.url ?? '', headers: req.headers });
    const list = replies.get(request);
    if (!list) {
      unexpected.push(request);
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 404, message: 'Resource not found' }));
      return;
    }
    const turn = served.get(request) ?? 0;
    served.set(request, turn + 1);
    const reply = list[Math.min(turn, list.length - 1)] as Reply;
    res.writeHead(reply.status, reply.headers);
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    unexpected,
    load,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The real command line, run without blocking this process (the replay server answers from it).
 * COMTRADE_API_KEY is unset unless the test sets it.
 */
export function tradebriefAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const { COMTRADE_API_KEY: _key, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...inherited, TZ: 'UTC', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
