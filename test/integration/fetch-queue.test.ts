import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { loadConfig } from '../../config/env.ts';
import { BoardVersionReader } from '../../src/cache/board-version.ts';
import { stopProcess } from '../../src/embedded/process-control.ts';
import { startRedis } from '../../src/embedded/redis-server.ts';
import { createRedis, PRODUCER_COMMAND_TIMEOUT_MS } from '../../src/queue/connection.ts';
import {
  enqueueRefresh,
  nextSlot,
  phaseMs,
  scheduledRun,
  scheduledRuns,
  scheduleSource,
  syncSourceSchedules,
} from '../../src/queue/fetch-jobs.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { RedisHostGate } from '../../src/queue/redis-host-gate.ts';
import { SourceLock } from '../../src/queue/source-lock.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { createSource, findSource, updateSource } from '../../src/store/source-repository.ts';
import { startWorkers } from '../../workers/run-workers.ts';
import { cleanEnv, runEntry } from '../helpers/child-process.ts';
import { jobItems, wwrFeed } from '../helpers/feeds.ts';
import { type FixtureServer, serveBody, startFixtureServer } from '../helpers/fixture-server.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';
import { sourceInput } from '../helpers/sources.ts';

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Real queue workers on a test's database and prefix, fetching from its fixture server. */
function startTestWorkers(db: Isolated, web: FixtureServer, redisUrl: string) {
  return startWorkers({
    config: loadConfig({
      ...process.env,
      REDIS_URL: redisUrl,
      MONGODB_DB: db.config.mongodbDb,
      QUEUE_PREFIX: db.config.queuePrefix,
      FETCH_ALLOWED_HOSTS: web.host,
      // Every worker of a queue must share one stalled-check interval (BullMQ throttles it per queue).
      WORKER_LOCK_MS: '2000',
    }),
    logger: db.logger,
    mongo: db.mongo,
    redisUrl,
  });
}

