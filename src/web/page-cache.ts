// A small per-process cache of rendered responses for the hottest URLs. Entries are keyed on the
// board version (src/cache/board-version.ts), so an ingest that changes data retires them all;
// the TTL bounds staleness when Redis is unreachable and for time-relative text ("3 min ago").

/** A rendered response: what the route would send. */
export type CachedResponse = {
  status: number;
  type: string;
  body: string;
  cacheControl: string;
  location?: string;
};

export class PageCache {
  private readonly entries = new Map<string, { value: CachedResponse; expires: number }>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 30_000,
  ) {}

  /** The cached response, or undefined when missing or expired. */
  get(key: string, now = Date.now()): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
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
