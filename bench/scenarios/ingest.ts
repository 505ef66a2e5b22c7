// Scenario 1, ingest: generated feeds fetched through the real queue by two worker processes
// (fetch → parse → normalize → enrich → dedup → store), against rss-parser's raw parseString
// rate on the same bytes in this process. Then the same run unchanged (ETag → 304), then with
// 5% of the items edited (only those may be written).

import { Types } from 'mongoose';
import Parser from 'rss-parser';
import type { EnrichedEntry } from '../../src/domain/entry.ts';
import { enrichEntries } from '../../src/ingest/enrich/enrich-job.ts';
import { normalizeFeed } from '../../src/ingest/normalize/normalize-feed.ts';
import { withStockRssParser } from '../../src/ingest/parse/rss-parser-snippet.ts';
import { parseSourceBody } from '../../src/ingest/read-source-body.ts';
import { enqueueRefresh, refreshJobOptions } from '../../src/queue/fetch-jobs.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { contentHash, newEntryDocument } from '../../src/store/entry-repository.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { sourceModel } from '../../src/store/models/source.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { type Child, profileArgs, startNode } from '../lib/children.ts';
import type { BenchContext, Namespace } from '../lib/context.ts';
import { serverWrites } from '../lib/db-writes.ts';
import {
  atomFeed,
  CROSS_POSTED_EVERY,
  expectedCopies,
  generateItems,
  rssFeed,
} from '../lib/feed-gen.ts';
import { type FeedServer, startFeedServer } from '../lib/feed-server.ts';
import type { Figures } from '../lib/report.ts';
import { benchSource } from '../lib/sources.ts';
import { chainedRate, stageShares } from '../lib/stats.ts';

export type IngestOptions = { feeds: number; items: number; reps: number; workers: number };

type Round = {
  seconds: number;
  /** Documents the round added. */
  newItems: number;
  /** Documents the round wrote a new version of (changedAt moved), new ones included. */
  changedItems: number;
  /** Runs that failed and were retried by the queue. */
  failed: number;
  /** Write commands the server counted (MongoDB: opcounters; FerretDB: commands). */
  writes: number;
  /** Documents this round wrote, read back from the database: changed items + source records. */
  docs: number;
  counts: Record<number, number>;
  /** Each stage's share of the round's run time, as the workers recorded it on the sources. */
  shares: ReturnType<typeof stageShares>;
};

const changedShare = 20; // one item in 20: 5%
const isChanged = (feed: number, index: number) => (feed * 31 + index) % changedShare === 0;

/** The feeds' bodies; `edited` rewrites the 5% of items isChanged picks. */
function feedBodies(origin: string, options: IngestOptions, now: Date, edited: boolean): string[] {
  return Array.from({ length: options.feeds }, (_, feed) => {
    const items = generateItems({
      feed,
      count: options.items,
      origin,
      now,
      changed: edited ? (i) => isChanged(feed, i) : undefined,
    });
    return feed % 2 === 0
      ? rssFeed(`Bench feed ${feed}`, origin, items)
      : atomFeed(`Bench feed ${feed}`, origin, items);
  });
}

const feedPath = (feed: number) => `/feeds/${feed}.${feed % 2 === 0 ? 'rss' : 'atom'}`;

/**
 * rss-parser's parseString over every body, items per second: rss-parser as shipped, with the
 * contentSnippet our adapter switches off (a third of its time on these bodies).
 */
async function rawParseRate(bodies: string[]): Promise<number> {
  return withStockRssParser(async () => {
    const parser = new Parser();
    let items = 0;
    const started = performance.now();
    for (const body of bodies) items += (await parser.parseString(body)).items.length;
    return items / ((performance.now() - started) / 1000);
  });
}

type StageRates = { parse: number; normalize: number; enrich: number; entries: EnrichedEntry[] };

/**
 * Each in-process stage of a worker's run over the same bodies, items per second: where the
 * end-to-end time goes before the database and the queue.
 */
async function stageRates(bodies: string[], origin: string, now: Date): Promise<StageRates> {
  const rate = (items: number, started: number) => items / ((performance.now() - started) / 1000);
  let started = performance.now();
  const parsed = [];
  for (const body of bodies) parsed.push(await parseSourceBody(body, origin, { kind: 'rss' }));
  const items = parsed.reduce((n, p) => n + p.items.length, 0);
  const parse = rate(items, started);
  started = performance.now();
  const normalized = parsed.map(
    (feed) => normalizeFeed(feed, { type: 'jobs', feedUrl: origin, now }).entries,
  );
  const normalize = rate(items, started);
  started = performance.now();
  const entries = normalized.flatMap((list) => enrichEntries(list, { now }));
  return { parse, normalize, enrich: rate(items, started), entries };
}

