// Scenario 3, scheduler: sources on BullMQ job schedulers, kept in step by the product's own
// scheduler process and run by worker processes, watched for whole intervals after the first
// runs have settled. Per run: lateness (start − due), slots no run took (missed), and runs of
// one source overlapping in time or refused by the source lock (duplicates). A scaled run
// shortens the interval with the source count, so the runs offered per minute stay the same.
// A new source runs at once (its first run, a "fetch now" job), then falls due on its own phase
// of the interval, so sources created together are spread over each cycle rather than a burst.
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { createRedis } from '../../src/queue/connection.ts';
import { createQueues, QueueName } from '../../src/queue/queues.ts';
import type { RunSummary } from '../../src/store/models/source.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { type Child, profileArgs, startNode } from '../lib/children.ts';
import type { BenchContext, Namespace } from '../lib/context.ts';
import { generateItems, rssFeed } from '../lib/feed-gen.ts';
import { type FeedServer, startFeedServer } from '../lib/feed-server.ts';
import type { Figures } from '../lib/report.ts';
import { benchSource } from '../lib/sources.ts';
import { percentile } from '../lib/stats.ts';

export type SchedulerOptions = {
  sources: number;
  intervalSeconds: number;
  cycles: number;
  reps: number;
  workers: number;
};

/** One attempt at a scheduled run of a source (a retried or stalled job has several). */
export type Run = {
  sourceId: string;
  jobId: string;
  /** When the scheduler meant it to start, ms. */
  due: number;
  start: number;
  /** null while it runs, or if its end was never seen. */
  end: number | null;
  /** The run's outcome (RunSummary), 'error' for an attempt that threw. */
  outcome: RunSummary['outcome'] | 'error' | null;
};

/** Measured runs are those due in [from, to). */
export type Window = { from: number; to: number };

export type RepetitionResult = {
  /** Slots due in the window that some attempt started. */
  runs: number;
  latenessP50Ms: number;
  latenessP99Ms: number;
  latenessMaxMs: number;
  /** Slots due in the window that no attempt took. */
  missed: number;
  /** Runs due at a time off their source's grid (the schedule moved). */
  offGrid: number;
  /** Attempts that started while another attempt of the same source was still running. */
  overlapping: number;
  /** Attempts the per-source lock turned away: another run of the source held it. */
  lockSkips: number;
  /** Slots started more than once (retries after failures, stalled jobs). */
  reattempted: number;
  failed: number;
  runsPerMinute: number;
  /** Median run time (end − start), which with the workers' concurrency bounds the drain rate. */
  durationP50Ms: number;
};

// One item a feed: after its first run a feed answers 304, so measured runs are light. The
// first runs (which store) are set-up, and on the embedded FerretDB each costs more the more
// entries are stored, so more items only make that phase longer.
const items = 1;
const feedPath = (feed: number) => `/feeds/${feed}.rss`;

// ---- Pure helpers: what the figures are, from the runs seen. ----

// BullMQ 6.7 names each job a scheduler makes `repeat:<scheduler id>:<nextMillis>`
// (JobScheduler.getSchedulerNextJobId, and the same string in the addJobScheduler and
// updateJobScheduler scripts), where nextMillis is the slot the job is for. The job's
// timestamp and delay are not: an upsert of an unchanged scheduler (which the product's
// scheduler process does every 30 s, and each worker after each run) replaces the pending job
// with a fresh timestamp, and a slot already past is queued with delay 0.
const scheduledJobId = /^repeat:source-([^:]+):(\d+)$/;
/** A source's first run, queued at once by scheduleSource (the "fetch now" job id). */
const firstRunJobId = /^source-([^:]+)$/;

/** The source and due time of a job a source's scheduler made; null for any other job. */
export function parseScheduledJob(jobId: string): { sourceId: string; due: number } | null {
  const match = scheduledJobId.exec(jobId);
  return match ? { sourceId: match[1] as string, due: Number(match[2]) } : null;
}

/** A Redis stream entry id starts with the server's clock (ms) when the entry was added. */
export function streamTime(entryId: string): number {
  return Number(entryId.split('-')[0]);
}

function groupBy<T>(values: readonly T[], key: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const list = groups.get(key(value));
    if (list) list.push(value);
    else groups.set(key(value), [value]);
  }
  return groups;
}

