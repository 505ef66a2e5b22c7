import type { Connection } from 'mongoose';
import { TERMS_VERSION } from '../src/domain/entry-terms.ts';
import type { Logger } from '../src/lib/logger.ts';
import { syncSourceSchedules } from '../src/queue/fetch-jobs.ts';
import { MaintenanceJob, type Queues } from '../src/queue/queues.ts';
import { listSources } from '../src/store/source-repository.ts';
import { termsOutdated } from '../src/store/terms-refresh.ts';

export const heartbeatEveryMs = 60_000;
export const expireEveryMs = 60 * 60_000;

/**
 * Keeps the job schedulers in Redis in step with the sources (one per enabled source, at its
 * effective interval) plus the maintenance jobs. BullMQ's upserts are idempotent, so any
 * number of scheduler processes may run this.
 */
export async function syncSchedules(
  queues: Queues,
  mongo: Connection,
  logger: Logger,
): Promise<void> {
  await queues.maintenance.upsertJobScheduler(
    MaintenanceJob.heartbeat,
    { every: heartbeatEveryMs },
    { name: MaintenanceJob.heartbeat, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  await queues.maintenance.upsertJobScheduler(
    MaintenanceJob.expireJobs,
    { every: expireEveryMs },
    { name: MaintenanceJob.expireJobs, opts: { removeOnComplete: 100, removeOnFail: 500 } },
  );
  // Once per tokenizer version: the job id makes any number of schedulers add one job.
  if (await termsOutdated(mongo))
    await queues.maintenance.add(
      MaintenanceJob.refreshTerms,
      {},
      {
        jobId: `${MaintenanceJob.refreshTerms}-v${TERMS_VERSION}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: 100,
        removeOnFail: 500,
      },
    );
  const { scheduled, removed } = await syncSourceSchedules(queues.fetch, await listSources(mongo));
  logger.debug({ scheduled, removed }, 'schedules synced');
}

/** Syncs now and then every `everyMs` (edits made elsewhere are picked up); stop() ends it. */
export function startScheduler(
  queues: Queues,
  mongo: Connection,
  logger: Logger,
  everyMs = 30_000,
): { stop: () => Promise<void> } {
  const sync = () =>
    syncSchedules(queues, mongo, logger).catch((error) =>
      logger.error({ err: error }, 'schedule sync failed'),
    );
  let running = sync();
  const timer = setInterval(() => {
    // Chained, so one process never runs two syncs at once.
    running = running.then(sync);
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
