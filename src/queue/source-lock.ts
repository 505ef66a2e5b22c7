import type { Redis } from 'ioredis';

// Releases only the holder's own lock.
const releaseScript = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * A per-source run lock in Redis: scheduled and manual runs of one source never overlap,
 * whichever worker picks them. The holder token is the job id, so a job re-run after its
 * worker died (stalled-job recovery) takes its own lock back instead of waiting it out.
 */
export class SourceLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlMs = 10 * 60_000,
  ) {}

  private key(sourceId: string) {
    return `${this.prefix}:source-lock:${sourceId}`;
  }

  /** True when the lock is now held by `token` (newly, or already). */
  async acquire(sourceId: string, token: string): Promise<boolean> {
    const key = this.key(sourceId);
    if ((await this.redis.set(key, token, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
    if ((await this.redis.get(key)) !== token) return false;
    await this.redis.pexpire(key, this.ttlMs);
    return true;
  }

  async release(sourceId: string, token: string): Promise<void> {
    await this.redis.eval(releaseScript, 1, this.key(sourceId), token);
  }
}
