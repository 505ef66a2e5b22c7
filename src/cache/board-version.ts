// A counter in Redis that every data change on the board bumps (an ingest run that wrote
// something, expiry, a source edit). Web processes key their short-lived page cache on it, so
// a change shows on every process at once and no process shares memory with another.
import type { Redis } from 'ioredis';

const key = (prefix: string) => `${prefix}:board:version`;

/** Marks the board's data as changed; cached pages built before this stop being served. */
export async function bumpBoardVersion(redis: Redis, prefix: string): Promise<void> {
  await redis.incr(key(prefix));
}

/** Reads the version at most once per `maxAgeMs` per process (one Redis round trip a second). */
export class BoardVersionReader {
  private value = '0';
  private readAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxAgeMs = 1000,
  ) {}

  /** The current version; on a Redis error the last known one (pages stay up, maybe stale). */
  current(now = Date.now()): Promise<string> {
    if (now - this.readAt < this.maxAgeMs) return Promise.resolve(this.value);
    this.pending ??= this.redis
      .get(key(this.prefix))
      .then((value) => {
        this.value = value ?? '0';
        this.readAt = Date.now();
        return this.value;
      })
      .catch(() => this.value)
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
