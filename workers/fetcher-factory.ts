import type { Redis } from 'ioredis';
import type { Config } from '../config/env.ts';
import { createFetcher, type Fetcher } from '../src/ingest/fetch/fetcher.ts';
import { MemoryHostGate } from '../src/ingest/fetch/host-gate.ts';
import { RedisHostGate } from '../src/queue/redis-host-gate.ts';

/**
 * The product's one fetcher, configured from the environment. Workers pass Redis so the
 * per-host politeness limits and Retry-After blocks are shared by every worker process;
 * one-off commands (preview) keep them in memory.
 */
export function createProductFetcher(config: Config, redis?: Redis): Fetcher {
  const hostGate = redis
    ? new RedisHostGate(redis, {
        prefix: `${config.queuePrefix}:host`,
        limit: config.fetch.hostConcurrency,
        // A slot is held for one request, which the fetch timeout ends: twice that frees a
        // crashed worker's slots soon (they held the host for 2 minutes) and never expires one
        // still in use.
        slotTtlMs: 2 * config.fetch.timeoutMs,
      })
    : new MemoryHostGate({ limit: config.fetch.hostConcurrency });
  return createFetcher({
    allowedHosts: config.fetch.allowedHosts,
    userAgent: config.fetch.userAgent,
    maxBytes: config.fetch.maxBytes,
    timeoutMs: config.fetch.timeoutMs,
    hostGate,
  });
}
