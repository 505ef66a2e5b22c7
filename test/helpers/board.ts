import type { Redis } from 'ioredis';
import { ensureIndexes } from '../../src/store/indexes.ts';
import type { SourceDoc } from '../../src/store/models/source.ts';
import { createSource } from '../../src/store/source-repository.ts';
import type { PageCache } from '../../src/web/page-cache.ts';
import { refreshSource } from '../../workers/refresh-source.ts';
import { pipelineDeps, startWebServer } from './board-server.ts';
import { type FeedItem, wwrFeed } from './feeds.ts';
import {
  type FixtureServer,
  readSharedFixture,
  serveBody,
  startFixtureServer,
} from './fixture-server.ts';
import { type Isolated, isolate } from './isolation.ts';
import { sourceInput } from './sources.ts';

export type Board = {
  url: string;
  db: Isolated;
  redis: Redis;
  feeds: FixtureServer;
  /** The items /fresh.rss serves; push one and refresh() the fresh source to publish it. */
  freshItems: FeedItem[];
  sources: Record<'wwr' | 'rct' | 'fresh' | 'mirror' | 'articles', SourceDoc>;
  /** Runs one source through the real pipeline again and invalidates cached pages. */
  refresh(source: SourceDoc): Promise<void>;
  close(): Promise<void>;
};

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toUTCString();

/** Jobs with dates relative to now and the fields filters need (salary, region, stack). */
export function freshJobs() {
  return [
    {
      id: 'fresh-go',
      title: 'Gopher Labs: Senior Backend Engineer (Go)',
      region: 'Anywhere in the World',
      pubDate: hoursAgo(2),
      description:
        '<p>Build Go services on PostgreSQL and Kafka. Salary: $150,000 - $180,000 per year.</p>',
    },
    {
      id: 'fresh-py',
      title: 'Snake Corp: Python Backend Developer',
      region: 'USA Only',
      pubDate: hoursAgo(30),
      description: '<p>Python, Django and PostgreSQL. Pay: $90,000 - $110,000 a year.</p>',
    },
    {
      id: 'fresh-rust',
      title: 'Crab Systems: Staff Rust Engineer',
      region: 'Europe Only',
      pubDate: hoursAgo(24 * 5),
      description: '<p>Rust and Kubernetes platform work. €120,000 per year.</p>',
    },
    {
      id: 'fresh-java',
      title: 'Bean Works: Junior Java Developer',
      region: 'Anywhere in the World',
      type: 'Contract',
      pubDate: hoursAgo(24 * 20),
      description: '<p>Java and Spring Boot microservices on AWS.</p>',
    },
  ];
}

function articlesFeed(origin: string): string {
  // The first is a whole article (300 words: a 2-minute read); the others are teasers.
  const whole = ' Ask for the range first, then anchor high.'.repeat(32);
  const items = [
    ['negotiate', 'How to negotiate your salary as a backend engineer', 3, whole],
    ['interview', 'System design interview: a practical guide', 50, ''],
    ['postgres', 'What I learned running PostgreSQL at scale', 200, ''],
  ] as const;
  const body = items
    .map(
      ([id, title, h, more]) =>
        `<item><title>${title}</title><link>${origin}/posts/${id}</link><guid>${origin}/posts/${id}</guid><pubDate>${hoursAgo(h)}</pubDate><description>&lt;p&gt;${title}. Salary negotiation, offers, interviews and career growth for engineers.${more}&lt;/p&gt;</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Career Blog</title><link>${origin}/</link>${body}</channel></rss>`;
}

/** Starts a board over freshly ingested fixture data. */
export async function startBoard(
  label: string,
  options: { pageCache?: PageCache } = {},
): Promise<Board> {
  const db = await isolate(label);
  await ensureIndexes(db.mongo);
  const feeds = await startFixtureServer();
  feeds.on('/wwr.rss', serveBody(await readSharedFixture('jobs-remotely/jobs.rss')));
  feeds.on('/rct.rss', serveBody(await readSharedFixture('research-computing-teams/jobs.rss')));
  const freshItems: FeedItem[] = freshJobs();
  feeds.on(
    '/fresh.rss',
    serveBody(() => wwrFeed(feeds.url(''), freshItems)),
  );
  feeds.on('/articles.rss', serveBody(articlesFeed(feeds.url(''))));
  // The same Gopher Labs job on a second board: stored once on the board, "also listed on".
  const copy = { ...(freshJobs()[0] as ReturnType<typeof freshJobs>[number]), id: 'gopher-copy' };
  feeds.on(
    '/mirror.rss',
    serveBody(() => wwrFeed(feeds.url('/mirror'), [copy])),
  );
  const deps = pipelineDeps(db, feeds);
  const add = async (
    path: string,
    name: string,
    type: 'jobs' | 'articles' = 'jobs',
    syndication = false,
  ) => {
    const input = sourceInput(feeds.url(path), type);
    return createSource(db.mongo, { ...input, name, terms: { ...input.terms, syndication } });
  };
  const sources = {
    wwr: await add('/wwr.rss', 'We Work Remotely'),
    rct: await add('/rct.rss', 'Research Computing Teams'),
    fresh: await add('/fresh.rss', 'Fresh Board', 'jobs', true),
    mirror: await add('/mirror.rss', 'Mirror Board'),
    articles: await add('/articles.rss', 'Career Blog', 'articles'),
  };
  for (const source of Object.values(sources)) await refreshSource(deps, String(source._id));
  const web = await startWebServer(db, options);
  return {
    url: web.url,
    db,
    redis: web.redis,
    feeds,
    freshItems,
    sources,
    refresh: async (source) => {
      await refreshSource(deps, String(source._id));
      await web.bumpVersion();
    },
    close: async () => {
      await web.close();
      await feeds.close();
      await db.cleanup();
    },
  };
}
