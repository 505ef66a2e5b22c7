import { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Config } from '../config/env.ts';
import type { Logger } from '../src/lib/logger.ts';
import { createRedis } from '../src/queue/connection.ts';
import { createQueues, QueueName } from '../src/queue/queues.ts';
import type { StorePolicy } from '../src/store/entry-repository.ts';
import { createProductFetcher } from './fetcher-factory.ts';
import { fetchProcessor } from './processors/fetch.ts';
import { maintenanceProcessor } from './processors/maintenance.ts';

/** The store's rules, from configuration. */
export function storePolicy(config: Config): StorePolicy {
  return { maxJobAgeDays: config.jobMaxAgeDays, dedupWindowDays: config.dedupWindowDays };
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
