import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { buildApp } from '../../src/app.ts';
import { startMongo } from '../../src/embedded/mongo-server.ts';
import { stopProcess } from '../../src/embedded/process-control.ts';
import { startRedis } from '../../src/embedded/redis-server.ts';
import type { RunningServer } from '../../src/embedded/state.ts';
import { createRedis, pingRedis } from '../../src/queue/connection.ts';
import { connectMongo, pingMongo } from '../../src/store/connection.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';

async function listen(
  mongo: Connection,
  redis: Redis,
  logger: Isolated['logger'],
): Promise<{ url: string; server: Server }> {
  const app = buildApp({
    logger,
    readiness: { mongo: () => pingMongo(mongo, 1000), redis: () => pingRedis(redis, 1000) },
    mongo,
    redis,
    queuePrefix: 'bbt_health',
    publicUrl: null,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

describe('health endpoints', () => {
  let db: Isolated;
  let dir: string;
  let ownMongo: RunningServer;
  let ownRedis: RunningServer;
  let mongo: Connection;
  let redis: Redis;
  let http: { url: string; server: Server };

  before(async () => {
    db = await isolate('health');
    // Servers of this test's own, so it can stop them without touching anyone else's.
    dir = await mkdtemp(path.join(os.tmpdir(), 'bb-health-'));
    [ownMongo, ownRedis] = await Promise.all([
      startMongo('ferretdb', dir, dir, db.logger),
      startRedis(dir, dir),
    ]);
    mongo = await connectMongo(ownMongo.url, 'health');
    redis = createRedis(ownRedis.url, 'producer');
    await new Promise((resolve) => redis.once('ready', resolve));
    http = await listen(mongo, redis, db.logger);
  });
  after(async () => {
    http.server.close();
    redis.disconnect();
    await mongo.close(true).catch(() => {});
    await stopProcess(ownMongo.pid);
    await stopProcess(ownRedis.pid);
    await rm(dir, { recursive: true, force: true });
    await db.cleanup();
  });

  it('/healthz answers 200 while the process is up', async () => {
    assert.deepEqual(await get(`${http.url}/healthz`), { status: 200, body: { status: 'ok' } });
  });

  it('/readyz answers 200 when both servers answer', async () => {
    assert.deepEqual(await get(`${http.url}/readyz`), {
      status: 200,
      body: { mongo: 'ok', redis: 'ok' },
    });
  });

  it('/readyz answers 503 naming the database when it becomes unreachable', async () => {
    await stopProcess(ownMongo.pid);
    assert.deepEqual(await get(`${http.url}/readyz`), {
      status: 503,
      body: { mongo: 'unavailable', redis: 'ok' },
    });
  });

  it('/readyz names Redis too when it goes away', async () => {
    await stopProcess(ownRedis.pid);
    assert.deepEqual(await get(`${http.url}/readyz`), {
      status: 503,
      body: { mongo: 'unavailable', redis: 'unavailable' },
    });
  });

  it('unknown routes answer 404 without a stack trace', async () => {
    const api = await get(`${http.url}/api/v1/no-such-thing`);
    assert.deepEqual(api, { status: 404, body: { error: 'There is nothing at this address.' } });
    const page = await fetch(`${http.url}/no-such-page`);
    assert.equal(page.status, 404);
    const html = await page.text();
    assert.match(html, /<h1 id="error-title">Page not found<\/h1>/);
    assert.doesNotMatch(html, /at \w+ \(|node_modules|\.ts:\d+/, 'no stack trace');
  });
});
