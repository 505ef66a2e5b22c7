import { FetchError } from '../../lib/errors.ts';

/** Releases a slot taken with `HostGate.acquire`; safe to call more than once. */
export type ReleaseSlot = () => Promise<void>;

/**
 * Per-host politeness shared by everything that fetches: a bounded number of requests in
 * flight per host, and a Retry-After window during which a host is not asked at all.
 */
export interface HostGate {
  /** Waits for a free slot on `host`; rejects with FetchError('host_wait') when none frees in time. */
  acquire(host: string): Promise<ReleaseSlot>;
  /** Epoch ms until which `host` asked us to stay away, or null when it did not (or it passed). */
  blockedUntil(host: string): Promise<number | null>;
  /** Keeps every fetch away from `host` until `untilMs` (epoch ms). */
  block(host: string, untilMs: number): Promise<void>;
}

/** Options shared by the gate implementations. */
export type HostGateOptions = {
  /** Requests in flight per host. */
  limit: number;
  /** How long `acquire` waits for a slot before giving up (default 30 s). */
  waitTimeoutMs?: number;
};

/** The error `acquire` rejects with when a host stays busy for the whole wait. */
export function hostBusyError(host: string, waitedMs: number): FetchError {
  return new FetchError('host_wait', `host ${host} busy: no free slot within ${waitedMs} ms`, {
    retryAfterMs: waitedMs,
  });
}

type Waiter = { grant: () => void };

/** A HostGate for one process (preview, CLI, tests); workers share the Redis one. */
export class MemoryHostGate implements HostGate {
  private readonly active = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly blocked = new Map<string, number>();
  private readonly limit: number;
  private readonly waitTimeoutMs: number;

  constructor(options: HostGateOptions) {
    this.limit = Math.max(1, options.limit);
    this.waitTimeoutMs = options.waitTimeoutMs ?? 30_000;
  }

  async acquire(host: string): Promise<ReleaseSlot> {
    if ((this.active.get(host) ?? 0) < this.limit) return this.take(host);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.take(host));
        },
      };
      const timer = setTimeout(() => {
        const queue = this.waiters.get(host) ?? [];
        queue.splice(queue.indexOf(waiter), 1);
        if (queue.length === 0) this.waiters.delete(host);
        reject(hostBusyError(host, this.waitTimeoutMs));
      }, this.waitTimeoutMs);
      this.waiters.set(host, [...(this.waiters.get(host) ?? []), waiter]);
    });
  }

  async blockedUntil(host: string): Promise<number | null> {
    const until = this.blocked.get(host);
    if (until === undefined || until <= Date.now()) {
      this.blocked.delete(host);
      return null;
    }
    return until;
  }

  async block(host: string, untilMs: number): Promise<void> {
    if (untilMs > Date.now()) this.blocked.set(host, untilMs);
  }

  private take(host: string): ReleaseSlot {
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      // Hand the slot straight to the oldest waiter, so a newcomer cannot jump the queue.
      const queue = this.waiters.get(host);
      const next = queue?.shift();
      if (queue?.length === 0) this.waiters.delete(host);
      const count = (this.active.get(host) ?? 1) - 1;
      if (count === 0) this.active.delete(host);
      else this.active.set(host, count);
      next?.grant();
    };
  }
}
