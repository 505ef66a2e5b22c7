import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import {
  type HostGate,
  type HostGateOptions,
  hostBusyError,
  type ReleaseSlot,
} from '../ingest/fetch/host-gate.ts';

/** Options of the Redis gate: the key namespace (e.g. `${queuePrefix}:host`) and timings. */
export type RedisHostGateOptions = HostGateOptions & {
  /** Keys are `${prefix}:${host}:slots` and `${prefix}:${host}:blocked` (a trailing ':' is fine). */
  prefix: string;
  /** A holder's slot frees itself after this long, so a crashed worker cannot keep it (default 2 min; keep it above the fetch timeout). */
  slotTtlMs?: number;
  /** Pause between tries while a host is full (default 50 ms, jittered). */
  pollMs?: number;
};

// One script so that dropping expired holders, counting and taking a slot cannot interleave
// with another worker. Redis' own clock decides expiry, so workers' clocks may disagree.
// KEYS[1]: sorted set of holders (score: expiry, ms). ARGV: limit, ttl ms, holder token.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

const COMMAND = 'backboardHostAcquire';
type WithAcquire = Redis & {
  [COMMAND]: (key: string, limit: number, ttlMs: number, token: string) => Promise<number>;
};

/** The HostGate all workers share: a per-host semaphore and Retry-After windows in Redis. */
export class RedisHostGate implements HostGate {
  private readonly redis: WithAcquire;
  private readonly limit: number;
  private readonly waitTimeoutMs: number;
  private readonly slotTtlMs: number;
  private readonly pollMs: number;
  private readonly prefix: string;

  constructor(redis: Redis, options: RedisHostGateOptions) {
    // defineCommand sends EVALSHA and reloads the script if Redis lost it; defining it twice is harmless.
    redis.defineCommand(COMMAND, { numberOfKeys: 1, lua: ACQUIRE_SCRIPT });
    this.redis = redis as WithAcquire;
    this.limit = Math.max(1, options.limit);
    this.waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
    this.slotTtlMs = options.slotTtlMs ?? 120_000;
    this.pollMs = options.pollMs ?? 50;
    this.prefix = options.prefix.replace(/:$/, '');
  }

  async acquire(host: string): Promise<ReleaseSlot> {
    const key = this.key(host, 'slots');
    const token = randomUUID();
    const started = Date.now();
    while ((await this.redis[COMMAND](key, this.limit, this.slotTtlMs, token)) !== 1) {
      if (Date.now() - started >= this.waitTimeoutMs) throw hostBusyError(host, this.waitTimeoutMs);
      // Jitter keeps waiting workers from polling in lockstep.
      await sleep(this.pollMs * (0.5 + Math.random()));
    }
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      await this.redis.zrem(key, token);
    };
  }

  async blockedUntil(host: string): Promise<number | null> {
    const value = Number(await this.redis.get(this.key(host, 'blocked')));
    return Number.isFinite(value) && value > Date.now() ? value : null;
  }

  async block(host: string, untilMs: number): Promise<void> {
    const ttl = Math.ceil(untilMs - Date.now());
    if (ttl > 0) await this.redis.set(this.key(host, 'blocked'), String(untilMs), 'PX', ttl);
  }

  private key(host: string, kind: 'slots' | 'blocked'): string {
    return `${this.prefix}:${host.toLowerCase()}:${kind}`;
  }
}
