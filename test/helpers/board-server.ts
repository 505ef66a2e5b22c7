// The pieces a test of the board over real data needs: the ingest pipeline's dependencies on an
// isolated database and fixture server, and the board's web app listening on 127.0.0.1.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import { bumpBoardVersion } from '../../src/cache/board-version.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { PageCache } from '../../src/web/page-cache.ts';
import { type FixtureServer, testFetcher } from './fixture-server.ts';
import type { Isolated } from './isolation.ts';

/** What refreshSource needs: jobs never age out, and `now` fixes the run's clock if given. */
export function pipelineDeps(db: Isolated, feeds: FixtureServer, now?: () => Date) {
  return {
    mongo: db.mongo,
    fetcher: testFetcher([feeds.host], 4),
    logger: db.logger,
    policy: { maxJobAgeDays: 36500, dedupWindowDays: 14 },
    ...(now ? { now } : {}),
  };
}

export type WebServer = {
  url: string;
  redis: Redis;
  /** A new board version, once the app has read it (at most once a second). */
  bumpVersion(): Promise<void>;
  close(): Promise<void>;
};

/** The board's app over an isolated database, on a free port. */
export async function startWebServer(
  db: Isolated,
  options: { pageCache?: PageCache } = {},
): Promise<WebServer> {
  const redis = createRedis(db.redisUrl, 'producer');
  const app = buildApp({
    // Tests expect new data on the page right after a refresh. The default cache keeps a page
    // that took over a second to build across new data, and on a busy CI machine a small board's
    // page can: only the slow-page tests (which pass their own cache) should see that rule.
    pageCache: new PageCache({ slowRenderMs: Number.POSITIVE_INFINITY }),
    ...options,
    logger: db.logger,
    readiness: {},
    mongo: db.mongo,
    redis,
    queuePrefix: db.config.queuePrefix,
    publicUrl: null,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  // A producer connection refuses commands until it is connected (no offline queue): a test
  // that bumps the version right away must not race the connection.
  if (redis.status !== 'ready') await once(redis, 'ready');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    redis,
    bumpVersion: async () => {
      await bumpBoardVersion(redis, db.config.queuePrefix);
      await new Promise((r) => setTimeout(r, 1100));
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      redis.disconnect();
    },
  };
}