/** The documents of `entries` inserted straight through the driver into a fresh, indexed jobs collection: the database's own rate. */
async function driverInsertRate(bench: BenchContext, label: string, entries: EnrichedEntry[]) {
  const ns = await bench.namespace(label);
  try {
    const source = {
      _id: new Types.ObjectId(),
      name: 'Driver',
      type: 'jobs' as const,
      terms: { attribution: false, syndication: true, note: null },
    };
    const policy = { maxJobAgeDays: 60, dedupWindowDays: 30 };
    const now = new Date();
    const docs = entries.map((e) => newEntryDocument(e, source, contentHash(e), now, policy));
    const jobs = entryModel(ns.mongo, 'jobs').collection;
    const started = performance.now();
    for (let i = 0; i < docs.length; i += 250)
      await jobs.insertMany(docs.slice(i, i + 250), { ordered: false });
    return docs.length / ((performance.now() - started) / 1000);
  } finally {
    await ns.drop();
  }
}

/**
 * The store's per-run queries, timed straight through the driver on the collection the first
 * run filled: reading one source's stored hashes, reading the duplicate groups of its items'
 * keys, and updating one item by its URL and by _id.
 */
async function driverTimes(
  ns: Namespace,
  sourceId: string,
): Promise<{ find: number; groups: number; update: number; updateById: number }> {
  const jobs = entryModel(ns.mongo, 'jobs').collection;
  const one = await jobs.findOne({}, { sort: { _id: -1 }, projection: { canonicalUrl: 1 } });
  let started = performance.now();
  const stored = await jobs
    .find(
      { sourceId: new Types.ObjectId(sourceId) },
      { projection: { canonicalUrl: 1, contentHash: 1, dedupKey: 1 } },
    )
    .toArray();
  const find = performance.now() - started;
  started = performance.now();
  await jobs
    .find(
      { dedupKey: { $in: stored.map((doc) => doc.dedupKey) } },
      { projection: { dedupKey: 1, sourceId: 1, publishedAt: 1, duplicateOf: 1 } },
    )
    .toArray();
  const groups = performance.now() - started;
  started = performance.now();
  await jobs.updateOne({ canonicalUrl: one?.canonicalUrl }, { $set: { lastSeenAt: new Date() } });
  const update = performance.now() - started;
  started = performance.now();
  await jobs.updateOne({ _id: one?._id }, { $set: { lastSeenAt: new Date() } });
  return { find, groups, update, updateById: performance.now() - started };
}

/** Attempts after which the queue gives up on a run. */
const ATTEMPTS = refreshJobOptions.attempts ?? 1;

/**
 * Queues every source at once and waits until each has succeeded since. A run that fails is
 * retried by the queue after its backoff, as in production; the round counts those failures,
 * and its time includes the wait (the product's, not the bench's). New items are read back as
 * documents: a failed attempt may have stored some before the retry stores the rest.
 */
