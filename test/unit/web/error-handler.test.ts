import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { AppError } from '../../../src/lib/errors.ts';
import { createLogger } from '../../../src/lib/logger.ts';
import { loadAssets } from '../../../src/web/assets.ts';
import { errorHandler, notFound } from '../../../src/web/error-handler.ts';
import { createRenderer } from '../../../src/web/render.ts';

describe('error pages', () => {
  let server: Server;
  let url: string;
  const secret =
    'connection string mongodb://admin:hunter2@db at Object.<anonymous> (/srv/app.ts:12:5)';

  before(async () => {
    const app = express();
    app.get('/boom', () => {
      throw new Error(secret);
    });
    app.get('/api/v1/boom', () => {
      throw new Error(secret);
    });
    app.get('/jobs/:id', () => {
      throw new AppError('not_found', 'No such job.');
    });
    app.get('/gone', () => {
      throw new AppError('gone', 'This listing was removed.');
    });
    app.use(notFound);
    app.use(
      errorHandler(
        createLogger({ level: 'silent', pretty: false }),
        createRenderer(loadAssets(), { cache: true }),
      ),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a crash with a 500 page in the layout that leaks nothing', async () => {
    const res = await fetch(`${url}/boom`);
    assert.equal(res.status, 500);
    const html = await res.text();
    assert.match(html, /Something went wrong on our side/);
    assert.match(html, /<nav aria-label="Main">/);
    assert.ok(!html.includes('hunter2') && !html.includes('app.ts'), 'no message or stack');
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('answers the API in JSON, also without details', async () => {
    const res = await fetch(`${url}/api/v1/boom`);
    assert.equal(res.status, 500);
    assert.deepEqual(await res.json(), { error: 'Internal server error' });
  });

  it('maps error codes to statuses and shows their message', async () => {
    const gone = await fetch(`${url}/gone`);
    assert.equal(gone.status, 410);
    assert.match(await gone.text(), /This listing was removed\./);
    assert.equal((await fetch(`${url}/nothing-here`)).status, 404);
  });

  it('answers a write to a read-only board address with 405 and the methods it takes', async () => {
    const res = await fetch(`${url}/jobs`, { method: 'POST' });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'GET, HEAD');
    assert.match(await res.text(), /POST is not accepted here/);
    assert.equal((await fetch(`${url}/nothing-here`, { method: 'POST' })).status, 404);
  });

  it('answers an address that cannot be decoded with a 400 about the address, not a search', async () => {
    const res = await fetch(`${url}/jobs/%E0%A4%A`);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /That address is not valid/);
    assert.match(html, /not encoded correctly/);
    assert.doesNotMatch(html, /did not make sense|Failed to decode/);
  });
});
