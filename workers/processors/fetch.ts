import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { type RefreshJobData, scheduleSource } from '../../src/queue/fetch-jobs.ts';
import { SourceLock } from '../../src/queue/source-lock.ts';
import type { RunSummary } from '../../src/store/models/source.ts';
import { findSource } from '../../src/store/source-repository.ts';
import { changedBoard, emptyRun, type RefreshDeps, refreshSource } from '../refresh-source.ts';

/**
 * Runs refresh jobs: one run per source at a time (Redis lock), then re-applies the source's
 * schedule so a failure streak backs off and a recovery returns to the normal interval.
 */
export function fetchProcessor(deps: RefreshDeps & { redis: Redis; queue: Queue; prefix: string }) {
  const lock = new SourceLock(deps.redis, deps.prefix);
  return async (job: Job<RefreshJobData>): Promise<RunSummary> => {
    const { sourceId } = job.data;
    const token = String(job.id);
    if (!(await lock.acquire(sourceId, token))) {
      return {
        ...emptyRun(new Date()),
        outcome: 'skipped',
        warnings: ['another run of this source was in progress'],
      };
    }
    try {
      const run = await refreshSource(deps, sourceId);
      if (changedBoard(run)) await bumpBoardVersion(deps.redis, deps.prefix);
      return run;
    } finally {
      await lock.release(sourceId, token);
      const source = await findSource(deps.mongo, sourceId);
      if (source) await scheduleSource(deps.queue, source);
    }
  };
}