const slotKey = (run: Pick<Run, 'sourceId' | 'due'>) => `${run.sourceId}:${run.due}`;

/** Start − due per slot due in the window, from the slot's first attempt (retries are not lateness). */
export function latenessMs(runs: readonly Run[], window: Window): number[] {
  const inWindow = runs.filter((r) => r.due >= window.from && r.due < window.to);
  return [...groupBy(inWindow, slotKey).values()].map(
    (attempts) => Math.min(...attempts.map((a) => a.start)) - (attempts[0] as Run).due,
  );
}

/**
 * Attempts that started before an earlier attempt at the same source had ended; one that
 * never ended counts as still running. Touching ends (one ends the ms the next starts) are fine.
 */
export function overlappingRuns(runs: readonly Run[]): number {
  let overlapping = 0;
  for (const attempts of groupBy(runs, (r) => r.sourceId).values()) {
    let busyUntil = Number.NEGATIVE_INFINITY;
    for (const run of [...attempts].sort((a, b) => a.start - b.start)) {
      if (run.start < busyUntil) overlapping++;
      busyUntil = Math.max(busyUntil, run.end ?? Number.POSITIVE_INFINITY);
    }
  }
  return overlapping;
}

/** The times `first + k × every` in the window. */
export function slotsIn(window: Window, first: number, everyMs: number): number[] {
  const slots: number[] = [];
  let t = first + Math.ceil((window.from - first) / everyMs) * everyMs;
  for (; t < window.to; t += everyMs) slots.push(t);
  return slots;
}

const phase = (due: number, everyMs: number) => ((due % everyMs) + everyMs) % everyMs;

/**
 * Slots no attempt took, attempts off the grid, and the sources with either. A source's grid
 * is its first due time in the window plus and minus whole intervals: an `every` scheduler
 * stays on it, also when it skips slots after falling behind, so a skipped slot shows as
 * missed and a schedule that moves inside the window as missed plus off-grid. A source with
 * no run due in the window misses all of its slots there.
 */
export function missedSlots(
  runs: readonly Run[],
  sourceIds: readonly string[],
  window: Window,
  everyMs: number,
): { missed: number; offGrid: number; affected: string[] } {
  const bySource = groupBy(runs, (r) => r.sourceId);
  let missed = 0;
  let offGrid = 0;
  const affected: string[] = [];
  for (const id of sourceIds) {
    const within = new Set(
      (bySource.get(id) ?? [])
        .map((a) => a.due)
        .filter((due) => due >= window.from && due < window.to),
    );
    if (within.size === 0) {
      missed += Math.floor((window.to - window.from) / everyMs);
      affected.push(id);
      continue;
    }
    const slots = new Set(slotsIn(window, Math.min(...within), everyMs));
    const missing = [...slots].filter((slot) => !within.has(slot)).length;
    const off = [...within].filter((due) => !slots.has(due)).length;
    missed += missing;
    offGrid += off;
    if (missing || off) affected.push(id);
  }
  return { missed, offGrid, affected };
}

/**
 * How closely the sources fall due together: the shortest stretch of the interval holding
 * the phases (due mod interval) of `share` of the sources, from each one's first run in the
 * window. Near 0, they all fall due at once and each cycle is one burst.
 */
export function phaseSpreadMs(
  runs: readonly Run[],
  window: Window,
  everyMs: number,
  share = 0.9,
): number {
  const first = new Map<string, number>();
  for (const run of runs)
    if (run.due >= window.from && run.due < window.to)
      first.set(run.sourceId, Math.min(first.get(run.sourceId) ?? run.due, run.due));
  const phases = [...first.values()].map((due) => phase(due, everyMs)).sort((a, b) => a - b);
  const n = phases.length;
  if (n === 0) return Number.NaN;
  const k = Math.max(1, Math.ceil(share * n));
  let shortest = everyMs;
  for (let i = 0; i < n; i++) {
    const j = i + k - 1;
    const end = j < n ? (phases[j] as number) : (phases[j - n] as number) + everyMs;
    shortest = Math.min(shortest, end - (phases[i] as number));
  }
  return shortest;
}

