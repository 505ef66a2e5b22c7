// Scenario 2, board: a seeded board (jobs and articles written as the store writes first
// sightings, enriched by the real pipeline) served by the product's web process, driven by
// autocannon in a process of its own, beside a bare Express route in a process started the same way.

import { load as parseHtml } from 'cheerio';
import type { Connection } from 'mongoose';
import { DEFAULT_PAGE_SIZE, type JobQuery } from '../../src/domain/board-query.ts';
import { queryString } from '../../src/domain/board-query-url.ts';
import type { EnrichedEntry, EntryType } from '../../src/domain/entry.ts';
import { readFeed } from '../../src/ingest/read-feed.ts';
import { boardJobBase } from '../../src/store/board-filters.ts';
import {
  contentHash,
  newEntryDocument,
  type StoreSource,
} from '../../src/store/entry-repository.ts';
import { entryModel } from '../../src/store/models/entry.ts';
import { createSource } from '../../src/store/source-repository.ts';
import { type Child, cpuMs, profileArgs, startNode } from '../lib/children.ts';
import type { BenchContext } from '../lib/context.ts';
import { generateItems, rssFeed } from '../lib/feed-gen.ts';
import { freePort } from '../lib/free-port.ts';
import { load, timeOne } from '../lib/load.ts';
import type { Figure, Figures } from '../lib/report.ts';
import { type LoadWindow, overlapping, slowBuilds } from '../lib/slow-builds.ts';
import { benchSource } from '../lib/sources.ts';

export type BoardOptions = {
  jobs: number;
  articles: number;
  reps: number;
  /** Repetitions that also time a cold render of every page (the first always does). */
  coldReps: number;
  seconds: number;
  connections: number;
};

const policy = { maxJobAgeDays: 45, dedupWindowDays: 14 };
const ORIGIN = 'https://jobs.bench.example';
// Distinct listings enriched by the real pipeline; the seed cycles through them with unique URLs
// and dates (enriching 150,000 listings one by one would dominate the run).
const POOL = 2_000;

async function pool(type: EntryType, now: Date): Promise<EnrichedEntry[]> {
  const entries: EnrichedEntry[] = [];
  for (let feed = 0; entries.length < POOL; feed++) {
    const body = rssFeed(
      `pool ${feed}`,
      ORIGIN,
      generateItems({ feed, count: 200, origin: ORIGIN, now }),
    );
    const reading = await readFeed(
      body,
      `${ORIGIN}/pool/${feed}.rss`,
      { type, kind: 'rss' } as never,
      now,
    );
    entries.push(...reading.entries);
  }
  return entries;
}

/** Writes `count` entries of a type across `sources`, spread over the last 40 days. */
export async function seed(
  mongo: Connection,
  type: EntryType,
  count: number,
  sources: StoreSource[],
  now: Date,
): Promise<void> {
  const listings = await pool(type, now);
  const Entry = entryModel(mongo, type);
  const spanMs = 40 * 24 * 3_600_000;
  for (let start = 0; start < count; start += 1_000) {
    const docs = [];
    for (let i = start; i < Math.min(count, start + 1_000); i++) {
      const base = listings[i % listings.length] as EnrichedEntry;
      const url = `${ORIGIN}/${type}/${i}`;
      const entry: EnrichedEntry = {
        ...base,
        canonicalUrl: url,
        url,
        guid: url,
        publishedAt: new Date(now.getTime() - Math.floor((i / count) * spanMs)),
      };
      docs.push(
        newEntryDocument(
          entry,
          sources[i % sources.length] as StoreSource,
          contentHash(entry),
          now,
          policy,
        ),
      );
    }
    await Entry.insertMany(docs, { ordered: false, lean: true });
  }
}

export async function seedSources(
  mongo: Connection,
  type: EntryType,
  n: number,
): Promise<StoreSource[]> {
  const sources: StoreSource[] = [];
  for (let i = 0; i < n; i++)
    sources.push(
      await createSource(
        mongo,
        benchSource(`Bench ${type} ${i}`, `${ORIGIN}/feeds/${type}-${i}.rss`, {
          type,
          enabled: false,
          terms: { attribution: true, syndication: i % 2 === 0, note: null },
        }),
      ),
    );
  return sources;
}

/**
 * The URL of page `pages` of /jobs, as its "Older" link reads: the cursor is the last job of
 * the page before. Found with one query instead of following 49 links, since every page of a
 * fresh version is a cold render (a scan on FerretDB: seconds each at full size).
 */
