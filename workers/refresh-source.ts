import { UnrecoverableError } from 'bullmq';
import type { Connection } from 'mongoose';
import { canonicalUrl, urlPart } from '../src/domain/canonical-url.ts';
import { layoutWarnings } from '../src/domain/layout-change.ts';
import { printable } from '../src/domain/printable.ts';
import type { Fetcher } from '../src/ingest/fetch/fetcher.ts';
import { offBoardWarnings } from '../src/ingest/off-board.ts';
import { readFeed } from '../src/ingest/read-feed.ts';
import { AppError, FetchError, ParseError } from '../src/lib/errors.ts';
import type { Logger } from '../src/lib/logger.ts';
import {
  knownUrls,
  type ListedElsewhere,
  type StorePolicy,
  upsertEntries,
} from '../src/store/entry-repository.ts';
import { closeMissingJobs } from '../src/store/expiry-repository.ts';
import type {
  LastRead,
  RunSummary,
  RunTrigger,
  SourceDoc,
  StageMs,
} from '../src/store/models/source.ts';
import { diffFields, recordSourceChange } from '../src/store/source-change-repository.ts';
import { followEnabled } from '../src/store/source-pause.ts';
import { relabelEntries } from '../src/store/source-relabel.ts';
import {
  findSource,
  recordRunFailure,
  recordRunSuccess,
  recordRunWaiting,
  updateSource,
} from '../src/store/source-repository.ts';

export type RefreshDeps = {
  mongo: Connection;
  fetcher: Fetcher;
  logger: Logger;
  policy: StorePolicy;
  now?: () => Date;
};

/** A run that did nothing yet; stages fill in what happened. */
export const emptyRun = (at: Date): RunSummary => ({
  at,
  outcome: 'stored',
  new: 0,
  updated: 0,
  unchanged: 0,
  closed: 0,
  dropped: 0,
  durationMs: 0,
  repairs: [],
  warnings: [],
});

/** Whether a run changed what the board shows (so cached pages must go). */
export function changedBoard(run: RunSummary): boolean {
  return run.new + run.updated + run.closed > 0;
}

/**
 * A source disabled while its run stored: the run may have opened jobs that disabling had just
 * taken off the board. They go off again (see followEnabled); a run that read nothing new
 * (304, same body) opened none.
 */
async function pauseIfDisabledMeanwhile(deps: RefreshDeps, source: SourceDoc, now: Date) {
  if (source.type !== 'jobs') return;
  const current = await findSource(deps.mongo, String(source._id));
  if (current && !current.enabled) await followEnabled(deps.mongo, current, now, deps.policy);
}

/** Whether retrying the run could help: HTTP 404/410, blocked addresses and non-feeds can't. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof FetchError) return error.permanent;
  return error instanceof ParseError;
}

/**
 * Refreshes one source: fetch (conditional) → parse → normalize → store, then records the
 * run on the source. The order mirrors the pipeline; each stage is its own module.
 */
export async function refreshSource(
  deps: RefreshDeps,
  sourceId: string,
  trigger: RunTrigger = 'scheduled',
  { retry = false }: { retry?: boolean } = {},
): Promise<RunSummary> {
  const now = deps.now?.() ?? new Date();
  const started = Date.now();
  const source = await findSource(deps.mongo, sourceId);
  if (!source) throw new UnrecoverableError(`source ${sourceId} no longer exists`);
  const run: RunSummary = { ...emptyRun(now), trigger };
  if (!source.enabled) return { ...run, outcome: 'skipped', warnings: ['source is disabled'] };
  const clock = stageClock();
  // When an entry's insert goes out, however long the fetch and the reading took (its
  // firstSeenAt; see settledFilter). A clock given by the caller (tests) stays where it is set.
  const runClock = deps.now ? () => now : () => new Date();
  try {
    const result = await runStages(deps, source, run, { now, runClock }, clock);
    result.run.durationMs = Date.now() - started;
    result.run.stageMs = clock.read();
    await recordRunSuccess(
      deps.mongo,
      source._id,
      result.run,
      result.fetchState,
      readFound(result.run, result.read),
    );
    if (result.read) await pauseIfDisabledMeanwhile(deps, source, now);
    return result.run;
  } catch (error) {
    // Our own politeness held the fetch back (the host's Retry-After window, or all its slots
    // busy): nothing was asked of the source's server, so nothing failed. The run is skipped;
    // the source keeps its last real run and says what it waits for, and until when.
    const wait = hostWait(error);
    if (wait) {
      await recordRunWaiting(deps.mongo, source._id, { until: wait.retryAt, reason: wait.message });
      return { ...run, outcome: 'skipped', warnings: [wait.message], retryAt: wait.retryAt };
    }
    run.outcome = 'failed';
    run.durationMs = Date.now() - started;
    // The stages it got through: a run failing after a long store points at the database.
    run.stageMs = clock.read();
    const failure = describeFailure(error);
    await recordRunFailure(deps.mongo, source._id, run, failure, { retry });
    deps.logger.warn(
      { source: source.name, url: source.url, err: failure.message },
      'source refresh failed',
    );
    throw isPermanent(error) ? new UnrecoverableError(failure.message) : error;
  }
}

