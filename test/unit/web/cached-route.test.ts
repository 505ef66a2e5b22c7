import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import express from 'express';
import { pino } from 'pino';
import { CACHE_PAGE, cachedRoute, contentType } from '../../../src/web/cached-route.ts';
import { PageCache } from '../../../src/web/page-cache.ts';

describe('contentType', () => {
  it('expands the shorthands and adds the charset a Buffer body does not get from Express', () => {
    assert.equal(contentType('html'), 'text/html; charset=utf-8');
    assert.equal(contentType('text'), 'text/plain; charset=utf-8');
    assert.equal(contentType('application/rss+xml'), 'application/rss+xml; charset=utf-8');
  });

  it('keeps a charset the producer stated', () => {
    assert.equal(contentType('application/json; charset=utf-8'), 'application/json; charset=utf-8');
    assert.equal(contentType('application/xml;charset=UTF-8'), 'application/xml;charset=UTF-8');
  });
});

describe('cachedRoute: a page slow to build', () => {
  it('is logged with its URL and build time, so an operator sees the database is the limit', async () => {
    const logged: Array<{ page: string; ms: number; msg: string }> = [];
    const deps = {
      cache: new PageCache({ slowRenderMs: 40 }),
      version: { current: async () => '1' },
      logger: pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) }),
    };
    const app = express();
    app.get(
      '/slow',
      cachedRoute(deps, async () => {
        await new Promise((r) => setTimeout(r, 60));
        return { type: 'text', body: 'slow', cacheControl: CACHE_PAGE };
      }),
    );
    app.get(
      '/quick',
      cachedRoute(deps, async () => ({ type: 'text', body: 'quick', cacheControl: CACHE_PAGE })),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      assert.equal(await (await fetch(`${url}/quick`)).text(), 'quick');
      assert.equal(await (await fetch(`${url}/slow?q=go`)).text(), 'slow');
      // Served from the cache: no second build, no second line.
      assert.equal(await (await fetch(`${url}/slow?q=go`)).text(), 'slow');
      assert.equal(logged.length, 1, JSON.stringify(logged));
      assert.equal(logged[0]?.page, '/slow?q=go');
      assert.ok(Number(logged[0]?.ms) >= 40, `${logged[0]?.ms} ms`);
      assert.match(logged[0]?.msg ?? '', /slow to build/);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
