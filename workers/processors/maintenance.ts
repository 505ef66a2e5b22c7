import os from 'node:os';
import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Config } from '../../config/env.ts';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { MaintenanceJob } from '../../src/queue/queues.ts';
import { closeExpiredJobs } from '../../src/store/expiry-repository.ts';
import { recordWorkerHeartbeat } from '../../src/store/system-status-repository.ts';
import { refreshStoredTerms } from '../../src/store/terms-refresh.ts';

/** Runs one maintenance job by name. */
export function maintenanceProcessor(
  mongo: Connection,
  config: Pick<Config, 'jobMaxAgeDays' | 'dedupWindowDays' | 'queuePrefix'>,
  redis: Redis,
) {
  const me = `${os.hostname()}:${process.pid}`;
  return async (job: Job): Promise<unknown> => {
    switch (job.name) {
      case MaintenanceJob.heartbeat:
        await recordWorkerHeartbeat(mongo, me);
        return { by: me };
      case MaintenanceJob.expireJobs: {
        const closed = await closeExpiredJobs(
          mongo,
          new Date(),
          config.jobMaxAgeDays,
          config.dedupWindowDays,
        );
        if (closed.expired + closed.tooOld > 0) await bumpBoardVersion(redis, config.queuePrefix);
        return closed;
      }
      case MaintenanceJob.refreshTerms: {
        const refreshed = await refreshStoredTerms(mongo);
        if (refreshed.rewritten > 0) await bumpBoardVersion(redis, config.queuePrefix);
        return refreshed;
      }
      default:
        // Retrying cannot teach this worker a job it does not know.
        throw new UnrecoverableError(`unknown maintenance job "${job.name}"`);
    }
  };
}
