// A small per-process cache of rendered responses for the hottest URLs. Entries are keyed on the
// board version (src/cache/board-version.ts), so an ingest that changes data retires them all;
// the TTL bounds staleness when Redis is unreachable and for time-relative text ("3 min ago").
// Two things keep a slow database off the request path under load: concurrent misses for one
// key share a single render, and an entry past its TTL (same version, so same data) is served
// while one request renders it anew.

/** A rendered response: what the route would send. */
export type CachedResponse = {
  status: number;
  type: string;
  /** Encoded once: sending a string would encode (and allocate) it again on every hit. */
  body: Buffer;
  cacheControl: string;
  location?: string;
  /** The body's validator, computed once per render instead of hashing the body per request. */
  etag?: string;
};

export class PageCache {
  private readonly entries = new Map<string, { value: CachedResponse; expires: number }>();
  private readonly rendering = new Map<string, Promise<CachedResponse>>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 30_000,
    /** How long past its TTL an entry may still be served while it is rendered again. */
    private readonly staleMs = 10 * ttlMs,
  ) {}

  /**
   * The response for `key`: a fresh entry; else an entry within its stale window, refreshed in
   * the background; else one render shared by everyone asking. Only 200s are kept.
   */
  async resolve(
    key: string,
    render: () => Promise<CachedResponse>,
    now = Date.now(),
  ): Promise<CachedResponse> {
    const fresh = this.get(key, now);
    if (fresh) return fresh;
    const stale = this.entries.get(key);
    if (stale && now < stale.expires + this.staleMs) {
      // A failed refresh keeps the stale entry; the next request past the TTL tries again.
      this.renderOnce(key, render, now).catch(() => {});
      return stale.value;
    }
    this.entries.delete(key);
    return this.renderOnce(key, render, now);
  }

  private renderOnce(
    key: string,
    render: () => Promise<CachedResponse>,
    now: number,
  ): Promise<CachedResponse> {
    const running = this.rendering.get(key);
    if (running) return running;
    const next = render()
      .then((value) => {
        if (value.status === 200) this.set(key, value, now);
        return value;
      })
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, next);
    return next;
  }

  /** The cached response, or undefined when missing or past its TTL. */
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.expires <= now) return undefined;
    // Re-insert: Map keeps insertion order, so the oldest key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /** Stores a response, evicting the least recently used past the size limit. */
  set(key: string, value: CachedResponse, now = Date.now()): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
