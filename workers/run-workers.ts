import { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Config } from '../config/env.ts';
import type { Logger } from '../src/lib/logger.ts';
import { createRedis } from '../src/queue/connection.ts';
import type { RefreshJobData } from '../src/queue/fetch-jobs.ts';
import { createQueues, QueueName } from '../src/queue/queues.ts';
import type { StorePolicy } from '../src/store/entry-repository.ts';
import { findSource, recordRunFailure } from '../src/store/source-repository.ts';
import { createProductFetcher } from './fetcher-factory.ts';
import { fetchProcessor } from './processors/fetch.ts';
import { maintenanceProcessor } from './processors/maintenance.ts';
import { emptyRun } from './refresh-source.ts';

/** The store's rules, from configuration. */
export function storePolicy(config: Config): StorePolicy {
  return { maxJobAgeDays: config.jobMaxAgeDays, dedupWindowDays: config.dedupWindowDays };
}

/** BullMQ's words for a job it gave up on after stalls (its worker stopped mid-run). */
const GIVEN_UP = /(?:stalled|started) more than allowable limit/;

/** Records on the source that its run was given up after being interrupted again and again. */
export async function recordInterrupted(mongo: Connection, data: RefreshJobData): Promise<void> {
  const source = await findSource(mongo, data.sourceId);
  if (!source) return;
  await recordRunFailure(
    mongo,
    source._id,
    { ...emptyRun(new Date()), outcome: 'failed', trigger: data.reason },
    {
      message:
        'the run was interrupted three times (its worker stopped mid-run) and given up; what it stored is kept, and the next run reads the feed again',
      code: 'interrupted',
      status: null,
    },
  );
}

export type RunningWorkers = { workers: Worker[]; close: () => Promise<void> };

/** Starts one BullMQ worker per queue; close() stops taking jobs and waits for running ones. */
export function startWorkers(deps: {
  config: Config;
  logger: Logger;
  mongo: Connection;
  redisUrl: string;
}): RunningWorkers {
  const { config, logger, mongo } = deps;
  const connection = createRedis(deps.redisUrl, 'worker');
  // Commands (locks, host gate, rescheduling) use their own connection: the workers' one blocks.
  const commands = createRedis(deps.redisUrl, 'worker');
  const queues = createQueues(commands, config.queuePrefix);
  const common = {
    connection,
    prefix: config.queuePrefix,
    lockDuration: config.workerLockMs,
    stalledInterval: config.workerLockMs,
    // A run whose worker stopped mid-run (a deploy's SIGTERM past the shutdown timeout, a
    // crash) is run again; only a third stop in a row gives it up (see recordInterrupted).
    maxStalledCount: 2,
  };
  const fetcher = createProductFetcher(config, commands);
  const workers = [
    new Worker(
      QueueName.fetch,
      fetchProcessor({
        mongo,
        fetcher,
        logger,
        policy: storePolicy(config),
        redis: commands,
        queue: queues.fetch,
        prefix: config.queuePrefix,
      }),
      { ...common, concurrency: config.workerConcurrency },
    ),
    new Worker(QueueName.maintenance, maintenanceProcessor(mongo, config, commands), {
      ...common,
      concurrency: 1,
    }),
  ];
  // A run given up because its worker kept stopping mid-run never reached refreshSource's own
  // failure handling: recorded here, or the source would show its previous run as if current.
  workers[0]?.on('failed', (job, error) => {
    if (!job || !GIVEN_UP.test(error.message)) return;
    recordInterrupted(mongo, job.data as RefreshJobData).catch((failure: Error) =>
      logger.error({ job: job.id, err: failure.message }, 'recording an interrupted run failed'),
    );
  });
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      logger.warn({ queue: worker.name, job: job?.id, err: error.message }, 'job failed'),
    );
    worker.on('error', (error) =>
      logger.error({ queue: worker.name, err: error.message }, 'worker error'),
    );
  }
  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
      await queues.close();
      commands.disconnect();
      connection.disconnect();
    },
  };
}