async function deepPage(mongo: Connection, pages: number): Promise<string> {
  const [last] = await entryModel(mongo, 'jobs')
    .collection.find(boardJobBase, { projection: { publishedAt: 1 } })
    .sort({ publishedAt: -1, _id: -1 })
    .skip((pages - 1) * DEFAULT_PAGE_SIZE - 1)
    .limit(1)
    .toArray();
  if (!last) throw new Error(`/jobs has fewer than ${pages} pages`);
  const after = { order: 'published' as const, at: last.publishedAt as Date, id: String(last._id) };
  return `/jobs${queryString({ after, page: pages } as JobQuery)}`;
}

/** The board's first and its typical queries, straight through the driver: the database alone. */
async function driverQueryMs(mongo: Connection): Promise<number> {
  const jobs = entryModel(mongo, 'jobs').collection;
  const started = performance.now();
  await Promise.all([
    jobs.find(boardJobBase).sort({ publishedAt: -1, _id: -1 }).limit(21).toArray(),
    jobs.countDocuments(boardJobBase),
  ]);
  return performance.now() - started;
}

export async function boardScenario(
  bench: BenchContext,
  options: BoardOptions,
  onWebPeak: (mb: number) => void,
): Promise<Figures> {
  const ns = await bench.namespace('board');
  const now = new Date();
  const seedStarted = performance.now();
  await seed(ns.mongo, 'jobs', options.jobs, await seedSources(ns.mongo, 'jobs', 20), now);
  await seed(
    ns.mongo,
    'articles',
    options.articles,
    await seedSources(ns.mongo, 'articles', 10),
    now,
  );
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const [webPort, barePort] = [await freePort(), await freePort()];
  const web: Child = startNode(
    'web',
    'workers/web.ts',
    ns.env({ PORT: String(webPort) }),
    profileArgs(),
  );
  const bareServer: Child = startNode('bare', 'bench/servers/bare-express.ts', {
    NODE_ENV: 'production',
    PORT: String(barePort),
  });
  const figures: Figure[] = [];
  try {
    await Promise.all([web.waitFor(/web listening/), bareServer.waitFor(/listening/)]);
    const base = `http://127.0.0.1:${webPort}`;
    const baseline = `http://127.0.0.1:${barePort}/hello`;
    const firstJobs = await timeOne(`${base}/jobs`);
    const first = parseHtml(firstJobs.body);
    const jobPath = first('article.job h3 a').first().attr('href');
    if (!jobPath) throw new Error('no job on /jobs: the seed did not reach the board');
    const deepPages = Math.min(50, Math.floor(options.jobs / DEFAULT_PAGE_SIZE));
    const pages: Array<[string, string]> = [
      ['/', '/'],
      ['/jobs', '/jobs'],
      ['/jobs?q=go&workplace=remote', '/jobs?q=go&workplace=remote'],
      ['/jobs?tags=postgresql&salaryMin=100000', '/jobs?tags=postgresql&salaryMin=100000'],
      [`/jobs page ${deepPages}`, await deepPage(ns.mongo, deepPages)],
      ['/jobs/:id', jobPath],
      ['/jobs.rss', '/jobs.rss'],
      ['/api/v1/jobs', '/api/v1/jobs'],
    ];
    // Cold: a render with no cached copy, which pays the database in full. The first sample is
    // each page's first request; later ones send another Host header (another cache key).
    // After new data: the first request once the board version moves, what a visitor feels (a
    // page slow to build is served from its cached copy while it is rebuilt).
    const cold = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    const afterChange = new Map<string, number[]>(pages.map(([name]) => [name, []]));
    cold.get('/jobs')?.push(firstJobs.ms);
    for (const [name, path] of pages)
      if (name !== '/jobs') cold.get(name)?.push((await timeOne(`${base}${path}`)).ms);
    const driver: number[] = [];
    const rows = new Map<
      string,
      {
        ratio: number[];
        rps: number[];
        p50: number[];
        p99: number[];
        kb: number[];
        cpu: number[];
        cpuRatio: number[];
      }
    >(
      pages.map(([name]) => [
        name,
        { ratio: [], rps: [], p50: [], p99: [], kb: [], cpu: [], cpuRatio: [] },
      ]),
    );
    const baseRps: number[] = [];
    const baseCpu: number[] = [];
    const baseP99: number[] = [];
    const windows: LoadWindow[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      await ns.redis.incr(`${ns.name}:board:version`);
      driver.push(await driverQueryMs(ns.mongo));
      // The web reads the version at most once a second.
      await new Promise((r) => setTimeout(r, 1_100));
      for (const [name, path] of pages) {
        afterChange.get(name)?.push((await timeOne(`${base}${path}`)).ms);
        if (rep > 0 && rep < options.coldReps)
          cold.get(name)?.push((await timeOne(`${base}${path}`, `rep-${rep}.bench.invalid`)).ms);
      }
      for (const [name, path] of pages) {
        // The baseline right before each page: on a noisy machine a ratio of neighbours is fair.
        const bareCpu = await cpuMs(bareServer.pid);
        const bare = await load(baseline, options.connections, options.seconds);
        const bareCpuPerRequest = ((await cpuMs(bareServer.pid)) - bareCpu) / bare.requests;
        baseRps.push(bare.rps);
        baseP99.push(bare.p99);
        baseCpu.push(bareCpuPerRequest * 1000);
        const webCpu = await cpuMs(web.pid);
        const loadStart = Date.now();
        const r = await load(`${base}${path}`, options.connections, options.seconds);
        windows.push({ name, start: loadStart, end: Date.now(), p99: r.p99 });
        const webCpuPerRequest = ((await cpuMs(web.pid)) - webCpu) / r.requests;
        const row = rows.get(name);
        row?.cpu.push(webCpuPerRequest * 1000);
        row?.cpuRatio.push(webCpuPerRequest / bareCpuPerRequest);
        row?.rps.push(r.rps);
        row?.ratio.push(r.rps / bare.rps);
        row?.p50.push(r.p50);
        row?.p99.push(r.p99);
        row?.kb.push(r.bytesPerResponse / 1024);
      }
    }
    // Which load windows a slow page's rebuild (a database scan) overlapped, from the web's log.
    const builds = slowBuilds(web.output());
    const scans = (w: LoadWindow) => overlapping(builds, w);
    const quiet = windows.filter((w) => scans(w) === 0).map((w) => w.p99);
    const busy = windows.filter((w) => scans(w) > 0).map((w) => w.p99);
    figures.push(
      { name: 'bare Express route (baseline)', unit: 'req/s', values: baseRps },
      { name: 'bare Express route p99', unit: 'ms', values: baseP99 },
      { name: 'bare Express route CPU per request', unit: 'µs', values: baseCpu },
      { name: 'board query via the driver (find + count, no cache)', unit: 'ms', values: driver },
    );
    for (const [name] of pages) {
      const row = rows.get(name);
      if (!row) continue;
      figures.push(
        { name: `${name} ÷ baseline`, unit: 'ratio', values: row.ratio, target: { min: 0.3 } },
        { name: `${name} req/s`, unit: 'req/s', values: row.rps },
        { name: `${name} p50`, unit: 'ms', values: row.p50 },
        {
          name: `${name} response size (as sent, compressed from 2026-12-07 18:00)`,
          unit: 'KiB',
          values: row.kb,
        },
        { name: `${name} p99`, unit: 'ms', values: row.p99, target: { max: 50 } },
        { name: `${name} web CPU per request`, unit: 'µs', values: row.cpu },
        { name: `${name} web CPU per request ÷ baseline's`, unit: 'ratio', values: row.cpuRatio },
        {
          name: `${name} slow page rebuilds running during its load`,
          unit: 'count',
          values: windows.filter((w) => w.name === name).map(scans),
        },
        {
          name: `${name} first request after new data`,
          unit: 'ms',
          values: afterChange.get(name) ?? [],
        },
        { name: `${name} cold render (no cached copy)`, unit: 'ms', values: cold.get(name) ?? [] },
      );
    }
    if (quiet.length)
      figures.push({
        name: 'p99, load windows with no rebuild running',
        unit: 'ms',
        values: quiet,
      });
    if (busy.length)
      figures.push({
        name: 'p99, load windows with a rebuild running (database scan)',
        unit: 'ms',
        values: busy,
      });
  } finally {
    onWebPeak(await web.peakRssMb().catch(() => Number.NaN));
    await Promise.all([web.stop(), bareServer.stop()]);
    await ns.drop();
  }
  return {
    scenario: 'board',
    setup: `${options.jobs} jobs + ${options.articles} articles (seeded in ${Math.round(seedSeconds)} s), autocannon (own process) ${options.connections} connections × ${options.seconds} s per URL, web and baseline each in their own process`,
    figures,
  };
}