describe('fetch queue, scheduler and workers on the real Redis', () => {
  let db: Isolated;
  let web: FixtureServer;
  let redis: Redis;
  let queues: Queues;

  before(async () => {
    db = await isolate('fetchq', {});
    await ensureIndexes(db.mongo);
    web = await startFixtureServer();
    redis = createRedis(db.redisUrl, 'worker');
    queues = createQueues(redis, db.config.queuePrefix);
  });
  after(async () => {
    await queues.close();
    redis.disconnect();
    await web.close();
    await db.cleanup();
  });

  it('keeps one job scheduler per enabled source and removes a disabled one', async () => {
    const a = await createSource(db.mongo, sourceInput(web.url('/a.rss')));
    const b = await createSource(db.mongo, sourceInput(web.url('/b.rss')));
    await syncSourceSchedules(queues.fetch, [a, b]);
    await syncSourceSchedules(queues.fetch, [a, b]);
    const keys = async () => (await queues.fetch.getJobSchedulers()).map((s) => s.key).sort();
    assert.deepEqual(await keys(), [`source-${a._id}`, `source-${b._id}`].sort());
    const scheduler = await queues.fetch.getJobScheduler(`source-${a._id}`);
    assert.equal(scheduler?.every, 30 * 60_000);

    const disabled = await updateSource(db.mongo, b._id.toString(), { enabled: false });
    await syncSourceSchedules(queues.fetch, [a, disabled as typeof b]);
    assert.deepEqual(await keys(), [`source-${a._id}`]);
    await syncSourceSchedules(queues.fetch, []);
    assert.deepEqual(await keys(), []);
  });

  it('leaves pending runs where they are when a sync finds nothing changed', async () => {
    const a = await createSource(db.mongo, sourceInput(web.url('/keep-a.rss')));
    const b = await createSource(db.mongo, sourceInput(web.url('/keep-b.rss')));
    const pending = async () =>
      (await queues.fetch.getJobs(['waiting', 'delayed', 'prioritized']))
        .filter((j) => j.id?.includes(String(a._id)) || j.id?.includes(String(b._id)))
        .map((j) => `${j.id}@${j.timestamp}`)
        .sort();
    await syncSourceSchedules(queues.fetch, [a, b]);
    const before = await pending();
    // Each new source: its first run, queued at once, and its scheduler's next run.
    assert.equal(before.length, 4);
    // The scheduler process syncs every 30 s: re-adding the jobs would send overdue runs to
    // the back of the queue behind newer ones.
    await new Promise((r) => setTimeout(r, 20));
    await syncSourceSchedules(queues.fetch, [a, b]);
    assert.deepEqual(await pending(), before);
    // A changed interval is applied.
    await syncSourceSchedules(queues.fetch, [{ ...a, intervalMinutes: 60 }, b]);
    assert.equal((await queues.fetch.getJobScheduler(`source-${a._id}`))?.every, 60 * 60_000);
    await syncSourceSchedules(queues.fetch, []);
  });

  it('spreads sources added together over the interval: each runs at once, then on its own phase', async () => {
    const sources = [];
    for (let i = 0; i < 12; i++)
      sources.push(await createSource(db.mongo, sourceInput(web.url(`/spread-${i}.rss`))));
    const now = Date.now();
    await syncSourceSchedules(queues.fetch, sources);
    const every = 30 * 60_000;
    const nexts = [];
    for (const source of sources) {
      const id = String(source._id);
      const first = await queues.fetch.getJob(`source-${id}`);
      assert.equal(await first?.getState(), 'waiting', 'a new source is fetched at once');
      const next = Number((await queues.fetch.getJobScheduler(`source-${id}`))?.next);
      assert.equal(next, nextSlot(next, every, phaseMs(id, every)), 'on its own phase');
      assert.ok(
        next >= now + every && next < now + 2 * every + 1000,
        'an interval after the first run',
      );
      nexts.push(next);
    }
    assert.ok(new Set(nexts).size >= 11, `due times: ${nexts.join(', ')}`);
    assert.ok(Math.max(...nexts) - Math.min(...nexts) > every / 4, 'spread, not one burst');
    await syncSourceSchedules(queues.fetch, []);
    await queues.fetch.drain();
  });

  it('tells when each source\'s scheduler next fires (the console\'s "next run")', async () => {
    const e = await createSource(db.mongo, sourceInput(web.url('/e.rss')));
    const ran = { ...e, health: { ...e.health, lastFetchedAt: new Date() } };
    await scheduleSource(queues.fetch, ran);
    const scheduler = await queues.fetch.getJobScheduler(`source-${e._id}`);
    const runs = await scheduledRuns(queues.fetch);
    assert.equal(runs.get(String(e._id))?.getTime(), Number(scheduler?.next));
    assert.equal(
      (await scheduledRun(queues.fetch, String(e._id)))?.getTime(),
      Number(scheduler?.next),
    );
    await syncSourceSchedules(queues.fetch, []);
  });

  it('moves a scheduler made before phases onto its phase once, then leaves it alone', async () => {
    const source = await createSource(db.mongo, sourceInput(web.url('/old-phase.rss')));
    const id = String(source._id);
    const every = 30 * 60_000;
    const phase = phaseMs(id, every);
    // As scheduleSource made it before: due now, whatever the phase.
    const oldStart = nextSlot(Date.now(), every, (phase + every / 2) % every);
    await queues.fetch.upsertJobScheduler(
      `source-${id}`,
      { every, startDate: oldStart },
      { name: 'refresh', data: { sourceId: id, reason: 'scheduled' } },
    );
    const ran = { ...source, health: { ...source.health, lastFetchedAt: new Date() } };
    await syncSourceSchedules(queues.fetch, [ran]);
    const moved = await queues.fetch.getJobScheduler(`source-${id}`);
    assert.equal(Number(moved?.next), nextSlot(Number(moved?.next), every, phase));
    assert.notEqual(Number(moved?.next), oldStart);
    const pending = async () =>
      (await queues.fetch.getJobs(['waiting', 'delayed']))
        .filter((j) => j.id?.includes(id))
        .map((j) => `${j.id}@${j.timestamp}`);
    const before = await pending();
    assert.equal(before.length, 1, 'one pending run, and no first run for a source that has run');
    await new Promise((r) => setTimeout(r, 20));
    await syncSourceSchedules(queues.fetch, [ran]);
    assert.deepEqual(await pending(), before);
    await syncSourceSchedules(queues.fetch, []);
  });

  it('a newly scheduled source is fetched by a worker on its own, then waits for its interval', async () => {
    web.on('/scheduled.rss', serveBody(wwrFeed(web.origin, jobItems(3, 'Sched'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/scheduled.rss')));
    const workers = startTestWorkers(db, web, db.redisUrl);
    try {
      await syncSourceSchedules(queues.fetch, [source]);
      await until(
        'the scheduled run',
        async () =>
          (await findSource(db.mongo, source._id.toString()))?.health.lastRun?.outcome === 'stored',
      );
      assert.equal(await entryModel(db.mongo, 'jobs').countDocuments({ sourceId: source._id }), 3);
      // After the run the next one is due an interval later, not now.
      const next = (await queues.fetch.getJobScheduler(`source-${source._id}`))?.next ?? 0;
      assert.ok(next > Date.now() + 29 * 60_000, `next run at ${new Date(next).toISOString()}`);
    } finally {
      await workers.close();
      await syncSourceSchedules(queues.fetch, []);
    }
  });

  it('"fetch now" for a source already queued reuses the queued job', async () => {
    const c = await createSource(db.mongo, sourceInput(web.url('/c.rss')));
    await enqueueRefresh(queues.fetch, c._id.toString());
    await enqueueRefresh(queues.fetch, c._id.toString());
    const queued = (await queues.fetch.getWaiting()).filter(
      (job) => job.data.sourceId === c._id.toString(),
    );
    assert.deepEqual(
      queued.map((job) => job.id),
      [`source-${c._id}`],
    );
    await queues.fetch.drain();
  });

  it('"fetch now" for a run waiting out a retry\'s backoff runs it now', async () => {
    const d = await createSource(db.mongo, sourceInput(web.url('/d.rss')));
    const id = d._id.toString();
    // What a failed attempt leaves: the job delayed until its retry.
    await queues.fetch.add(
      'refresh',
      { sourceId: id, reason: 'manual' },
      { jobId: `source-${id}`, delay: 10 * 60_000 },
    );
    await enqueueRefresh(queues.fetch, id);
    assert.equal(await (await queues.fetch.getJob(`source-${id}`))?.getState(), 'waiting');
    await queues.fetch.drain(true);
  });

  it('"fetch now" while the source\'s run is under way queues one more run after it', async () => {
    let served = 0;
    const feed = serveBody(wwrFeed(web.origin, jobItems(2, 'Again')));
    web.on('/again.rss', async (req, res) => {
      served++;
      // The first read is slow, so the second "fetch now" arrives while it runs.
      if (served === 1) await new Promise((r) => setTimeout(r, 1500));
      feed(req, res);
    });
    const source = await createSource(db.mongo, sourceInput(web.url('/again.rss')));
    const id = source._id.toString();
    const workers = startTestWorkers(db, web, db.redisUrl);
    try {
      await enqueueRefresh(queues.fetch, id);
      await until(
        'the first run to start',
        async () => (await (await queues.fetch.getJob(`source-${id}`))?.getState()) === 'active',
      );
      await enqueueRefresh(queues.fetch, id);
      await enqueueRefresh(queues.fetch, id);
      await until(
        'both runs',
        async () => (await findSource(db.mongo, id))?.health.totalRuns === 2,
      );
      assert.equal(served, 2, 'two reads of the feed: the click during the run was not lost');
    } finally {
      await workers.close();
      await syncSourceSchedules(queues.fetch, []);
    }
  });

  it('"fetch now" while another run holds the source waits its turn, then runs and records', async () => {
    web.on('/busy.rss', serveBody(wwrFeed(web.origin, jobItems(2, 'Busy'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/busy.rss')));
    const id = source._id.toString();
    const lock = new SourceLock(redis, db.config.queuePrefix);
    assert.ok(await lock.acquire(id, 'another-run'));
    const workers = startTestWorkers(db, web, db.redisUrl);
    try {
      await enqueueRefresh(queues.fetch, id);
      await until(
        'the manual run to be put back while the source is busy',
        async () => (await (await queues.fetch.getJob(`source-${id}`))?.getState()) === 'delayed',
      );
      assert.equal((await findSource(db.mongo, id))?.health.lastRun ?? null, null);
      await lock.release(id, 'another-run');
      await until(
        'the manual run',
        async () => (await findSource(db.mongo, id))?.health.lastRun?.outcome === 'stored',
      );
      assert.equal(await entryModel(db.mongo, 'jobs').countDocuments({ sourceId: source._id }), 2);
    } finally {
      await workers.close();
      await syncSourceSchedules(queues.fetch, []);
    }
  });

  it('"fetch now" on a host that asked us to wait runs once the wait is over, with no failure', async () => {
    web.on('/patient.rss', serveBody(wwrFeed(web.origin, jobItems(2, 'Patient'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/patient.rss')));
    const id = source._id.toString();
    // Another source's server answered 429 with Retry-After: the workers' shared gate holds it.
    const gate = new RedisHostGate(redis, { prefix: `${db.config.queuePrefix}:host`, limit: 2 });
    await gate.block(web.host, Date.now() + 3000);
    const workers = startTestWorkers(db, web, db.redisUrl);
    try {
      await enqueueRefresh(queues.fetch, id);
      await until(
        'the manual run to be put back until the host allows',
        async () => (await (await queues.fetch.getJob(`source-${id}`))?.getState()) === 'delayed',
      );
      assert.equal(web.hits('/patient.rss'), 0);
      await until(
        'the manual run',
        async () => (await findSource(db.mongo, id))?.health.lastRun?.outcome === 'stored',
      );
      const health = (await findSource(db.mongo, id))?.health;
      assert.deepEqual([health?.consecutiveFailures, health?.lastError], [0, null]);
    } finally {
      await workers.close();
      await syncSourceSchedules(queues.fetch, []);
    }
  });

  it('a run given up after its worker stopped mid-run again and again is recorded on its source', async () => {
    web.on('/given-up.rss', serveBody(wwrFeed(web.origin, jobItems(1, 'GivenUp'))));
    const source = await createSource(db.mongo, sourceInput(web.url('/given-up.rss')));
    const id = source._id.toString();
    await enqueueRefresh(queues.fetch, id);
    // What BullMQ's stalled check leaves on a job past its stall limit: the next worker to take
    // it fails it at once, without running it.
    await redis.hset(
      queues.fetch.toKey(`source-${id}`),
      'defa',
      'job stalled more than allowable limit',
    );
    const workers = startTestWorkers(db, web, db.redisUrl);
    try {
      await until(
        'the given-up run on the source',
        async () => (await findSource(db.mongo, id))?.health.lastError?.code === 'interrupted',
      );
      const health = (await findSource(db.mongo, id))?.health;
      assert.equal(health?.lastRun?.outcome, 'failed');
      assert.equal(health?.lastRun?.trigger, 'manual');
      assert.match(health?.lastError?.message ?? '', /interrupted .* given up/);
      assert.equal(web.hits('/given-up.rss'), 0, 'not run once more');
    } finally {
      await workers.close();
      await syncSourceSchedules(queues.fetch, []);
    }
  });

  it('a worker killed mid-run (SIGKILL) loses nothing: the job is recovered and items are stored once', async () => {
    const origin = web.origin;
    const feed = wwrFeed(origin, jobItems(12, 'Stall'));
    const held: ServerResponse[] = [];
    web.on('/stall.rss', (req, res) => {
      // The first request hangs mid-body: that worker is killed while fetching.
      if (web.hits('/stall.rss') === 1) {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write(feed.slice(0, 200));
        held.push(res);
        return;
      }
      serveBody(feed)(req, res);
    });
    const source = await createSource(db.mongo, sourceInput(web.url('/stall.rss')));
    await enqueueRefresh(queues.fetch, source._id.toString());
    const env = cleanEnv({
      MONGODB_URI: process.env.MONGODB_URI as string,
      REDIS_URL: db.redisUrl,
      MONGODB_DB: db.config.mongodbDb as string,
      QUEUE_PREFIX: db.config.queuePrefix,
      FETCH_ALLOWED_HOSTS: web.host,
      WORKER_LOCK_MS: '2000',
      // The dead worker's host slots expire after twice this: the rescuer may fetch 10 s on.
      FETCH_TIMEOUT_MS: '5000',
      LOG_LEVEL: 'warn',
    });
    const doomed = runEntry('workers/worker.ts', env);
    await until('the first worker to start fetching', async () => web.hits('/stall.rss') >= 1);
    doomed.child.kill('SIGKILL');
    assert.equal(await doomed.exit, 128);
    for (const res of held) res.destroy();

    const rescuer = runEntry('workers/worker.ts', env);
    try {
      // A new worker process starts (tsx compiles it), finds the job stalled after the dead
      // one's 2 s lock, and runs it once the dead one's host slots expire. On 2026-12-07 CI
      // failed here twice: the slots lived 2 minutes whatever the fetch timeout, both taken,
      // and the rescuer's run waited 30 s for one and was deferred.
      await until(
        'the recovered run to be stored',
        async () =>
          (await findSource(db.mongo, source._id.toString()))?.health.lastRun?.outcome === 'stored',
        60_000,
      );
    } catch (error) {
      const health = (await findSource(db.mongo, source._id.toString()))?.health;
      const job = await queues.fetch.getJob(`source-${source._id}`);
      const state = `${await job?.getState()} ${job?.failedReason} stalled=${job?.stalledCounter} hits=${web.hits('/stall.rss')}`;
      // What could hold the rescuer back before it fetches: the source's run lock, the host's
      // politeness slots (a dead worker's stay until their TTL), a Retry-After block.
      const prefix = db.config.queuePrefix;
      const hostKey = `${prefix}:host:${web.host.toLowerCase()}`;
      const gates = JSON.stringify({
        lock: await redis.get(`${prefix}:source-lock:${source._id}`),
        slots: await redis.zrange(`${hostKey}:slots`, 0, -1, 'WITHSCORES'),
        blocked: await redis.get(`${hostKey}:blocked`),
        now: Date.now(),
      });
      throw new Error(
        `${(error as Error).message}\njob: ${state}\ngates: ${gates}\nhealth: ${JSON.stringify(health)}\nrescuer: ${rescuer.stdout()}${rescuer.stderr()}\ndoomed: ${doomed.stdout()}${doomed.stderr()}`,
      );
    } finally {
      rescuer.child.kill('SIGTERM');
      assert.equal(await rescuer.exit, 0, rescuer.stderr());
    }
    const Job = entryModel(db.mongo, 'jobs');
    assert.equal(await Job.countDocuments({ sourceId: source._id }), 12);
    assert.equal(web.hits('/stall.rss'), 2);
  });
});

describe('workers and a Redis restart', () => {
  let db: Isolated;
  let dir: string;
  let web: FixtureServer;

  before(async () => {
    db = await isolate('redisrestart');
    await ensureIndexes(db.mongo);
    dir = await mkdtemp(path.join(os.tmpdir(), 'bb-redis-restart-'));
    web = await startFixtureServer();
  });
  after(async () => {
    await web.close();
    await db.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('a producer does not hang on a Redis that stopped answering, and the board keeps its cache version', async () => {
    const own = await startRedis(dir, dir);
    const producer = createRedis(own.url, 'producer');
    try {
      if (producer.status !== 'ready') await new Promise((r) => producer.once('ready', r));
      await producer.set('bb-test:board:version', '7');
      const versions = new BoardVersionReader(producer, 'bb-test', 0);
      assert.equal(await versions.current(), '7');
      process.kill(own.pid, 'SIGSTOP');
      const started = Date.now();
      await assert.rejects(producer.get('anything'), /timed out/i);
      assert.equal(await versions.current(), '7', 'the last known version');
      assert.ok(Date.now() - started < 3 * PRODUCER_COMMAND_TIMEOUT_MS, 'not the 90 s of a hang');
    } finally {
      process.kill(own.pid, 'SIGCONT');
      producer.disconnect();
      await stopProcess(own.pid);
    }
  });

  it('reconnect after Redis comes back and keep working', async () => {
    let own = await startRedis(dir, dir);
    const workers = startTestWorkers(db, web, own.url);
    const producerRedis = createRedis(own.url, 'worker');
    const queues = createQueues(producerRedis, db.config.queuePrefix);
    try {
      web.on('/one.rss', serveBody(wwrFeed(web.origin, jobItems(2, 'One'))));
      web.on('/two.rss', serveBody(wwrFeed(web.origin, jobItems(3, 'Two'))));
      const one = await createSource(db.mongo, sourceInput(web.url('/one.rss')));
      const two = await createSource(db.mongo, sourceInput(web.url('/two.rss')));
      await enqueueRefresh(queues.fetch, one._id.toString());
      await until(
        'the first run',
        async () =>
          (await findSource(db.mongo, one._id.toString()))?.health.lastRun?.outcome === 'stored',
      );

      await stopProcess(own.pid);
      own = await startRedis(dir, dir, own.port);
      await enqueueRefresh(queues.fetch, two._id.toString());
      await until(
        'the run after the restart',
        async () =>
          (await findSource(db.mongo, two._id.toString()))?.health.lastRun?.outcome === 'stored',
      );
      assert.equal(await entryModel(db.mongo, 'jobs').countDocuments({}), 5);
    } finally {
      await workers.close();
      await queues.close();
      producerRedis.disconnect();
      await stopProcess(own.pid);
    }
  });
});
