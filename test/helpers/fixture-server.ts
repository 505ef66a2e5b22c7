import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../../config/env.ts';
import { createFetcher, type Fetcher } from '../../src/ingest/fetch/fetcher.ts';
import { MemoryHostGate } from '../../src/ingest/fetch/host-gate.ts';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 standing in for the web: real sockets, routes set per test. */
export type FixtureServer = {
  /** host:port, for FETCH_ALLOWED_HOSTS. */
  host: string;
  origin: string;
  url: (pathname: string) => string;
  on: (pathname: string, handler: Handler) => void;
  /** Requests seen per path (pathname + search). */
  hits: (pathname: string) => number;
  requests: Array<{ url: string; headers: IncomingMessage['headers'] }>;
  close: () => Promise<void>;
};

/** The shared real-world fixtures folder (../shared/fixtures beside the checkout). */
export const sharedFixtures = path.resolve(projectRoot, '..', 'shared', 'fixtures');

export function readSharedFixture(relative: string): Promise<Buffer> {
  return readFile(path.join(sharedFixtures, relative));
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const routes = new Map<string, Handler>();
  const counts = new Map<string, number>();
  const requests: FixtureServer['requests'] = [];
  const server = http.createServer(async (req, res) => {
    const url = req.url ?? '/';
    requests.push({ url, headers: req.headers });
    counts.set(url, (counts.get(url) ?? 0) + 1);
    const handler = routes.get(url) ?? routes.get(url.split('?')[0] as string);
    if (!handler) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    host: `127.0.0.1:${port}`,
    origin,
    url: (pathname) => `${origin}${pathname}`,
    on: (pathname, handler) => {
      routes.set(pathname, handler);
    },
    hits: (pathname) => counts.get(pathname) ?? 0,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler serving a body with optional ETag/Last-Modified (answering 304) and gzip. */
export function serveBody(
  body: string | Buffer | (() => string | Buffer),
  options: {
    contentType?: string;
    etag?: string;
    lastModified?: string;
    gzip?: boolean;
    status?: number;
  } = {},
): Handler {
  return (req, res) => {
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? 'application/rss+xml; charset=utf-8',
    };
    if (options.etag) headers.etag = options.etag;
    if (options.lastModified) headers['last-modified'] = options.lastModified;
    const fresh =
      (options.etag && req.headers['if-none-match'] === options.etag) ||
      (options.lastModified &&
        !options.etag &&
        req.headers['if-modified-since'] === options.lastModified);
    if (fresh) {
      res.writeHead(304, headers).end();
      return;
    }
    let bytes = Buffer.from(typeof body === 'function' ? body() : body);
    if (options.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      bytes = gzipSync(bytes);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(bytes.length);
    res.writeHead(options.status ?? 200, headers).end(bytes);
  };
}

/** The product fetcher, allowed to reach the given fixture hosts (tests only). */
export function testFetcher(hosts: string[], limit = 2): Fetcher {
  return createFetcher({
    allowedHosts: hosts,
    userAgent: 'backboard-test',
    maxBytes: 5 * 1024 * 1024,
    timeoutMs: 5000,
    hostGate: new MemoryHostGate({ limit }),
  });
}
