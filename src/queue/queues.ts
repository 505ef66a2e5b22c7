import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/** One queue per kind of work. */
export const QueueName = {
  fetch: 'fetch',
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

/** Maintenance job names; each has one processor in workers/processors. */
export const MaintenanceJob = {
  heartbeat: 'heartbeat',
  /** Closes jobs past their expiry or maximum age (no TTL index: they are kept, closed). */
  expireJobs: 'expire-jobs',
  /** Rebuilds stored entries' search terms after a tokenizer change (store/terms-refresh.ts). */
  refreshTerms: 'refresh-terms',
} as const;

export type Queues = { fetch: Queue; maintenance: Queue; close: () => Promise<void> };

/** Producer-side queues sharing one connection, namespaced by the configured prefix. */
export function createQueues(connection: Redis, prefix: string): Queues {
  const options = { connection, prefix };
  const fetch = new Queue(QueueName.fetch, options);
  const maintenance = new Queue(QueueName.maintenance, options);
  return {
    fetch,
    maintenance,
    close: async () => {
      await Promise.all([fetch.close(), maintenance.close()]);
    },
  };
}
