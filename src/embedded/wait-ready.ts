import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { sleep } from './process-control.ts';

/** Polls `probe` until it resolves, the process exits, or the deadline passes. */
export async function waitReady(
  what: string,
  probe: () => Promise<void>,
  options: { timeoutMs: number; exited?: () => number | null; logFile?: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const code = options.exited?.();
    if (code !== undefined && code !== null) {
      throw new Error(
        `${what} exited with code ${code} while starting${options.logFile ? ` (see ${options.logFile})` : ''}`,
      );
    }
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
      await sleep(150);
    }
  }
  throw new Error(
    `${what} did not become ready within ${options.timeoutMs} ms: ${String(lastError)}`,
  );
}

/** Resolves when a Redis server answers PING (a server still loading its data answers an error). */
export async function pingRedisUrl(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/** Resolves when a MongoDB-compatible server answers the ping command. */
export async function pingMongoUrl(url: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(url, {
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close().catch(() => {});
  }
}
