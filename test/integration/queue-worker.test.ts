import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { TERMS_VERSION } from '../../src/domain/entry-terms.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { createQueues, MaintenanceJob, QueueName, type Queues } from '../../src/queue/queues.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { readTermsVersion, readWorkerHeartbeat } from '../../src/store/system-status-repository.ts';
import { syncSchedules } from '../../workers/run-scheduler.ts';
import { type RunningWorkers, startWorkers } from '../../workers/run-workers.ts';
import { type Isolated, isolate } from '../helpers/isolation.ts';

describe('BullMQ on the real Redis', () => {
  let db: Isolated;
  let queues: Queues;
  let events: QueueEvents;
  let workers: RunningWorkers;
  let producer: Redis;
  let eventsConnection: Redis;

  before(async () => {
    db = await isolate('queue');
    producer = createRedis(db.redisUrl, 'producer');
    queues = createQueues(producer, db.config.queuePrefix);
    eventsConnection = createRedis(db.redisUrl, 'worker');
    events = new QueueEvents(QueueName.maintenance, {
      connection: eventsConnection,
      prefix: db.config.queuePrefix,
    });
    await events.waitUntilReady();
    workers = startWorkers(db);
  });
  after(async () => {
    await workers.close();
    await events.close();
    await queues.close();
    producer.disconnect();
    eventsConnection.disconnect();
    await db.cleanup();
  });

  it('a job added to the queue is completed by a real worker', async () => {
    const job = await queues.maintenance.add(MaintenanceJob.heartbeat, {});
    const result = (await job.waitUntilFinished(events, 15_000)) as { by: string };
    assert.match(result.by, /:\d+$/);
    const beat = await readWorkerHeartbeat(db.mongo);
    assert.equal(beat?.lastHeartbeatBy, result.by);
  });

  it('a job the worker does not know fails once, without retries', async () => {
    const job = await queues.maintenance.add('no-such-job', {}, { attempts: 5 });
    await assert.rejects(
      job.waitUntilFinished(events, 15_000),
      /unknown maintenance job "no-such-job"/,
    );
    const failed = await queues.maintenance.getJob(job.id as string);
    assert.equal(failed?.attemptsMade, 1);
  });

  it('the expire-jobs maintenance job closes jobs past their maximum age', async () => {
    const Job = entryModel(db.mongo, 'jobs');
    const old = new Date(Date.now() - 100 * 86_400_000);
    await Job.collection.insertOne({
      canonicalUrl: 'https://old.example/1',
      status: 'open',
      publishedAt: old,
      job: null,
    });
    const job = await queues.maintenance.add(MaintenanceJob.expireJobs, {});
    assert.deepEqual(await job.waitUntilFinished(events, 15_000), { expired: 0, tooOld: 1 });
    const doc = await Job.collection.findOne({ canonicalUrl: 'https://old.example/1' });
    assert.deepEqual([doc?.status, doc?.closedReason], ['closed', 'too_old']);
  });

  it('the scheduler registers each maintenance job once, however often it syncs', async () => {
    await syncSchedules(queues, db.mongo, db.logger);
    await syncSchedules(queues, db.mongo, db.logger);
    const schedulers = await queues.maintenance.getJobSchedulers();
    assert.deepEqual(schedulers.map((s) => s.key).sort(), [
      MaintenanceJob.expireJobs,
      MaintenanceJob.heartbeat,
    ]);
  });

  it('the scheduler queues one rebuild of stored search terms per tokenizer version', async () => {
    // A fresh database records no version: its (no) entries count as built by an older one.
    await syncSchedules(queues, db.mongo, db.logger);
    await syncSchedules(queues, db.mongo, db.logger);
    const job = await queues.maintenance.getJob(`${MaintenanceJob.refreshTerms}-v${TERMS_VERSION}`);
    assert.ok(job, 'queued under the version its id names');
    await job.waitUntilFinished(events, 15_000);
    assert.equal(await readTermsVersion(db.mongo), TERMS_VERSION);
    // Up to date: later syncs queue nothing more.
    await syncSchedules(queues, db.mongo, db.logger);
    const all = await queues.maintenance.getJobs(['waiting', 'active', 'completed', 'delayed']);
    assert.equal(all.filter((j) => j.name === MaintenanceJob.refreshTerms).length, 1);
  });
});
