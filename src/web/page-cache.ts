// A small per-process cache of rendered responses for the hottest URLs. Each entry remembers the
// board version (src/cache/board-version.ts) it was built from, so an ingest that changes data
// retires it; the TTL bounds staleness when Redis is unreachable and for time-relative text
// ("3 min ago").
//
// Three things keep a slow database off the request path:
// - concurrent misses for one URL share a single render;
// - an entry past its TTL (same version, so same data) is served while one request renders it anew;
// - a page slow to build (a scan of a large collection on FerretDB takes seconds) is kept across
//   data changes and rebuilt in the background at most once per `rebuildFactor` times its build
//   time, so visitors never wait on it and the database spends at most a tenth of its time on
//   it. Its new data shows within that interval (or, after a quiet spell, on the request after
//   the one that found it expired). A page built quickly is rebuilt on every change.
// - slow pages are rebuilt one at a time (`slowRebuilds`): on FerretDB each is a scan of the
//   collection, and a dozen expiring together would take every core from the visitors the
//   cache is serving meanwhile.

import type { Encoded } from './encodings.ts';

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
  /** The body compressed (src/web/encodings.ts), once per render. */
  encoded?: Encoded;
  /**
   * The headers the app sent with this response the first time it went out whole (security
   * headers, CORS, caching), but for those of its encoding (length, ETag, Content-Encoding):
   * src/web/warm-hits.ts answers the same request again from them without routing it. Absent
   * until then, and never for a personal response.
   */
  replay?: ReplayHeaders;
};

/** Builds a response anew: the route's render, run by the cache. */
type Render = () => Promise<CachedResponse>;

/** Response headers as `writeHead` takes them flat: name, value, name, value, ... */
export type ReplayHeaders = string[];

export type PageCacheOptions = {
  maxEntries?: number;
  ttlMs?: number;
  /** How long past its TTL an entry built quickly may still be served while it is rendered again. */
  staleMs?: number;
  /** A page that took at least this long to build is kept across data changes. */
  slowRenderMs?: number;
  /** A slow page's entry lives this many times its build time (at least the TTL). */
  rebuildFactor?: number;
  /** How many slow pages may be rebuilt in the background at once; the others wait their turn. */
  slowRebuilds?: number;
  /** How long a rebuild may hold its turn (by default the time its page is kept, at least the TTL). */
  slowRebuildMaxMs?: number;
  clock?: () => number;
};

