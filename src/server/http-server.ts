import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKEN_HEADER } from '../lib/db/remote';
import type { Db } from '../lib/db/types';
import type { LoadReport } from '../lib/ingest/load/load';
import { assertReadOnlySelect, RefusedQuery } from './query-guard';
import { ResultCache } from './result-cache';
import { staticFile } from './static-files';

export interface QueryServerOptions {
  db: Db;
  report: LoadReport;
  /** Bytes of the files loaded, for the page's data summary. */
  bytes: number;
  token: string;
  /** The built app (`build/`). */
  root: string;
  /** Answers kept for repeated queries (the database is read-only); one per server when absent. */
  cache?: ResultCache;
}

const MAX_BODY = 1 << 20;

/**
 * Serves the built app and answers its queries with native DuckDB. Only this machine's own
 * page may ask: the Host must be 127.0.0.1 or localhost on this port, an Origin (when sent) the
 * same, and every API request must carry the token; no CORS header is ever sent.
 */
export function createQueryServer(options: QueryServerOptions): Server {
  let queue: Promise<unknown> = Promise.resolve();
  // One connection answers one query at a time; queries wait their turn.
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const served = { ...options, cache: options.cache ?? new ResultCache() };
  const server = createServer((request, response) => {
    handle(server, served, serial, request, response).catch((error: unknown) => {
      const refused = error instanceof RefusedQuery;
      send(response, refused ? 403 : 400, { error: errorText(error) });
    });
  });
  return server;
}

async function handle(
  server: Server,
  options: QueryServerOptions & { cache: ResultCache },
  serial: <T>(task: () => Promise<T>) => Promise<T>,
  request: IncomingMessage,
  response: ServerResponse
): Promise<void> {
  const port = (server.address() as AddressInfo).port;
  const own = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!own.includes(request.headers.host ?? '')) {
    return send(response, 403, { error: 'this server answers only http://127.0.0.1 on its port' });
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !own.map((h) => `http://${h}`).includes(origin)) {
    return send(response, 403, { error: `requests from ${origin} are refused` });
  }
  const url = new URL(request.url ?? '/', `http://${own[0]}`);
  if (!url.pathname.startsWith('/api/'))
    return serveFile(options.root, url.pathname, request, response);
  if (!tokenMatches(request.headers[TOKEN_HEADER], options.token)) {
    return send(response, 401, {
      error: 'missing or wrong token: open the URL the server printed'
    });
  }
  if (url.pathname === '/api/dataset' && request.method === 'GET') {
    return send(response, 200, { report: options.report, bytes: options.bytes });
  }
  if (url.pathname === '/api/query' && request.method === 'POST') {
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, { error: 'send the query as application/json' });
    }
    const body = JSON.parse(await readBody(request)) as { sql?: unknown; params?: unknown };
    const params = body.params ?? [];
    const key = options.cache.key(String(body.sql), params);
    const rows = await serial(async () => {
      const kept = options.cache.get(key);
      if (kept) return kept;
      await assertReadOnlySelect(options.db, body.sql, params);
      const answer = await options.db.query(body.sql as string, params as never);
      options.cache.set(key, answer);
      return answer;
    });
    return send(response, 200, { rows });
  }
  return send(response, 404, { error: `no API ${request.method} ${url.pathname}` });
}

function serveFile(root: string, path: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return send(response, 405, { error: 'only GET' });
  }
  const file = staticFile(root, path);
  if (!file) return send(response, 404, { error: `no file ${path}` });
  response.writeHead(200, {
    'content-type': file.type,
    'content-length': file.body.length,
    'x-content-type-options': 'nosniff'
  });
  response.end(request.method === 'HEAD' ? undefined : file.body);
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY) throw new RefusedQuery('the request is too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return void response.end();
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  });
  response.end(text);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 500);
}
