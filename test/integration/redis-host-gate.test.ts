import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { FetchError } from '../../src/lib/errors.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { RedisHostGate } from '../../src/queue/redis-host-gate.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';

/** Whether a promise settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), sleep(ms).then(() => false)]);
}

describe('RedisHostGate on the real Redis', () => {
  let db: Isolated;
  // Two connections stand for two worker processes sharing the limits.
  let workerA: Redis;
  let workerB: Redis;
  let prefix: string;

  before(async () => {
    db = await isolate('hostgate');
    workerA = createRedis(db.redisUrl, 'worker');
    workerB = createRedis(db.redisUrl, 'worker');
    prefix = `${db.config.queuePrefix}:host`;
  });
  after(async () => {
    workerA.disconnect();
    workerB.disconnect();
    await db.cleanup();
  });

  it('lets two requests in per host and makes the third wait for a release', async () => {
    const gateA = new RedisHostGate(workerA, { prefix, limit: 2, pollMs: 20 });
    const gateB = new RedisHostGate(workerB, { prefix, limit: 2, pollMs: 20 });
    const first = await gateA.acquire('jobs.example');
    const second = await gateB.acquire('jobs.example');
    const third = gateA.acquire('jobs.example');
    assert.equal(
      await settlesWithin(third, 300),
      false,
      'third request got in while two were running',
    );
    // Another host is not held up by the busy one.
    const elsewhere = await gateB.acquire('blog.example');
    await second();
    assert.equal(
      await settlesWithin(third, 500),
      true,
      'third request still waiting after a release',
    );
    await Promise.all([first(), (await third)(), elsewhere()]);
    assert.equal(await workerA.zcard(`${prefix}:jobs.example:slots`), 0);
  });

  it("frees a holder's slot when it never releases (a crashed worker)", async () => {
    const gate = new RedisHostGate(workerA, { prefix, limit: 1, slotTtlMs: 400, pollMs: 20 });
    await gate.acquire('crashy.example'); // never released
    const started = Date.now();
    const release = await gate.acquire('crashy.example');
    const waited = Date.now() - started;
    assert.ok(waited >= 300 && waited < 2000, `waited ${waited} ms`);
    await release();
  });

  it('gives up with host_wait when no slot frees within the wait', async () => {
    const gate = new RedisHostGate(workerA, { prefix, limit: 1, waitTimeoutMs: 200, pollMs: 20 });
    const held = await gate.acquire('busy.example');
    const error = await gate.acquire('busy.example').catch((e: unknown) => e);
    assert.ok(error instanceof FetchError);
    assert.equal(error.fetchCode, 'host_wait');
    assert.match(error.message, /busy\.example busy/);
    await held();
  });

  it('releasing twice frees only the one slot', async () => {
    const gate = new RedisHostGate(workerA, { prefix, limit: 2, pollMs: 20 });
    const a = await gate.acquire('twice.example');
    await gate.acquire('twice.example');
    await a();
    await a();
    assert.equal(await workerA.zcard(`${prefix}:twice.example:slots`), 1);
  });

  it('shares a Retry-After block between workers until it ends', async () => {
    const gateA = new RedisHostGate(workerA, { prefix, limit: 2 });
    const gateB = new RedisHostGate(workerB, { prefix, limit: 2 });
    assert.equal(await gateB.blockedUntil('slow.example'), null);
    const until = Date.now() + 400;
    await gateA.block('slow.example', until);
    assert.equal(await gateB.blockedUntil('slow.example'), until);
    assert.equal(await gateB.blockedUntil('other.example'), null);
    await sleep(500);
    assert.equal(await gateB.blockedUntil('slow.example'), null);
    assert.equal(
      await workerA.exists(`${prefix}:slow.example:blocked`),
      0,
      'the key outlived its block',
    );
  });

  it('ignores a block that has already ended', async () => {
    const gate = new RedisHostGate(workerA, { prefix, limit: 2 });
    await gate.block('past.example', Date.now() - 1000);
    assert.equal(await gate.blockedUntil('past.example'), null);
  });

  it('keeps every key under its prefix', async () => {
    const gate = new RedisHostGate(workerA, { prefix: `${prefix}:`, limit: 1 });
    const release = await gate.acquire('Prefixed.Example');
    await gate.block('prefixed.example', Date.now() + 5000);
    const keys = (await workerA.keys(`${prefix}:prefixed.example:*`)).sort();
    assert.deepEqual(keys, [
      `${prefix}:prefixed.example:blocked`,
      `${prefix}:prefixed.example:slots`,
    ]);
    await release();
  });
});