type Entry = {
  value: CachedResponse;
  version: string;
  /** When its render started: a render started earlier never replaces it. */
  startedAt: number;
  /** How long the render took: slow pages are rebuilt less often and kept across versions. */
  renderMs: number;
  expires: number;
};

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly rendering = new Map<
    string,
    { version: string; promise: Promise<CachedResponse> }
  >();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly staleMs: number;
  private readonly slowRenderMs: number;
  private readonly rebuildFactor: number;
  private readonly slowRebuilds: number;
  private readonly slowRebuildMaxMs: number | undefined;
  /** Slow pages waiting for their background rebuild, oldest first, each with its newest ask. */
  private readonly waiting = new Map<string, { version: string; render: Render }>();
  private rebuilding = 0;
  private readonly clock: () => number;

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.ttlMs = options.ttlMs ?? 30_000;
    this.staleMs = options.staleMs ?? 10 * this.ttlMs;
    this.slowRenderMs = options.slowRenderMs ?? 1_000;
    this.rebuildFactor = options.rebuildFactor ?? 10;
    this.slowRebuilds = options.slowRebuilds ?? 1;
    this.slowRebuildMaxMs = options.slowRebuildMaxMs;
    this.clock = options.clock ?? Date.now;
  }

  /**
   * The response for `key` at board `version`: a fresh entry; else an entry within its stale
   * window (of this version, or of an older one when the page is slow to build), refreshed in
   * the background; else one render shared by everyone asking. Only 200s are kept.
   */
  async resolve(key: string, version: string, render: Render): Promise<CachedResponse> {
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && this.servable(hit, version, now)) {
      if (now >= hit.expires && !this.rendering.has(key)) {
        // A failed refresh keeps the entry; the next request past the TTL tries again.
        if (this.isSlow(hit.renderMs)) this.queueRebuild(key, version, render);
        else this.renderOnce(key, version, render).catch(() => {});
      }
      this.touch(key, hit);
      return hit.value;
    }
    return this.renderOnce(key, version, render);
  }

  /** Rebuilds a slow page when its turn comes; until then its entry is served as it is. */
  private queueRebuild(key: string, version: string, render: Render): void {
    // Bounded like the entries: past that, the page is asked for again on a later request.
    if (!this.waiting.has(key) && this.waiting.size >= this.maxEntries) return;
    this.waiting.set(key, { version, render });
    this.nextRebuilds();
  }

  private nextRebuilds(): void {
    for (const [key, { version, render }] of this.waiting) {
      if (this.rebuilding >= this.slowRebuilds) return;
      this.waiting.delete(key);
      const held = this.entries.get(key);
      // Evicted while it waited (nobody asks for it now), or a visitor's render (a miss) got
      // there first.
      if (!held || this.rendering.has(key)) continue;
      this.rebuilding++;
      // A rebuild that never ends (a query the database never answers) gives up its turn after
      // about as long as its page is kept, so it cannot hold every other slow page back.
      let ended = false;
      const endTurn = () => {
        if (ended) return;
        ended = true;
        clearTimeout(timer);
        this.rebuilding--;
        this.nextRebuilds();
      };
      const timer = setTimeout(
        endTurn,
        this.slowRebuildMaxMs ?? Math.max(this.ttlMs, held.renderMs * this.rebuildFactor),
      );
      timer.unref?.();
      this.renderOnce(key, version, render)
        .catch(() => {})
        .finally(endTurn);
    }
  }

  private renderOnce(key: string, version: string, render: Render): Promise<CachedResponse> {
    const running = this.rendering.get(key);
    if (running?.version === version) return running.promise;
    const started = this.clock();
    const promise = render()
      .then((value) => {
        if (value.status === 200) this.store(key, version, value, started);
        return value;
      })
      .finally(() => {
        if (this.rendering.get(key)?.promise === promise) this.rendering.delete(key);
      });
    this.rendering.set(key, { version, promise });
    return promise;
  }

  /** How many times get() found a response (warm-hits.ts answers those without routing). */
  hits = 0;

  /**
   * The response resolve() would give at once, starting no render: one it serves as it is
   * (unexpired, of `version` or, for a page slow to build, of an older one), or while its
   * rebuild is running or waiting its turn. Else undefined, and resolve() must see the request.
   */
  get(key: string, version: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    const now = this.clock();
    if (!hit || !this.servable(hit, version, now)) return undefined;
    if (now >= hit.expires && !this.rendering.has(key) && !this.waiting.has(key)) return undefined;
    this.touch(key, hit);
    this.hits++;
    return hit.value;
  }

  /**
   * Whether an entry may answer a request for `version`: of that version and within its stale
   * window, or a page slow to build, served however old while it is rebuilt (after a quiet
   * spell, a visitor seeing the page as it was beats one waiting a minute, or a proxy timing out).
   */
  private servable(hit: Entry, version: string, now: number): boolean {
    if (this.isSlow(hit.renderMs)) return true;
    return hit.version === version && now < hit.expires + this.staleMs;
  }

  /** Whether a page that took `renderMs` to build counts as slow: kept across new data. */
  isSlow(renderMs: number): boolean {
    return renderMs >= this.slowRenderMs;
  }

  /** Whether a response for `key`, of any version, can be replayed: checked before anything waits. */
  replayable(key: string): boolean {
    return this.entries.get(key)?.value.replay !== undefined;
  }

  /** Stores a response rendered just now. */
  set(key: string, version: string, value: CachedResponse): void {
    this.store(key, version, value, this.clock());
  }

  /** Stores a response whose render began at `startedAt`, evicting the least recently used. */
  private store(key: string, version: string, value: CachedResponse, startedAt: number): void {
    const held = this.entries.get(key);
    // A refresh of older data that finishes after a newer render must not replace it.
    if (held && held.startedAt > startedAt) return;
    const now = this.clock();
    const renderMs = now - startedAt;
    const lifetime = Math.max(this.ttlMs, renderMs * this.rebuildFactor);
    this.entries.delete(key);
    this.entries.set(key, { value, version, startedAt, renderMs, expires: now + lifetime });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  // Re-insert: Map keeps insertion order, so the oldest key is the least recently used.
  private touch(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
  }
}
