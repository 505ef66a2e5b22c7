// Login attempts are limited in Redis, so every web process counts together. Each attempt
// takes its point before the password is checked: concurrent guesses cannot all pass a
// read-then-record check. Per client address, 5 failures in 15 minutes lock that address out
// for 15 minutes. Per user name, from all addresses together, 100 do (guessing spread over many
// addresses): a per-name limit as low as the address one would let anyone lock the operator
// out from anywhere with 5 wrong passwords. A success gives its points back.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export const MAX_FAILURES_PER_ADDRESS = 5;
export const MAX_FAILURES_PER_USER = 100;
const WINDOW_SECONDS = 15 * 60;

export class LoginLimiter {
  private readonly byAddress: RateLimiterRedis;
  private readonly byUser: RateLimiterRedis;

  constructor(redis: Redis, prefix: string) {
    const common = { storeClient: redis, duration: WINDOW_SECONDS, blockDuration: WINDOW_SECONDS };
    this.byAddress = new RateLimiterRedis({
      ...common,
      points: MAX_FAILURES_PER_ADDRESS,
      keyPrefix: `${prefix}:console:login-ip`,
    });
    this.byUser = new RateLimiterRedis({
      ...common,
      points: MAX_FAILURES_PER_USER,
      keyPrefix: `${prefix}:console:login-user`,
    });
  }

  /**
   * Takes an attempt's points: 0 when the password may be checked, else the seconds until the
   * address or name may try again. The name is charged only for attempts its address may make,
   * so one flooding address cannot use up the name's allowance.
   */
  async attempt(user: string, address: string): Promise<number> {
    const byAddress = await take(this.byAddress, address);
    if (byAddress > 0) return byAddress;
    const byUser = await take(this.byUser, user.toLowerCase());
    if (byUser > 0) await this.byAddress.reward(address, 1);
    return byUser;
  }

  /** A successful login: its address's point back, and the name's failures forgotten. */
  async succeeded(user: string, address: string): Promise<void> {
    await Promise.all([this.byAddress.reward(address, 1), this.byUser.delete(user.toLowerCase())]);
  }
}

async function take(limiter: RateLimiterRedis, key: string): Promise<number> {
  try {
    await limiter.consume(key, 1);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}
