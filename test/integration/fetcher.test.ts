import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { createFetcher, type FetcherOptions } from '../../src/ingest/fetch/fetcher.ts';
import { MemoryHostGate } from '../../src/ingest/fetch/host-gate.ts';
import { FetchError } from '../../src/lib/errors.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  startFixtureServer,
} from '../helpers/fixture-server.ts';

const FEED =
  '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Vagas — Zürich</title></channel></rss>';

/** The FetchError a promise rejects with (anything else fails the test). */
async function fetchFailure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => assert.fail('expected the fetch to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FetchError, `not a FetchError: ${String(error)}`);
  return error;
}

/** Resolves when the server side of this request's socket is closed. */
function closed(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => req.socket.once('close', () => resolve()));
}

const redirect =
  (status: number, location: string) => (_: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { location }).end();
  };

describe('fetcher against a local HTTP server', () => {
  let web: FixtureServer;
  let other: FixtureServer;
  let options: FetcherOptions;
  // Every client socket the fetcher opens, and where it connected (null: never connected).
  const sockets: Array<{ connected: string | null }> = [];
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    const entry: { connected: string | null } = { connected: null };
    sockets.push(entry);
    socket.once('connect', () => {
      entry.connected = `${socket.remoteAddress}:${socket.remotePort}`;
    });
  };

  before(async () => {
    web = await startFixtureServer();
    other = await startFixtureServer();
    options = {
      allowedHosts: [web.host],
      userAgent: 'backboard-test/1',
      maxBytes: 256 * 1024,
      timeoutMs: 5000,
    };
    diagnostics.subscribe('net.client.socket', onSocket);
  });
  after(async () => {
    diagnostics.unsubscribe('net.client.socket', onSocket);
    await Promise.all([web.close(), other.close()]);
  });
  beforeEach(() => {
    sockets.length = 0;
  });

  describe('conditional GET and decoding', () => {
    it('returns the body with its validators, then 304 when they are sent back', async () => {
      const lastModified = 'Wed, 21 Oct 2015 07:28:00 GMT';
      web.on('/feed', serveBody(FEED, { etag: '"v1"', lastModified }));
      const fetcher = createFetcher(options);
      const first = await fetcher.fetch(web.url('/feed'));
      assert.equal(first.status, 200);
      assert.equal(first.notModified, false);
      assert.equal(first.text, FEED);
      assert.equal(first.charset, 'utf-8');
      assert.equal(first.etag, '"v1"');
      assert.equal(first.lastModified, lastModified);
      assert.equal(first.contentType, 'application/rss+xml; charset=utf-8');
      assert.equal(first.bodyHash, createHash('sha256').update(FEED).digest('hex'));
      assert.deepEqual(first.redirects, []);
      const sent = web.requests.at(-1)?.headers;
      assert.equal(sent?.['user-agent'], 'backboard-test/1');
      assert.match(String(sent?.accept), /^application\/rss\+xml, application\/atom\+xml/);
      assert.equal(sent?.['accept-encoding'], 'gzip, deflate, br');
      assert.equal(sent?.['if-none-match'], undefined);

      const second = await fetcher.fetch(web.url('/feed'), {
        etag: first.etag,
        lastModified: first.lastModified,
        userAgent: 'Other/2',
      });
      assert.equal(second.status, 304);
      assert.equal(second.notModified, true);
      assert.equal(second.body.length, 0);
      assert.equal(second.text, '');
      assert.equal(second.etag, '"v1"');
      const conditional = web.requests.at(-1)?.headers;
      assert.equal(conditional?.['if-none-match'], '"v1"');
      assert.equal(conditional?.['if-modified-since'], lastModified);
      assert.equal(conditional?.['user-agent'], 'Other/2');
    });

    it('answers 304 on If-Modified-Since alone', async () => {
      const lastModified = 'Tue, 01 Sep 2026 10:00:00 GMT';
      web.on('/dated', serveBody(FEED, { lastModified }));
      const result = await createFetcher(options).fetch(web.url('/dated'), { lastModified });
      assert.equal(result.notModified, true);
      assert.equal(result.lastModified, lastModified);
    });

    it('refuses a 304 to a request that sent no validators: there is no copy to keep', async () => {
      web.on('/always-304', (_req, res) => {
        res.writeHead(304).end();
      });
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/always-304')));
      assert.equal(error.fetchCode, 'http_status');
      assert.equal(error.details.status, 304);
      assert.match(error.message, /304 Not Modified, though we asked for no cached copy/);
    });

    const encodings: Array<[string, string, (b: Buffer) => Buffer]> = [
      ['gzip', 'gzip', gzipSync],
      ['deflate with a zlib header', 'deflate', deflateSync],
      ['raw deflate (no zlib header)', 'deflate', deflateRawSync],
      ['brotli', 'br', brotliCompressSync],
    ];
    for (const [name, encoding, compress] of encodings) {
      it(`decompresses ${name}`, async () => {
        const path = `/compressed-${name.replace(/\W+/g, '-')}`;
        const body = Buffer.from(FEED.repeat(200));
        web.on(path, (_, res) => {
          res
            .writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding })
            .end(compress(body));
        });
        const result = await createFetcher(options).fetch(web.url(path));
        assert.ok(result.body.equals(body));
        assert.ok(result.text.startsWith('<?xml version="1.0" encoding="utf-8"?><rss'));
      });
    }

    it('fails with decode on a corrupt gzip body', async () => {
      web.on('/bad-gzip', (_, res) => {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end('this is not gzip at all');
      });
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/bad-gzip')));
      assert.equal(error.fetchCode, 'decode');
    });

    it('decodes by the XML prolog when the header charset is wrong', async () => {
      const bytes = await readSharedFixture('rss-parser/encoding.rss');
      web.on('/latin1', serveBody(bytes, { contentType: 'application/rss+xml; charset=utf-8' }));
      const result = await createFetcher(options).fetch(web.url('/latin1'));
      assert.equal(result.charset, 'windows-1252');
      assert.ok(result.text.includes('Jornal de Notícias - Últimas Notícias'));
      assert.ok(result.body.equals(bytes));
    });
  });

  describe('redirects', () => {
    it('follows a chain of three (relative and absolute Locations) and reports the final URL', async () => {
      web.on('/r1', redirect(302, '/r2'));
      web.on('/r2', redirect(301, 'r3'));
      web.on('/r3', redirect(307, web.url('/final')));
      web.on('/final', serveBody(FEED));
      const result = await createFetcher(options).fetch(web.url('/r1'));
      assert.equal(result.url, web.url('/final'));
      assert.deepEqual(result.redirects, [web.url('/r1'), web.url('/r2'), web.url('/r3')]);
      assert.equal(result.text, FEED);
    });

    it('gives up after five redirects', async () => {
      for (let i = 1; i <= 7; i++) web.on(`/hop${i}`, redirect(308, `/hop${i + 1}`));
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/hop1')));
      assert.equal(error.fetchCode, 'too_many_redirects');
      assert.equal(error.permanent, true);
      assert.equal(web.hits('/hop6'), 1);
      assert.equal(web.hits('/hop7'), 0);
    });

    it('detects a loop', async () => {
      web.on('/loop-a', redirect(302, '/loop-b'));
      web.on('/loop-b', redirect(303, '/loop-a'));
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/loop-a')));
      assert.equal(error.fetchCode, 'redirect_loop');
      assert.equal(web.hits('/loop-a'), 1);
    });

    it('refuses a redirect without a usable Location', async () => {
      web.on('/no-location', (_, res) => {
        res.writeHead(302).end();
      });
      web.on('/to-ftp', redirect(301, 'ftp://files.example/feed.xml'));
      for (const path of ['/no-location', '/to-ftp']) {
        const error = await fetchFailure(createFetcher(options).fetch(web.url(path)));
        assert.equal(error.fetchCode, 'bad_redirect', path);
      }
    });
  });

  describe('timeouts and limits', () => {
    it('fails a server trickling bytes with timeout, and closes the socket', async () => {
      let serverClosed: Promise<void> | undefined;
      web.on('/trickle', (req, res) => {
        serverClosed = closed(req);
        res.writeHead(200, { 'content-type': 'text/xml' });
        const timer = setInterval(() => res.write('<'), 100);
        req.socket.once('close', () => clearInterval(timer));
      });
      const started = Date.now();
      const error = await fetchFailure(
        createFetcher({ ...options, timeoutMs: 1500 }).fetch(web.url('/trickle')),
      );
      const elapsed = Date.now() - started;
      assert.equal(error.fetchCode, 'timeout');
      assert.ok(elapsed >= 1400 && elapsed < 3000, `took ${elapsed} ms`);
      await Promise.race([
        serverClosed,
        sleep(1000).then(() => assert.fail('server socket still open')),
      ]);
    });

    it('fails a server that never answers with timeout', async () => {
      let serverClosed: Promise<void> | undefined;
      web.on('/silent', (req) => {
        serverClosed = closed(req);
      });
      const error = await fetchFailure(
        createFetcher({ ...options, timeoutMs: 1000 }).fetch(web.url('/silent')),
      );
      assert.equal(error.fetchCode, 'timeout');
      await Promise.race([
        serverClosed,
        sleep(1000).then(() => assert.fail('server socket still open')),
      ]);
    });

    it("stops on the caller's abort signal", async () => {
      web.on('/silent-too', () => {});
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const started = Date.now();
      await assert.rejects(
        createFetcher(options).fetch(web.url('/silent-too'), { signal: controller.signal }),
        {
          name: 'AbortError',
        },
      );
      assert.ok(Date.now() - started < 1000);
    });

    it('stops reading a streamed body past maxBytes and destroys the socket', async () => {
      let written = 0;
      let serverClosed: Promise<void> | undefined;
      web.on('/endless', (req, res) => {
        serverClosed = closed(req);
        res.writeHead(200, { 'content-type': 'text/xml' });
        const timer = setInterval(() => {
          res.write(Buffer.alloc(1024, 0x61));
          if (++written === 200) res.end();
        }, 5);
        req.socket.once('close', () => clearInterval(timer));
      });
      const error = await fetchFailure(
        createFetcher({ ...options, maxBytes: 8 * 1024 }).fetch(web.url('/endless')),
      );
      assert.equal(error.fetchCode, 'too_large');
      assert.equal(error.permanent, true);
      assert.match(error.message, /response body exceeds 8 KB limit/);
      await Promise.race([
        serverClosed,
        sleep(1000).then(() => assert.fail('server socket still open')),
      ]);
      assert.ok(written < 200, `the server wrote all ${written} KB`);
    });

    it('refuses at once when Content-Length is over the limit', async () => {
      web.on('/big', serveBody(Buffer.alloc(100_000)));
      const error = await fetchFailure(
        createFetcher({ ...options, maxBytes: 8 * 1024 }).fetch(web.url('/big')),
      );
      assert.equal(error.fetchCode, 'too_large');
    });

    it('counts decompressed bytes, so a gzip bomb is too_large', async () => {
      const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
      const maxBytes = 1024 * 1024;
      assert.ok(bomb.length < maxBytes / 8, 'the compressed body itself is small');
      web.on('/bomb', (_, res) => {
        res
          .writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) })
          .end(bomb);
      });
      const error = await fetchFailure(
        createFetcher({ ...options, maxBytes }).fetch(web.url('/bomb')),
      );
      assert.equal(error.fetchCode, 'too_large');
      assert.match(error.message, /exceeds 1 MB limit/);
    });
  });

  describe('statuses and politeness', () => {
    it('reports 404 as a permanent http_status and 500 as a retryable one', async () => {
      web.on('/gone', serveBody('no', { status: 404 }));
      web.on('/broken', serveBody('oops', { status: 500 }));
      const fetcher = createFetcher(options);
      const notFound = await fetchFailure(fetcher.fetch(web.url('/gone')));
      assert.equal(notFound.fetchCode, 'http_status');
      assert.equal(notFound.message, 'HTTP 404 Not Found');
      assert.equal(notFound.details.status, 404);
      assert.equal(notFound.permanent, true);
      const broken = await fetchFailure(fetcher.fetch(web.url('/broken')));
      assert.equal(broken.message, 'HTTP 500 Internal Server Error');
      assert.equal(broken.permanent, false);
    });

    it('honours 429 Retry-After: the next fetch to that host does not reach the server', async () => {
      const host = await startFixtureServer();
      try {
        host.on('/limited', (_, res) => {
          res.writeHead(429, { 'retry-after': '120' }).end();
        });
        const fetcher = createFetcher({
          ...options,
          allowedHosts: [host.host],
          hostGate: new MemoryHostGate({ limit: 2 }),
        });
        const first = await fetchFailure(fetcher.fetch(host.url('/limited')));
        assert.equal(first.fetchCode, 'rate_limited');
        assert.equal(first.details.status, 429);
        assert.ok(Math.abs((first.details.retryAfterMs ?? 0) - 120_000) < 1000);
        assert.equal(first.permanent, false);
        const second = await fetchFailure(fetcher.fetch(host.url('/limited')));
        assert.equal(second.fetchCode, 'host_wait', 'our own wait, not the server answering');
        assert.ok((second.details.retryAfterMs ?? 0) > 110_000);
        assert.equal(host.hits('/limited'), 1);
      } finally {
        await host.close();
      }
    });

    it('reads a 503 Retry-After given as an HTTP date', async () => {
      const at = new Date(Date.now() + 30_000).toUTCString();
      web.on('/busy', (_, res) => {
        res.writeHead(503, { 'retry-after': at }).end();
      });
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/busy')));
      assert.equal(error.fetchCode, 'rate_limited');
      const wait = error.details.retryAfterMs ?? 0;
      assert.ok(wait > 28_000 && wait <= 30_000, `retryAfterMs ${wait}`);
    });

    it('holds a host slot for each request', async () => {
      let running = 0;
      let peak = 0;
      web.on('/slow', async (_, res) => {
        peak = Math.max(peak, ++running);
        await sleep(150);
        running--;
        res.writeHead(200, { 'content-type': 'text/xml' }).end('<ok/>');
      });
      const fetcher = createFetcher({ ...options, hostGate: new MemoryHostGate({ limit: 1 }) });
      const results = await Promise.all([1, 2, 3].map(() => fetcher.fetch(web.url('/slow'))));
      assert.deepEqual(
        results.map((r) => r.text),
        ['<ok/>', '<ok/>', '<ok/>'],
      );
      assert.equal(peak, 1);
    });

    it('reports a refused connection as connect', async () => {
      const gone = await startFixtureServer();
      await gone.close();
      const error = await fetchFailure(
        createFetcher({ ...options, allowedHosts: [gone.host] }).fetch(gone.url('/')),
      );
      assert.equal(error.fetchCode, 'connect');
      assert.equal(error.permanent, false);
    });
  });

  describe('address guard', () => {
    const port = () => new URL(other.origin).port;

    it('refuses a redirect to another loopback address that is not allowlisted', async () => {
      other.on('/internal', serveBody('secret'));
      web.on('/to-127-0-0-2', redirect(302, `http://127.0.0.2:${port()}/internal`));
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/to-127-0-0-2')));
      assert.equal(error.fetchCode, 'blocked_address');
      assert.equal(error.permanent, true);
      assert.deepEqual(
        sockets.map((s) => s.connected),
        [web.host],
      );
    });

    it('refuses a redirect to a name resolving to loopback, checking the resolved address', async () => {
      other.on('/internal', serveBody('secret'));
      web.on('/to-localhost', redirect(302, `http://localhost:${port()}/internal`));
      const error = await fetchFailure(createFetcher(options).fetch(web.url('/to-localhost')));
      assert.equal(error.fetchCode, 'blocked_address');
      assert.match(error.message, /localhost:\d+ resolves to 127\.0\.0\.1/);
      // The second socket was opened but its lookup refused: it never connected anywhere.
      assert.deepEqual(
        sockets.map((s) => s.connected),
        [web.host, null],
      );
      assert.equal(other.hits('/internal'), 0);
    });

    it('lets an allowlisted name through its lookup', async () => {
      other.on('/allowed', serveBody(FEED));
      const result = await createFetcher({
        ...options,
        allowedHosts: [`localhost:${port()}`],
      }).fetch(`http://localhost:${port()}/allowed`);
      assert.equal(result.text, FEED);
    });

    const literals = () => [
      `http://[::ffff:127.0.0.1]:${new URL(web.origin).port}/feed`,
      'http://10.0.0.1/feed',
      'http://[::1]:80/',
      'http://169.254.169.254/latest/meta-data/',
    ];
    it('refuses private IP literals before opening any socket', async () => {
      for (const url of literals()) {
        const started = Date.now();
        const error = await fetchFailure(createFetcher(options).fetch(url));
        assert.equal(error.fetchCode, 'blocked_address', url);
        assert.match(error.message, /is a private or reserved address/);
        assert.ok(Date.now() - started < 100, `${url} took ${Date.now() - started} ms`);
      }
      assert.equal(sockets.length, 0);
    });

    it('refuses what is not an absolute http(s) URL', async () => {
      for (const url of [
        'ftp://example.com/feed',
        '/relative/feed.xml',
        'not a url',
        'file:///etc/passwd',
      ]) {
        const error = await fetchFailure(createFetcher(options).fetch(url));
        assert.equal(error.fetchCode, 'invalid_url', url);
      }
      assert.equal(sockets.length, 0);
    });
  });
});
