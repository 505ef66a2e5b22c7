import { DelayedError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { type RefreshJobData, scheduleSource } from '../../src/queue/fetch-jobs.ts';
import { SourceLock } from '../../src/queue/source-lock.ts';
import type { RunSummary } from '../../src/store/models/source.ts';
import { findSource } from '../../src/store/source-repository.ts';
import { changedBoard, emptyRun, type RefreshDeps, refreshSource } from '../refresh-source.ts';

/** How long an operator's "fetch now" waits before trying again while another run holds the source. */
export const MANUAL_RETRY_MS = 1000;

/**
 * Runs refresh jobs: one run per source at a time (Redis lock), then re-applies the source's
 * schedule so a failure streak backs off and a recovery returns to the normal interval. A
 * scheduled run that finds the source busy is skipped (the run in progress serves it); an
 * operator's "fetch now" waits its turn instead, so the click always ends in a recorded run.
 */
export function fetchProcessor(deps: RefreshDeps & { redis: Redis; queue: Queue; prefix: string }) {
  const lock = new SourceLock(deps.redis, deps.prefix);
  return async (job: Job<RefreshJobData>, workerToken?: string): Promise<RunSummary> => {
    const { sourceId } = job.data;
    const token = String(job.id);
    if (!(await lock.acquire(sourceId, token))) {
      if (job.data.reason === 'manual' && workerToken) {
        await job.moveToDelayed(Date.now() + MANUAL_RETRY_MS, workerToken);
        throw new DelayedError();
      }
      return {
        ...emptyRun(new Date()),
        outcome: 'skipped',
        warnings: ['another run of this source was in progress'],
      };
    }
    let run: RunSummary;
    try {
      // The queue's retries of a failed run are that run again, not runs of their own.
      run = await refreshSource(deps, sourceId, job.data.reason, { retry: job.attemptsMade > 0 });
      if (changedBoard(run)) await bumpBoardVersion(deps.redis, deps.prefix);
    } finally {
      await lock.release(sourceId, token);
      const source = await findSource(deps.mongo, sourceId);
      if (source) await scheduleSource(deps.queue, source);
    }
    // An operator's "fetch now" held back by the host's politeness runs once the host allows;
    // a scheduled one leaves it to the next scheduled run.
    if (run.retryAt && job.data.reason === 'manual' && workerToken) {
      await job.moveToDelayed(run.retryAt.getTime(), workerToken);
      throw new DelayedError();
    }
    return run;
  };
}