const closedWarning = (count: number) => `${count} job(s) no longer listed were closed`;
const handedOverWarning = (count: number) =>
  `${count} job(s) no longer listed stay on the board: another source lists them at the same address, and takes them over`;
/** What a run did rather than found: not kept as the last read's warnings. */
const RUN_ONLY = /^\d+ job\(s\) no longer listed (?:were closed|stay on the board)/;

/** What a run that read the body found, but what it did (the jobs it closed); else undefined. */
function readFound(run: RunSummary, read?: ReadFacts): LastRead | undefined {
  if (run.outcome !== 'stored') return undefined;
  return {
    at: run.at,
    warnings: run.warnings.filter((w) => !RUN_ONLY.test(w)),
    shape: run.shape ?? null,
    ...read,
  };
}

/** What a read learned about the source beyond its run: who else lists its URLs, its site. */
type ReadFacts = Pick<LastRead, 'listedBy' | 'siteUrl'>;

/** The last read of a source: recorded apart from its runs, or (older sources) its last run's. */
function lastReadOf(health: SourceDoc['health']): LastRead | null {
  return health.lastRead ?? (health.lastRun ? (readFound(health.lastRun) ?? null) : null);
}

/** When the host gate held a fetch back: why, and when to try again. */
function hostWait(error: unknown): { message: string; retryAt: Date } | null {
  if (!(error instanceof FetchError) || error.fetchCode !== 'host_wait') return null;
  const retryAt = new Date(Date.now() + Math.max(1000, error.details.retryAfterMs ?? 0));
  return { message: `${error.message}: this run is deferred`, retryAt };
}

/** Adds up the wall time of each stage of one run. */
export function stageClock(clock: () => number = () => performance.now()) {
  const spent: StageMs = { fetch: 0, read: 0, store: 0 };
  return {
    async time<T>(stage: keyof StageMs, work: () => Promise<T>): Promise<T> {
      const started = clock();
      try {
        return await work();
      } finally {
        spent[stage] += clock() - started;
      }
    },
    /** The time so far, whole milliseconds. */
    read: (): StageMs => ({
      fetch: Math.round(spent.fetch),
      read: Math.round(spent.read),
      store: Math.round(spent.store),
    }),
  };
}

