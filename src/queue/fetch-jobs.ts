import { createHash } from 'node:crypto';
import type { JobsOptions, Queue } from 'bullmq';
import { effectiveIntervalMinutes } from '../domain/source.ts';
import type { RunTrigger } from '../store/models/source.ts';

/** The one job a fetch queue runs: refresh a source. Payloads carry ids only. */
export const refreshJobName = 'refresh';
export type RefreshJobData = { sourceId: string; reason: RunTrigger };

/** Fixed ids (no colons, not digits-only): one source is never queued twice. */
export const sourceJobId = (sourceId: string) => `source-${sourceId}`;
const schedulerPrefix = 'source-';

/** Transient failures retry with exponential backoff; permanent ones fail at once (UnrecoverableError). */
export const refreshJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 1000 },
};

type Schedulable = {
  _id: { toString(): string };
  enabled: boolean;
  intervalMinutes: number;
  health: { consecutiveFailures: number; lastFetchedAt: Date | null };
};

/**
 * Where in its interval a source falls due (ms after a multiple of the interval): a stable
 * spread from its id, so sources added together (the starter list, an OPML import) do not all
 * fall due together every cycle. At 1,000 sources every 5 minutes, one shared phase made each
 * cycle a burst of 1,000 runs and lateness p99 30 s; spread, it is 3 or 4 runs a second.
 */
export function phaseMs(sourceId: string, everyMs: number): number {
  return createHash('sha1').update(sourceId).digest().readUIntBE(0, 6) % everyMs;
}

/** The first time at or after `at` on the grid phase + k × every. */
export function nextSlot(at: number, everyMs: number, phase: number): number {
  const slot = Math.floor((at - phase) / everyMs) * everyMs + phase;
  return slot >= at ? slot : slot + everyMs;
}

const onGrid = (at: number, everyMs: number, phase: number) =>
  (((at - phase) % everyMs) + everyMs) % everyMs === 0;

/**
 * Creates or updates a source's job scheduler at its effective interval (backed off while
 * failing), on the source's own phase. Unchanged settings leave the pending run alone; a
 * changed interval takes effect from the last run, so backing off never triggers an immediate
 * extra run. A source that has never run is fetched at once, as "fetch now" would, and falls
 * due on its phase from an interval later.
 */
export async function scheduleSource(
  queue: Queue,
  source: Schedulable,
  now = Date.now(),
): Promise<void> {
  const id = source._id.toString();
  const key = schedulerPrefix + id;
  if (!source.enabled) {
    await queue.removeJobScheduler(key);
    return;
  }
  const everyMs =
    effectiveIntervalMinutes(source.intervalMinutes, source.health.consecutiveFailures) * 60_000;
  const phase = phaseMs(id, everyMs);
  // Upserting even an unchanged scheduler re-adds its pending job at the back of the queue, so
  // the periodic sync (and each worker after each run) kept pushing overdue runs behind newer
  // ones when workers fell behind (seen in the 1,000-source benchmark). Unchanged: leave it.
  const existing = await queue.getJobScheduler(key);
  const sameEvery = existing !== undefined && Number(existing.every) === everyMs;
  if (sameEvery && onGrid(Number(existing.next), everyMs, phase)) return;
  // With its interval unchanged BullMQ keeps a scheduler's slots and ignores a new start date:
  // one made before phases (all due together) is moved onto its phase by replacing it, once.
  if (sameEvery) await queue.removeJobScheduler(key);
  const last = source.health.lastFetchedAt?.getTime();
  const from = last === undefined ? now + everyMs : Math.max(now, last + everyMs);
  await queue.upsertJobScheduler(
    key,
    { every: everyMs, startDate: nextSlot(from, everyMs, phase) },
    {
      name: refreshJobName,
      data: { sourceId: id, reason: 'scheduled' } satisfies RefreshJobData,
      opts: refreshJobOptions,
    },
  );
  if (last === undefined) await enqueueRefresh(queue, id);
}

/** When one source's scheduler next fires (the console's "next run" on its page). */
export async function scheduledRun(queue: Queue, sourceId: string): Promise<Date | undefined> {
  const next = (await queue.getJobScheduler(schedulerPrefix + sourceId))?.next;
  return next ? new Date(Number(next)) : undefined;
}

/** When each source's scheduler next fires, by source id (the console's list). */
export async function scheduledRuns(queue: Queue): Promise<Map<string, Date>> {
  const runs = new Map<string, Date>();
  for (const scheduler of await queue.getJobSchedulers(0, -1)) {
    if (scheduler.key.startsWith(schedulerPrefix) && scheduler.next)
      runs.set(scheduler.key.slice(schedulerPrefix.length), new Date(Number(scheduler.next)));
  }
  return runs;
}

/** Makes the queue's schedulers match the sources: one per enabled source, none for others. */
export async function syncSourceSchedules(
  queue: Queue,
  sources: Schedulable[],
): Promise<{ scheduled: number; removed: number }> {
  const wanted = new Set<string>();
  for (const source of sources) {
    await scheduleSource(queue, source);
    if (source.enabled) wanted.add(schedulerPrefix + source._id.toString());
  }
  let removed = 0;
  for (let start = 0; ; start += 500) {
    const page = await queue.getJobSchedulers(start, start + 499);
    for (const scheduler of page) {
      if (scheduler.key.startsWith(schedulerPrefix) && !wanted.has(scheduler.key)) {
        await queue.removeJobScheduler(scheduler.key);
        removed++;
      }
    }
    if (page.length < 500) break;
  }
  return { scheduled: wanted.size, removed };
}

/** The id of a "fetch now" asked for while the source's last one runs: it starts after it. */
export const followUpJobId = (sourceId: string) => `${sourceJobId(sourceId)}-again`;

/**
 * Queues an immediate run ("fetch now", or an edit's first run with its new settings). A run
 * already waiting serves it (it reads the source's settings when it starts); one waiting out a
 * retry's backoff or a host's Retry-After is moved up to now; while one runs, a follow-up is
 * queued to start after it, since the running one may have read the settings before an edit.
 */
export async function enqueueRefresh(queue: Queue, sourceId: string): Promise<void> {
  const existing = await queue.getJob(sourceJobId(sourceId));
  const state = existing ? await existing.getState() : null;
  if (existing && state === 'delayed') {
    await existing.promote();
    return;
  }
  if (state === 'waiting' || state === 'prioritized' || state === 'waiting-children') return;
  const jobId = state === 'active' ? followUpJobId(sourceId) : sourceJobId(sourceId);
  // A finished job not yet removed would make BullMQ ignore the new one.
  if (existing && (state === 'completed' || state === 'failed')) await existing.remove();
  await queue.add(refreshJobName, { sourceId, reason: 'manual' } satisfies RefreshJobData, {
    ...refreshJobOptions,
    jobId,
    // Removed when done, so the next "fetch now" can use the same id; results live on the source.
    removeOnComplete: true,
    removeOnFail: true,
  });
}
