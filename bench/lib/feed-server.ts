// The benchmark's stand-in for the web: feeds on 127.0.0.1 with ETags like a well-behaved
// publisher (304 when unchanged), bodies replaceable between runs, responses counted.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedServer = {
  host: string;
  origin: string;
  /** Serves `body` at `pathname` with an ETag derived from it. */
  set(pathname: string, body: string, contentType?: string): void;
  /** Responses sent so far, by status code. */
  counts(): Record<number, number>;
  resetCounts(): void;
  close(): Promise<void>;
};

export async function startFeedServer(): Promise<FeedServer> {
  const bodies = new Map<string, { bytes: Buffer; etag: string; type: string }>();
  let counts: Record<number, number> = {};
  const count = (status: number) => {
    counts[status] = (counts[status] ?? 0) + 1;
  };
  const server = http.createServer((req, res) => {
    const entry = bodies.get((req.url ?? '/').split('?')[0] as string);
    if (!entry) {
      count(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (req.headers['if-none-match'] === entry.etag) {
      count(304);
      res.writeHead(304, { etag: entry.etag }).end();
      return;
    }
    count(200);
    res
      .writeHead(200, {
        'content-type': entry.type,
        'content-length': String(entry.bytes.length),
        etag: entry.etag,
      })
      .end(entry.bytes);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    set(pathname, body, type = 'application/rss+xml; charset=utf-8') {
      const bytes = Buffer.from(body);
      const etag = `"${createHash('sha1').update(bytes).digest('base64url')}"`;
      bodies.set(pathname, { bytes, etag, type });
    },
    counts: () => ({ ...counts }),
    resetCounts() {
      counts = {};
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