async function runAll(
  ns: Namespace,
  ids: string[],
  server: FeedServer,
  workers: Child[],
): Promise<Round> {
  const queues = createQueues(ns.redis, ns.name);
  const Source = sourceModel(ns.mongo);
  const Jobs = entryModel(ns.mongo, 'jobs');
  const failures = async () =>
    (await Source.find({}, { health: 1 }).lean()).reduce((n, s) => n + s.health.totalFailures, 0);
  server.resetCounts();
  const writesBefore = await serverWrites(ns.mongo);
  const docsBefore = await Jobs.countDocuments({});
  const failuresBefore = await failures();
  const since = new Date();
  const started = performance.now();
  for (const id of ids) await enqueueRefresh(queues.fetch, id);
  for (;;) {
    const done = await Source.countDocuments({ 'health.lastSuccessAt': { $gte: since } });
    if (done >= ids.length) break;
    const givenUp = await Source.find({ 'health.consecutiveFailures': { $gte: ATTEMPTS } }).lean();
    if (givenUp.length)
      throw new Error(
        `${givenUp.length} runs failed ${ATTEMPTS} times, e.g. ${JSON.stringify(givenUp[0]?.health.lastError)}`,
      );
    for (const worker of workers) worker.assertAlive();
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (performance.now() - started) / 1000;
  const writes = (await serverWrites(ns.mongo)) - writesBefore;
  const changedItems = await Jobs.countDocuments({ changedAt: { $gte: since } });
  const sourceRecords = await Source.countDocuments({ 'health.lastFetchedAt': { $gte: since } });
  const failed = (await failures()) - failuresBefore;
  const runs = await Source.find({}, { health: 1 }).lean();
  const shares = stageShares(runs.flatMap((s) => (s.health.lastRun ? [s.health.lastRun] : [])));
  await queues.close();
  return {
    seconds,
    newItems: (await Jobs.countDocuments({})) - docsBefore,
    changedItems,
    failed,
    writes,
    docs: changedItems + sourceRecords,
    counts: server.counts(),
    shares,
  };
}

export async function ingestScenario(
  bench: BenchContext,
  options: IngestOptions,
  onWorkerPeak: (mb: number) => void,
): Promise<Figures> {
  const server = await startFeedServer();
  const now = new Date();
  const original = feedBodies(server.origin, options, now, false);
  const edited = feedBodies(server.origin, options, now, true);
  const totalItems = options.feeds * options.items;
  const copies = expectedCopies(options.feeds, options.items);
  const bytes = original.reduce((n, b) => n + Buffer.byteLength(b), 0);
  const expectedChanged = Array.from(
    { length: options.feeds },
    (_, f) =>
      Array.from({ length: options.items }, (_, i) => isChanged(f, i)).filter(Boolean).length,
  ).reduce((a, b) => a + b, 0);

  const raw: number[] = [];
  const e2e: number[] = [];
  const ratio: number[] = [];
  const rerunTime: number[] = [];
  const rerunWrites: number[] = [];
  const rerunDocs: number[] = [];
  const editTime: number[] = [];
  const editWrittenItems: number[] = [];
  const editWrites: number[] = [];
  const firstWrites: number[] = [];
  const firstCopies: number[] = [];
  const failedRuns: number[] = [];
  const driverFind: number[] = [];
  const driverGroups: number[] = [];
  const driverUpdate: number[] = [];
  const driverUpdateById: number[] = [];
  const driverInsert: number[] = [];
  const firstStore: number[] = [];
  const firstRead: number[] = [];
  const editStore: number[] = [];
  const stages = {
    parse: [] as number[],
    normalize: [] as number[],
    enrich: [] as number[],
    /** The three stages chained on one core, ÷ raw parse: our code's own bound, before queue and database. */
    ratio: [] as number[],
  };
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const ns = await bench.namespace(`ingest${rep}`);
      for (const [feed, body] of original.entries()) server.set(feedPath(feed), body);
      const ids: string[] = [];
      for (let feed = 0; feed < options.feeds; feed++) {
        const source = await createSource(
          ns.mongo,
          benchSource(`Bench feed ${feed}`, `${server.origin}${feedPath(feed)}`),
        );
        ids.push(String(source._id));
      }
      const workers: Child[] = Array.from({ length: options.workers }, (_, i) =>
        startNode(
          `worker${i}`,
          'workers/worker.ts',
          ns.env({ FETCH_ALLOWED_HOSTS: server.host }),
          profileArgs(),
        ),
      );
      try {
        await Promise.all(workers.map((w) => w.waitFor(/worker running/)));
        // The baseline right before the measured run, on the same bytes, in the same machine state.
        const rawRate = await rawParseRate(original);
        const first = await runAll(ns, ids, server, workers);
        if (first.newItems !== totalItems)
          throw new Error(`first run stored ${first.newItems} new items, expected ${totalItems}`);
        firstCopies.push(
          await entryModel(ns.mongo, 'jobs').countDocuments({ duplicateOf: { $ne: null } }),
        );
        const driver = await driverTimes(ns, ids.at(-1) as string);
        driverFind.push(driver.find);
        driverGroups.push(driver.groups);
        driverUpdate.push(driver.update);
        driverUpdateById.push(driver.updateById);
        const second = await runAll(ns, ids, server, workers);
        if (second.changedItems !== 0)
          throw new Error(`unchanged re-run wrote ${second.changedItems} items`);
        for (const [feed, body] of edited.entries()) server.set(feedPath(feed), body);
        const third = await runAll(ns, ids, server, workers);
        const stage = await stageRates(original, server.origin, now);
        stages.parse.push(stage.parse);
        stages.normalize.push(stage.normalize);
        stages.enrich.push(stage.enrich);
        stages.ratio.push(chainedRate([stage.parse, stage.normalize, stage.enrich]) / rawRate);
        driverInsert.push(await driverInsertRate(bench, `ingestdb${rep}`, stage.entries));
        raw.push(rawRate);
        e2e.push(first.newItems / first.seconds);
        ratio.push(first.newItems / first.seconds / rawRate);
        firstWrites.push(first.writes);
        rerunTime.push(second.seconds / first.seconds);
        rerunWrites.push(second.writes / first.writes);
        rerunDocs.push(second.docs / first.docs);
        editTime.push(third.seconds / first.seconds);
        editWrittenItems.push(third.changedItems);
        failedRuns.push(first.failed + second.failed + third.failed);
        editWrites.push(third.writes);
        firstStore.push(first.shares.store);
        firstRead.push(first.shares.read);
        editStore.push(third.shares.store);
        bench.logger.warn(
          { rep, first, second: { ...second }, third: { ...third }, rawRate: Math.round(rawRate) },
          'ingest repetition',
        );
      } finally {
        for (const w of workers) onWorkerPeak(await w.peakRssMb().catch(() => Number.NaN));
        await Promise.all(workers.map((w) => w.stop()));
        await ns.drop();
      }
    }
  } finally {
    await server.close();
  }
  return {
    scenario: 'ingest',
    setup: `${options.feeds} feeds × ${options.items} items (${(bytes / 1024 / 1024).toFixed(1)} MB, half RSS, half Atom, one item in ${CROSS_POSTED_EVERY} cross-posted on a partner feed), ${options.workers} worker processes`,
    figures: [
      { name: 'rss-parser parseString (baseline)', unit: 'items/s', values: raw },
      { name: 'end to end: new items stored', unit: 'items/s', values: e2e },
      { name: 'end to end ÷ raw parse', unit: 'ratio', values: ratio, target: { min: 0.5 } },
      {
        name: 'in process, one core: parse (our parse stage)',
        unit: 'items/s',
        values: stages.parse,
      },
      { name: 'in process, one core: normalize', unit: 'items/s', values: stages.normalize },
      { name: 'in process, one core: enrich', unit: 'items/s', values: stages.enrich },
      {
        name: 'in process, one core: parse → normalize → enrich ÷ raw parse',
        unit: 'ratio',
        values: stages.ratio,
      },
      {
        name: 'driver alone: insert the enriched items (slices of 250)',
        unit: 'items/s',
        values: driverInsert,
      },
      {
        name: 'runs failed and retried by the queue (all three rounds)',
        unit: 'runs',
        values: failedRuns,
        target: { max: 0 },
      },
      {
        name: "first run: share of the runs' time spent storing (database)",
        unit: 'ratio',
        values: firstStore,
      },
      {
        name: "first run: share of the runs' time spent reading (parse → normalize → enrich)",
        unit: 'ratio',
        values: firstRead,
      },
      { name: 'first run: DB writes', unit: 'ops', values: firstWrites },
      {
        name: `first run: cross-posted listings marked as copies (expected ${copies})`,
        unit: 'items',
        values: firstCopies,
        target: { min: copies, max: copies },
      },
      {
        name: 'unchanged re-run: time ÷ first run',
        unit: 'ratio',
        values: rerunTime,
        target: { max: 0.05 },
      },
      {
        name: 'unchanged re-run: documents written ÷ first run',
        unit: 'ratio',
        values: rerunDocs,
        target: { max: 0.05 },
      },
      {
        name: 'unchanged re-run: server write commands ÷ first run',
        unit: 'ratio',
        values: rerunWrites,
      },
      { name: '5% edited: time ÷ first run', unit: 'ratio', values: editTime },
      {
        name: `5% edited: items written (expected ${expectedChanged})`,
        unit: 'items',
        values: editWrittenItems,
        target: { max: expectedChanged, min: expectedChanged },
      },
      { name: '5% edited: DB writes', unit: 'ops', values: editWrites },
      {
        name: "5% edited: share of the runs' time spent storing (database)",
        unit: 'ratio',
        values: editStore,
      },
      {
        name: `driver alone: one source's stored items (of ${totalItems})`,
        unit: 'ms',
        values: driverFind,
      },
      {
        name: `driver alone: duplicate groups of one source's ${options.items} keys ($in, of ${totalItems})`,
        unit: 'ms',
        values: driverGroups,
      },
      {
        name: `driver alone: update one item by URL (of ${totalItems})`,
        unit: 'ms',
        values: driverUpdate,
      },
      {
        name: `driver alone: update one item by _id, as the store does (of ${totalItems})`,
        unit: 'ms',
        values: driverUpdateById,
      },
    ],
  };
}