async function runStages(
  deps: RefreshDeps,
  source: SourceDoc,
  run: RunSummary,
  { now, runClock }: { now: Date; runClock: () => Date },
  clock: ReturnType<typeof stageClock>,
): Promise<{ run: RunSummary; fetchState: SourceDoc['fetchState']; read?: ReadFacts }> {
  const fetched = await clock.time('fetch', () =>
    deps.fetcher.fetch(source.url, {
      etag: source.fetchState.etag,
      lastModified: source.fetchState.lastModified,
      userAgent: source.options.userAgent ?? undefined,
    }),
  );
  const fetchState = {
    etag: fetched.etag ?? source.fetchState.etag,
    lastModified: fetched.lastModified ?? source.fetchState.lastModified,
    bodyHash: fetched.notModified ? source.fetchState.bodyHash : fetched.bodyHash,
    finalUrl: fetched.url,
    resets: source.fetchState.resets,
  };
  // A 304 or a byte-identical body costs no parsing and no writes. What the last read found in
  // the same body still holds: its warnings ("the item selector matches nothing" keeps the
  // source marked as needing attention) and its shape (the next layout check's baseline).
  const read = lastReadOf(source.health);
  const same = { warnings: read?.warnings ?? [], shape: read?.shape ?? null };
  if (fetched.notModified)
    return { run: { ...run, ...same, outcome: 'not_modified' as const }, fetchState };
  // A multi-page listing can change past its first page, so only single pages skip on the hash.
  const singlePage = source.kind !== 'html' || (source.selectors?.maxPages ?? 1) <= 1;
  if (singlePage && fetched.bodyHash === source.fetchState.bodyHash) {
    return { run: { ...run, ...same, outcome: 'unchanged' as const }, fetchState };
  }
  const known =
    source.kind === 'html'
      ? await clock.time('store', () => knownUrls(deps.mongo, source))
      : new Set<string>();
  const reading = await clock.time('read', () =>
    readFeed(
      fetched.text,
      fetched.url,
      {
        ...source,
        // Next and detail pages go through the same polite fetcher; detail pages for new items only.
        fetchPage: async (url) => {
          const page = await deps.fetcher.fetch(url, {
            userAgent: source.options.userAgent ?? undefined,
          });
          return { text: page.text, url: page.url };
        },
        isNew: (item) => !item.link || !known.has(canonicalUrl(item.link) ?? item.link),
      },
      now,
    ),
  );
  const named = await clock.time('store', () =>
    nameFromFeed(deps.mongo, source, reading.feedTitle),
  );
  const { elsewhere, ...counts } = await clock.time('store', () =>
    upsertEntries(deps.mongo, named, reading.entries, now, deps.policy, runClock),
  );
  const shape = reading.fieldCounts
    ? { items: reading.entries.length + reading.dropped.length, fieldCounts: reading.fieldCounts }
    : null;
  const warnings = [
    ...(reading.entries.length === 0
      ? [`the ${source.kind === 'rss' ? 'feed' : 'page'} has no usable items`]
      : []),
    ...reading.warnings,
    ...(elsewhere ? [listedElsewhereWarning(elsewhere)] : []),
    ...(shape ? layoutWarnings(lastReadOf(source.health)?.shape ?? null, shape) : []),
    ...(source.type === 'jobs'
      ? offBoardWarnings(reading.entries, now, deps.policy.maxJobAgeDays)
      : []),
  ];
  let closed = 0;
  if (source.type === 'jobs' && source.options.listsAllOpenJobs && reading.entries.length > 0) {
    const missing = await clock.time('store', () =>
      closeMissingJobs(
        deps.mongo,
        source._id,
        new Set(reading.entries.map((e) => e.canonicalUrl)),
        now,
        deps.policy.dedupWindowDays,
      ),
    );
    closed = missing.closed;
    if (closed) warnings.push(closedWarning(closed));
    if (missing.handedOver) warnings.push(handedOverWarning(missing.handedOver));
  }
  return {
    run: {
      ...run,
      ...counts,
      closed,
      shape,
      outcome: 'stored' as const,
      dropped: reading.dropped.length,
      repairs: reading.repairs,
      warnings,
    },
    fetchState,
    read: { listedBy: elsewhere?.sourceIds ?? [], siteUrl: reading.siteUrl },
  };
}

/**
 * A source added without a name is named after its host ("127.0.0.1:8080", "jobs.example"):
 * several feeds of one host then share a name on the board. Its first successful read names
 * it after the feed's own title instead, once, recorded in its history.
 */
export async function nameFromFeed(
  mongo: Connection,
  source: SourceDoc,
  feedTitle: string | null,
): Promise<SourceDoc> {
  const title = feedTitle?.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (!title || source.health.lastSuccessAt || source.name !== urlPart(source.url, 'host'))
    return source;
  await updateSource(mongo, String(source._id), { name: title });
  // A failed first attempt may have stored entries under the host's name.
  await relabelEntries(mongo, source, source, { ...source, name: title });
  await recordSourceChange(mongo, {
    sourceId: source._id,
    by: 'system',
    action: 'update',
    changes: diffFields({ name: source.name }, { name: title }),
  });
  return { ...source, name: title };
}

/** Items another source stored first stay with it; the operator learns which, and how many. */
export function listedElsewhereWarning(elsewhere: ListedElsewhere): string {
  const items = elsewhere.count === 1 ? '1 item is' : `${elsewhere.count} items are`;
  const by = elsewhere.sources.length === 1 ? 'another source' : 'other sources';
  const stay = elsewhere.count === 1 ? 'stays' : 'stay';
  return `${items} already listed by ${by} (${elsewhere.sources.join(', ')}) and ${stay} with ${elsewhere.sources.length === 1 ? 'it' : 'them'}: the same feed added twice, or a partner republishing ${elsewhere.count === 1 ? 'it' : 'them'}`;
}

/** The failure as the operator reads it on the source: message, code and HTTP status. */
export function describeFailure(error: unknown): {
  message: string;
  code: string;
  status: number | null;
} {
  if (error instanceof FetchError)
    return {
      message: printable(error.message),
      code: error.code,
      status: error.details.status ?? null,
    };
  if (error instanceof AppError)
    return { message: printable(error.message), code: error.code, status: null };
  return {
    message: printable(error instanceof Error ? error.message : String(error)),
    code: 'internal',
    status: null,
  };
}