/** Every figure of one repetition from its runs. */
export function analyseRuns(
  runs: readonly Run[],
  sourceIds: readonly string[],
  window: Window,
  everyMs: number,
): RepetitionResult {
  const inWindow = runs.filter((r) => r.due >= window.from && r.due < window.to);
  const lateness = latenessMs(runs, window);
  const slots = groupBy(inWindow, slotKey);
  const { missed, offGrid } = missedSlots(runs, sourceIds, window, everyMs);
  return {
    runs: slots.size,
    latenessP50Ms: percentile(lateness, 50),
    latenessP99Ms: percentile(lateness, 99),
    latenessMaxMs: lateness.length ? Math.max(...lateness) : Number.NaN,
    missed,
    offGrid,
    overlapping: overlappingRuns(inWindow),
    lockSkips: inWindow.filter((r) => r.outcome === 'skipped').length,
    reattempted: [...slots.values()].filter((attempts) => attempts.length > 1).length,
    failed: inWindow.filter((r) => r.outcome === 'error' || r.outcome === 'failed').length,
    runsPerMinute: slots.size / ((window.to - window.from) / 60_000),
    durationP50Ms: percentile(
      inWindow.flatMap((r) => (r.end === null ? [] : [r.end - r.start])),
      50,
    ),
  };
}

/** For the log: the due times (s into the window, and phase) of a few sources with missed or off-grid slots. */
function scheduleChanges(runs: readonly Run[], window: Window, everyMs: number) {
  const ids = missedSlots(
    runs,
    [...new Set(runs.map((r) => r.sourceId))],
    window,
    everyMs,
  ).affected.slice(0, 5);
  return ids.map((id) => ({
    sourceId: id,
    dues: runs
      .filter((r) => r.sourceId === id)
      .map((r) => ({ at: (r.due - window.from) / 1000, phase: phase(r.due, everyMs) })),
  }));
}

// ---- I/O: the feeds, the sources, the processes and the queue's event stream. ----

type Recorder = {
  runs: Run[];
  /** Sources whose first run (queued at once when the source is scheduled) has ended. */
  firstRuns: Set<string>;
  /** Jobs in the fetch queue neither made by a source's scheduler nor a first run (there should be none). */
  others: () => number;
  close: () => Promise<void>;
};

/**
 * Records every attempt from the fetch queue's event stream, read from its first entry so
 * nothing before this reader is ready is lost (and nothing depends on completed jobs being
 * kept: the queue keeps only the last 1000). Start and end are the stream times of the
 * `active` and `completed`/`failed` entries, written in the same scripts that set the job's
 * processedOn and finishedOn (0–7 ms after those, as checked against them); they are moved
 * to this machine's clock (`redisAheadMs`), the one the product processes computed dues with.
 */
async function recordRuns(
  ns: Namespace,
  redisUrl: string,
  redisAheadMs: number,
): Promise<Recorder> {
  const connection = createRedis(redisUrl, 'worker');
  const events = new QueueEvents(QueueName.fetch, {
    connection,
    prefix: ns.name,
    lastEventId: '0',
  });
  const runs: Run[] = [];
  const running = new Map<string, Run>();
  let others = 0;
  const local = (entryId: string) => streamTime(entryId) - redisAheadMs;
  const finish = (jobId: string, entryId: string, outcome: Run['outcome']) => {
    const first = firstRunJobId.exec(jobId);
    if (first) firstRuns.add(first[1] as string);
    const run = running.get(jobId);
    if (!run) return;
    running.delete(jobId);
    run.end = local(entryId);
    run.outcome = outcome;
  };
  const firstRuns = new Set<string>();
  events.on('active', ({ jobId }, entryId) => {
    const job = parseScheduledJob(jobId);
    if (!job) {
      if (!firstRunJobId.test(jobId)) others++;
      return;
    }
    const run: Run = { ...job, jobId, start: local(entryId), end: null, outcome: null };
    runs.push(run);
    running.set(jobId, run);
  });
  events.on('completed', ({ jobId, returnvalue }, entryId) => {
    // QueueEvents has already parsed the JSON its type calls a string.
    const summary = returnvalue as unknown as Partial<RunSummary> | null;
    finish(jobId, entryId, summary?.outcome ?? null);
  });
  events.on('failed', ({ jobId }, entryId) => finish(jobId, entryId, 'error'));
  events.on('error', () => {}); // reconnects on its own; a lost entry would show as a missed run
  await events.waitUntilReady();
  return {
    runs,
    firstRuns,
    others: () => others,
    close: async () => {
      await events.close();
      connection.disconnect();
    },
  };
}

