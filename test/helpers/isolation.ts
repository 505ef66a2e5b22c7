import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { type Config, loadConfig } from '../../config/env.ts';
import { createLogger, type Logger } from '../../src/lib/logger.ts';
import { connectMongo } from '../../src/store/connection.ts';

/** A test's own slice of the real servers: a fresh database and a fresh queue prefix. */
export type Isolated = {
  config: Config;
  logger: Logger;
  mongo: Connection;
  redisUrl: string;
  cleanup: () => Promise<void>;
};

/** The servers `npm test` resolved; running a test file outside the harness is an error. */
export function serverUrls(): { mongodbUri: string; redisUrl: string } {
  const { MONGODB_URI: mongodbUri, REDIS_URL: redisUrl } = process.env;
  if (!mongodbUri || !redisUrl)
    throw new Error('integration tests need MONGODB_URI and REDIS_URL: run them with `npm test`');
  return { mongodbUri, redisUrl };
}

/** A unique name per test file and run, so parallel or earlier runs cannot interfere. */
export function uniqueName(label: string): string {
  const run = process.env.BB_TEST_RUN ?? Date.now().toString(36);
  return `bbt_${label}_${run}_${randomBytes(3).toString('hex')}`.slice(0, 63);
}

/** Opens a database and queue prefix of the test's own; cleanup() drops both. */
export async function isolate(label: string, env: Record<string, string> = {}): Promise<Isolated> {
  const { mongodbUri, redisUrl } = serverUrls();
  const name = uniqueName(label);
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    MONGODB_URI: mongodbUri,
    REDIS_URL: redisUrl,
    MONGODB_DB: name,
    QUEUE_PREFIX: name,
    ...env,
  });
  const logger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent', pretty: false });
  const mongo = await connectMongo(mongodbUri, name);
  return {
    config,
    logger,
    mongo,
    redisUrl,
    cleanup: async () => {
      await mongo.dropDatabase().catch(() => {});
      await mongo.close();
      await deleteKeys(redisUrl, `${name}:*`);
    },
  };
}

/** Removes every Redis key matching a pattern (SCAN, never KEYS). */
export async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
