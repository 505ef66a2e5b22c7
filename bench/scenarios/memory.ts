// Scenario 4, memory: the peak resident set of a worker process that ingests one 5 MB feed
// (the kernel's VmHWM, read before it exits). The web and worker peaks during scenarios 1–3
// are collected by those scenarios and reported here beside it.
import { enqueueRefresh } from '../../src/queue/fetch-jobs.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { createSource, findSource } from '../../src/store/source-repository.ts';
import { profileArgs, startNode } from '../lib/children.ts';
import type { BenchContext } from '../lib/context.ts';
import { generateItems, rssFeed } from '../lib/feed-gen.ts';
import { startFeedServer } from '../lib/feed-server.ts';
import type { Figure, Figures } from '../lib/report.ts';
import { benchSource } from '../lib/sources.ts';

export type MemoryOptions = { feedBytes: number; reps: number };

/** A feed of generated items at least `bytes` long. */
function bigFeed(origin: string, bytes: number, now: Date): { body: string; items: number } {
  const perItem =
    Buffer.byteLength(rssFeed('x', origin, generateItems({ feed: 1, count: 20, origin, now }))) /
    20;
  const count = Math.ceil(bytes / perItem);
  const body = rssFeed('Big feed', origin, generateItems({ feed: 1, count, origin, now }));
  return { body, items: count };
}

export async function memoryScenario(
  bench: BenchContext,
  options: MemoryOptions,
  peaks: { web: number[]; worker: number[] },
): Promise<Figures> {
  const server = await startFeedServer();
  const { body, items } = bigFeed(server.origin, options.feedBytes, new Date());
  server.set('/big.rss', body);
  const single: number[] = [];
  try {
    for (let rep = 0; rep < options.reps; rep++) {
      const ns = await bench.namespace(`memory${rep}`);
      const source = await createSource(
        ns.mongo,
        benchSource('Big feed', `${server.origin}/big.rss`),
      );
      const worker = startNode(
        'worker',
        'workers/worker.ts',
        // 5 MB is within the fetcher's default 5 MiB limit: the product's own settings.
        ns.env({ FETCH_ALLOWED_HOSTS: server.host }),
        profileArgs(),
      );
      const queues = createQueues(ns.redis, ns.name);
      try {
        await worker.waitFor(/worker running/);
        await enqueueRefresh(queues.fetch, String(source._id));
        for (;;) {
          const run = (await findSource(ns.mongo, String(source._id)))?.health.lastRun;
          if (run?.outcome === 'failed')
            throw new Error(`the 5 MB run failed: ${JSON.stringify(run)}`);
          if (run) {
            if (run.new !== items) throw new Error(`stored ${run.new} of ${items} items`);
            break;
          }
          worker.assertAlive();
          await new Promise((r) => setTimeout(r, 250));
        }
        single.push(await worker.peakRssMb());
      } finally {
        await queues.close();
        await worker.stop();
        await ns.drop();
      }
    }
  } finally {
    await server.close();
  }
  const figures: Figure[] = [
    {
      name: `worker ingesting one ${(Buffer.byteLength(body) / 1024 / 1024).toFixed(1)} MB feed (${items} items)`,
      unit: 'MB',
      values: single,
      target: { max: 256 },
    },
  ];
  const during: Array<[string, number[], number]> = [
    ['worker processes during ingest/scheduler', peaks.worker, 256],
    ['web process during the board load', peaks.web, 200],
  ];
  for (const [name, values, max] of during)
    if (values.length) figures.push({ name, unit: 'MB', values, target: { max } });
  return { scenario: 'memory', setup: 'peak resident set (VmHWM) per process', figures };
}
