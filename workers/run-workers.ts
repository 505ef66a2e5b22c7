import { Worker } from 'bullmq';
import type { Connection } from 'mongoose';
import type { Config } from '../config/env.ts';
import type { Logger } from '../src/lib/logger.ts';
import { createRedis } from '../src/queue/connection.ts';
import { QueueName } from '../src/queue/queues.ts';
import { maintenanceProcessor } from './processors/maintenance.ts';

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
  const common = { connection, prefix: config.queuePrefix };
  const workers = [
    new Worker(QueueName.maintenance, maintenanceProcessor(mongo), { ...common, concurrency: 1 }),
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
      connection.disconnect();
    },
  };
}
