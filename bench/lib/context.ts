// One benchmark run's servers and namespace: the embedded defaults (or MONGODB_URI/REDIS_URL),
// a database and queue prefix of its own, and the environment product processes get.
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { loadConfigOrExit } from '../../config/env.ts';
import { resolveServers, type ServerTargets } from '../../src/embedded/embedded-servers.ts';
import { createLogger, type Logger } from '../../src/lib/logger.ts';
import { createRedis } from '../../src/queue/connection.ts';
import { connectMongo } from '../../src/store/connection.ts';
import { ensureIndexes } from '../../src/store/indexes.ts';

export type BenchContext = {
  logger: Logger;
  targets: ServerTargets;
  /** A fresh database and queue prefix per scenario. */
  namespace(label: string): Promise<Namespace>;
  close(): Promise<void>;
};

export type Namespace = {
  name: string;
  mongo: Connection;
  redis: Redis;
  /** Environment for product processes (web, worker, scheduler) working in this namespace. */
  env(extra?: Record<string, string>): Record<string, string>;
  drop(): Promise<void>;
};

export async function openBench(): Promise<BenchContext> {
  const config = loadConfigOrExit(process.env);
  const logger = createLogger({
    level: process.env.BENCH_LOG_LEVEL ?? 'warn',
    name: 'bench',
    pretty: false,
  });
  const targets = await resolveServers(config, logger);
  const run = Date.now().toString(36);
  const opened: Namespace[] = [];
  return {
    logger,
    targets,
    async namespace(label) {
      const name = `bench_${label}_${run}`;
      const mongo = await connectMongo(targets.mongodbUri, name);
      await ensureIndexes(mongo);
      const redis = createRedis(targets.redisUrl, 'worker');
      const ns: Namespace = {
        name,
        mongo,
        redis,
        env: (extra = {}) => ({
          NODE_ENV: 'production',
          MONGODB_URI: targets.mongodbUri,
          MONGODB_DB: name,
          REDIS_URL: targets.redisUrl,
          QUEUE_PREFIX: name,
          LOAD_STARTER_SOURCES: 'false',
          LOG_LEVEL: 'info',
          ...extra,
        }),
        async drop() {
          await mongo.dropDatabase().catch(() => {});
          await mongo.close();
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', `${name}:*`, 'COUNT', 1000);
            if (keys.length) await redis.del(...keys);
            cursor = next;
          } while (cursor !== '0');
          redis.disconnect();
        },
      };
      opened.push(ns);
      return ns;
    },
    async close() {
      for (const ns of opened.splice(0)) await ns.drop().catch(() => {});
      await targets.release();
    },
  };
}
