// Login attempts are limited per user name and per client address, in Redis so every web
// process counts together: after 5 failures in 15 minutes, that name or address is locked out
// for 15 minutes. A success clears the name's count.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';

export const MAX_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

export class LoginLimiter {
  private readonly byUser: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(redis: Redis, prefix: string) {
    const common = {
      storeClient: redis,
      points: MAX_FAILURES,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    };
    this.byUser = new RateLimiterRedis({ ...common, keyPrefix: `${prefix}:console:login-user` });
    this.byAddress = new RateLimiterRedis({ ...common, keyPrefix: `${prefix}:console:login-ip` });
  }

  /** Seconds until the user or address may try again, or 0 when allowed. */
  async lockedFor(user: string, address: string): Promise<number> {
    const [u, a] = await Promise.all([
      this.byUser.get(user.toLowerCase()),
      this.byAddress.get(address),
    ]);
    const waits = [u, a]
      .filter((r): r is RateLimiterRes => r !== null && r.consumedPoints >= MAX_FAILURES)
      .map((r) => Math.ceil(r.msBeforeNext / 1000));
    return Math.max(0, ...waits);
  }

  /** Counts a failed attempt against both. */
  async failed(user: string, address: string): Promise<void> {
    await Promise.all([
      this.byUser.penalty(user.toLowerCase(), 1),
      this.byAddress.penalty(address, 1),
    ]);
  }

  /** Clears the user's failures after a successful login. */
  async succeeded(user: string): Promise<void> {
    await this.byUser.delete(user.toLowerCase());
  }
}
