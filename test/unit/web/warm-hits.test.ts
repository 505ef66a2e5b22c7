import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import cookieParser from 'cookie-parser';
import express from 'express';
import { BLOCKLIST_COOKIE } from '../../../src/domain/blocklist.ts';
import { CACHE_PAGE, cachedRoute } from '../../../src/web/cached-route.ts';
import { PageCache } from '../../../src/web/page-cache.ts';
import { answerWarmHitsFirst } from '../../../src/web/warm-hits.ts';

/** Headers as a client compares them: everything but the Date of sending. */
function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'date') out[name] = value;
  });
  return out;
}

describe('warmHits: a cached response answered before routing', () => {
  const clock = { now: 1_000_000 };
  let version = '1';
  let routed = 0;
  let renders = 0;
  let server: Server;
  let url: string;

  before(async () => {
    const deps = {
      cache: new PageCache({ ttlMs: 60_000, clock: () => clock.now }),
      version: { current: async () => version },
    };
    const app = express();
    app.set('trust proxy', 'loopback');
    answerWarmHitsFirst(app, deps);
    // Stands for helmet and the rest: what a replay must reproduce without running it again.
    app.use((req, res, next) => {
      routed++;
      res.set('X-Frame-Options', 'DENY');
      if (!req.secure) res.set('X-Plain-Http', 'yes');
      next();
    });
    app.use(cookieParser());
    app.get(
      '/page',
      cachedRoute(deps, async (req) => ({
        type: 'html',
        body: `page ${++renders} ${req.protocol}`,
        cacheControl: CACHE_PAGE,
      })),
    );
    app.get(
      '/with-cookie',
      (_req, res, next) => {
        res.cookie('sid', `s${routed}`);
        next();
      },
      cachedRoute(deps, async () => ({ type: 'text', body: 'yours', cacheControl: CACHE_PAGE })),
    );
    app.get(
      '/missing',
      cachedRoute(deps, async () => ({
        status: 404,
        type: 'text',
        body: 'no such page',
        cacheControl: CACHE_PAGE,
      })),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    // Every test starts from a fresh version: nothing of it cached yet.
    version = String(Number(version) + 1);
  });

  it('answers a repeat with the response the app sent, headers and all, without routing it', async () => {
    const first = await fetch(`${url}/page`);
    const firstBody = await first.text();
    const routedBefore = routed;
    const again = await fetch(`${url}/page`);
    assert.equal(routed, routedBefore, 'the repeat did not go through the app');
    assert.equal(again.status, 200);
    assert.equal(await again.text(), firstBody);
    assert.deepEqual(headersOf(again), headersOf(first));
    assert.equal(again.headers.get('x-frame-options'), 'DENY');
    assert.match(again.headers.get('content-type') ?? '', /^text\/html; charset=utf-8$/);
    assert.ok(again.headers.get('etag'));
    assert.ok(again.headers.get('date'), 'Node dates the replay itself');
  });

  it('answers HEAD with the headers only and a conditional repeat with 304, as Express does', async () => {
    const first = await fetch(`${url}/page`);
    const etag = first.headers.get('etag') as string;
    const routedBefore = routed;
    const head = await fetch(`${url}/page`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal(head.headers.get('content-length'), first.headers.get('content-length'));
    // fetch() sends "Cache-Control: no-cache" with a conditional request unless told otherwise.
    const conditional = await fetch(`${url}/page`, {
      headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    assert.equal(conditional.status, 304);
    assert.equal(conditional.headers.get('etag'), etag);
    assert.equal(conditional.headers.get('content-type'), null);
    assert.equal(conditional.headers.get('x-frame-options'), 'DENY');
    assert.equal(routed, routedBefore, 'neither went through the app');
    const stale = await fetch(`${url}/page`, {
      headers: { 'if-none-match': '"other"', 'cache-control': 'max-age=0' },
    });
    assert.equal(stale.status, 200, 'another validator gets the page');
  });

  it('sends a personal list, another scheme and other methods through the app', async () => {
    await fetch(`${url}/page`);
    let routedBefore = routed;
    const personal = await fetch(`${url}/page`, {
      headers: { cookie: `${BLOCKLIST_COOKIE}=acme` },
    });
    assert.equal(routed, routedBefore + 1);
    assert.equal(personal.headers.get('cache-control'), 'private, no-cache');
    routedBefore = routed;
    const otherCookie = await fetch(`${url}/page`, { headers: { cookie: 'theme=dark' } });
    assert.equal(routed, routedBefore, 'a cookie that changes nothing still gets the copy');
    assert.equal(otherCookie.headers.get('cache-control'), 'public, no-cache');
    // From a trusted proxy over https: another key, another response (here without the header
    // the plain-http one carries), never the http copy.
    const https = await fetch(`${url}/page`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(routed, routedBefore + 1);
    assert.match(await https.text(), /https$/);
    assert.equal(https.headers.get('x-plain-http'), null);
    const httpsAgain = await fetch(`${url}/page`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(routed, routedBefore + 1, 'the https copy is replayed too');
    assert.equal(httpsAgain.headers.get('x-plain-http'), null);
    const post = await fetch(`${url}/page`, { method: 'POST' });
    assert.equal(routed, routedBefore + 2);
    assert.equal(post.status, 404);
  });

  it("never replays a response that set a cookie: it was that visitor's", async () => {
    const first = await fetch(`${url}/with-cookie`);
    const routedBefore = routed;
    const again = await fetch(`${url}/with-cookie`);
    assert.equal(routed, routedBefore + 1);
    assert.notEqual(again.headers.get('set-cookie'), first.headers.get('set-cookie'));
  });

  it('leaves new data, an expired entry and an error to the app', async () => {
    const first = await fetch(`${url}/page`);
    const firstBody = await first.text();
    let routedBefore = routed;
    version = `${version}b`;
    const changed = await fetch(`${url}/page`);
    assert.equal(routed, routedBefore + 1, 'a new version is rendered by the app');
    assert.notEqual(await changed.text(), firstBody);
    routedBefore = routed;
    clock.now += 61_000;
    // Past its TTL the app serves the entry while it renders it anew.
    const expired = await fetch(`${url}/page`);
    assert.equal(routed, routedBefore + 1);
    assert.equal(expired.status, 200);
    await fetch(`${url}/missing`);
    routedBefore = routed;
    const missing = await fetch(`${url}/missing`);
    assert.equal(routed, routedBefore + 1, 'only 200s are kept');
    assert.equal(missing.status, 404);
  });
});

describe('warmHits with Redis not answering', () => {
  it('answers what it holds no copy of at once, without waiting for the board version', async () => {
    const deps = {
      cache: new PageCache(),
      // A version read that never ends: Redis unreachable and the command not yet timed out.
      version: { current: () => new Promise<string>(() => {}) },
    };
    const app = express();
    answerWarmHitsFirst(app, deps);
    app.get('/assets/board.css', (_req, res) => {
      res.type('css').send('body{}');
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const res = await fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/assets/board.css`,
        {
          signal: AbortSignal.timeout(2_000),
        },
      );
      assert.equal(await res.text(), 'body{}');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('answerWarmHitsFirst behind no trusted proxy', () => {
  it('keys a copy on the socket’s scheme, whatever X-Forwarded-Proto claims', async () => {
    const deps = { cache: new PageCache(), version: { current: async () => '1' } };
    const app = express();
    app.set('trust proxy', false);
    let routed = 0;
    app.use((_req, _res, next) => {
      routed++;
      next();
    });
    app.get(
      '/page',
      cachedRoute(deps, async (req) => ({
        type: 'text',
        body: `page ${req.protocol}`,
        cacheControl: CACHE_PAGE,
      })),
    );
    answerWarmHitsFirst(app, deps);
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
      const forged = await fetch(url, { headers: { 'x-forwarded-proto': 'https' } });
      assert.equal(await forged.text(), 'page http');
      assert.equal(await (await fetch(url)).text(), 'page http');
      assert.equal(routed, 1, 'the plain request got the copy the forged one made');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