/** The first due time of each source's scheduler, read before any of them has run. */
async function firstScheduledSlots(ns: Namespace, ids: readonly string[]): Promise<number[]> {
  const queues = createQueues(ns.redis, ns.name);
  try {
    const slots: number[] = [];
    for (const id of ids) {
      const next = (await queues.fetch.getJobScheduler(`source-${id}`))?.next;
      if (next === undefined) throw new Error(`source ${id} has no scheduler after its first run`);
      slots.push(Number(next));
    }
    return slots;
  } finally {
    await queues.close();
  }
}

/** How far Redis' clock is ahead of this machine's, in ms (0 for the embedded server). */
async function redisClockAhead(redis: Redis): Promise<number> {
  const before = Date.now();
  const [seconds, micros] = await redis.time();
  const after = Date.now();
  return Math.round(Number(seconds) * 1000 + Number(micros) / 1000 - (before + after) / 2);
}

/** Polls until `done` holds (true) or the deadline passes (false). */
async function waitUntil(done: () => boolean, deadline: number): Promise<boolean> {
  while (!done()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
  return true;
}

/**
 * Sources at the scaled interval. The form refuses intervals under 5 minutes; createSource
 * does not validate, and the product computes `every` as intervalMinutes × 60000 with no
 * rounding anywhere, so a fractional interval runs the real scheduler at that period.
 */
async function createSources(ns: Namespace, server: FeedServer, options: SchedulerOptions) {
  const intervalMinutes = options.intervalSeconds / 60;
  if (intervalMinutes * 60_000 !== options.intervalSeconds * 1000)
    throw new Error(`an interval of ${options.intervalSeconds} s is not a whole ms in minutes`);
  const create = (feed: number) =>
    createSource(
      ns.mongo,
      benchSource(`Bench feed ${feed}`, `${server.origin}${feedPath(feed)}`, { intervalMinutes }),
    );
  // In batches: one at a time, 1000 sources take over a minute on the embedded FerretDB.
  const ids: string[] = [];
  for (let feed = 0; feed < options.sources; feed += 20) {
    const batch = Array.from({ length: Math.min(20, options.sources - feed) }, (_, i) => feed + i);
    for (const source of await Promise.all(batch.map(create))) ids.push(String(source._id));
  }
  return ids;
}

/** Lines product processes logged at error level or above (pino: level ≥ 50). */
function errorLines(child: Child): string[] {
  return child
    .output()
    .split('\n')
    .filter((line) => /"level":(5|6)\d/.test(line));
}

/** One repetition: sources, processes, the first runs, then the measured intervals. */
async function repetition(
  bench: BenchContext,
  rep: number,
  server: FeedServer,
  options: SchedulerOptions,
  onWorkerPeak: (mb: number) => void,
): Promise<RepetitionResult> {
  const everyMs = options.intervalSeconds * 1000;
  const ns = await bench.namespace(`scheduler${rep}`);
  const children: Child[] = [];
  let recorder: Recorder | undefined;
  try {
    const ids = await createSources(ns, server, options);
    recorder = await recordRuns(ns, bench.targets.redisUrl, await redisClockAhead(ns.redis));
    const { runs } = recorder;
    const env = ns.env({ FETCH_ALLOWED_HOSTS: server.host });
    const workers = Array.from({ length: options.workers }, (_, i) =>
      startNode(`worker${i}`, 'workers/worker.ts', env, profileArgs()),
    );
    children.push(...workers);
    await Promise.all(workers.map((w) => w.waitFor(/worker running/)));
    const scheduler = startNode('scheduler', 'workers/scheduler.ts', env, profileArgs());
    children.push(scheduler);
    await scheduler.waitFor(/backboard scheduler running/);

    // The first sync runs every new source at once; measuring starts once each has run. If
    // some still have not after two intervals, measuring starts anyway: a scheduler that
    // far behind is the result (their slots in the window count as missed or late).
    const syncedAt = Date.now();
    const ran = new Set<string>();
    const settled = await waitUntil(
      () => {
        for (const run of runs) if (run.end !== null) ran.add(run.sourceId);
        for (const id of recorder?.firstRuns ?? []) ran.add(id);
        return ran.size >= ids.length;
      },
      syncedAt + 2 * everyMs + 120_000,
    );
    const firstRuns = { settled, sourcesRun: ran.size, seconds: (Date.now() - syncedAt) / 1000 };
    // Each source falls due on its own phase from about an interval after its first run: the
    // window opens once every grid has begun, so each source has `cycles` slots in it.
    const from = Math.max(Date.now(), ...(await firstScheduledSlots(ns, ids)));
    const window = { from, to: from + options.cycles * everyMs };
    // Then until every slot of the window has been run, or one more interval has passed
    // (a slot not started by its next slot's time counts as missed).
    const expected = ids.length * options.cycles;
    await waitUntil(() => {
      if (Date.now() < window.to) return false;
      const due = runs.filter((r) => r.due >= window.from && r.due < window.to);
      return due.every((r) => r.end !== null) && new Set(due.map(slotKey)).size >= expected;
    }, window.to + everyMs);

    const result = analyseRuns(runs, ids, window, everyMs);
    bench.logger.warn(
      {
        rep,
        ...result,
        firstRuns,
        phaseSpread90Ms: phaseSpreadMs(runs, window, everyMs),
        scheduleChanges: scheduleChanges(runs, window, everyMs),
        otherJobs: recorder.others(),
        errors: children.map((c) => ({
          name: c.name,
          count: errorLines(c).length,
          first: errorLines(c)[0],
        })),
      },
      'scheduler repetition',
    );
    return result;
  } finally {
    for (const child of children.filter((c) => c.name.startsWith('worker')))
      onWorkerPeak(await child.peakRssMb().catch(() => Number.NaN));
    // The scheduler first, so nothing reschedules while the workers drain.
    for (const child of [...children].reverse()) await child.stop();
    await recorder?.close();
    await ns.drop();
  }
}

export async function schedulerScenario(
  bench: BenchContext,
  options: SchedulerOptions,
  onWorkerPeak: (mb: number) => void,
): Promise<Figures> {
  const server = await startFeedServer();
  const now = new Date();
  for (let feed = 0; feed < options.sources; feed++) {
    const feedItems = generateItems({ feed, count: items, origin: server.origin, now });
    server.set(feedPath(feed), rssFeed(`Bench feed ${feed}`, server.origin, feedItems));
  }
  const results: RepetitionResult[] = [];
  try {
    for (let rep = 0; rep < options.reps; rep++)
      results.push(await repetition(bench, rep, server, options, onWorkerPeak));
  } finally {
    await server.close();
  }
  const offered = (options.sources * 60) / options.intervalSeconds;
  const values = (pick: (r: RepetitionResult) => number) => results.map(pick);
  return {
    scenario: 'scheduler',
    setup: `${options.sources} sources every ${options.intervalSeconds} s (${Math.round(offered)} runs/min offered, ${items}-item RSS feeds, 304 after the first run), ${options.workers} worker processes + 1 scheduler process, measured over ${options.cycles} intervals after every source's first run`,
    figures: [
      { name: 'lateness p50 (start − due)', unit: 'ms', values: values((r) => r.latenessP50Ms) },
      {
        name: 'lateness p99',
        unit: 'ms',
        values: values((r) => r.latenessP99Ms),
        target: { max: 5000 },
      },
      { name: 'lateness max', unit: 'ms', values: values((r) => r.latenessMaxMs) },
      { name: 'missed runs', unit: 'runs', values: values((r) => r.missed), target: { max: 0 } },
      {
        name: 'duplicate concurrent runs (overlapping in time)',
        unit: 'runs',
        values: values((r) => r.overlapping),
        target: { max: 0 },
      },
      {
        name: 'duplicate concurrent runs (turned away by the source lock)',
        unit: 'runs',
        values: values((r) => r.lockSkips),
        target: { max: 0 },
      },
      {
        name: `runs per minute (offered ${Math.round(offered)})`,
        unit: 'runs/min',
        values: values((r) => r.runsPerMinute),
      },
      { name: 'failed runs', unit: 'runs', values: values((r) => r.failed) },
    ],
  };
}
