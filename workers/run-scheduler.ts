import type { Logger } from '../src/lib/logger.ts';
import { MaintenanceJob, type Queues } from '../src/queue/queues.ts';

export const heartbeatEveryMs = 60_000;

/**
 * Keeps the repeatable jobs in Redis in step with what should run. BullMQ's job schedulers
 * are idempotent upserts, so any number of scheduler processes may run this.
 */
export async function syncSchedules(queues: Queues, logger: Logger): Promise<void> {
  await queues.maintenance.upsertJobScheduler(
    MaintenanceJob.heartbeat,
    { every: heartbeatEveryMs },
    { name: MaintenanceJob.heartbeat, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  logger.debug('schedules synced');
}

/** Syncs now and then every `everyMs`; stop() ends the loop. */
export function startScheduler(
  queues: Queues,
  logger: Logger,
  everyMs = 60_000,
): { stop: () => Promise<void> } {
  let running: Promise<void> = syncSchedules(queues, logger).catch((error) =>
    logger.error({ err: error }, 'schedule sync failed'),
  );
  const timer = setInterval(() => {
    running = syncSchedules(queues, logger).catch((error) =>
      logger.error({ err: error }, 'schedule sync failed'),
    );
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
