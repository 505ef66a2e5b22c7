// Values every page shares (popular tags, the source list) computed once per board version
// per process, instead of once per distinct URL the page cache misses. Concurrent misses share
// one computation; the TTL bounds staleness like the page cache's.
export class VersionedMemo {
  private readonly values = new Map<
    string,
    { version: string; expires: number; value: Promise<unknown> }
  >();

  constructor(private readonly ttlMs = 30_000) {}

  /** The value for `key` at `version`, computing it when missing, stale or from another version. */
  get<T>(key: string, version: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.values.get(key);
    if (hit && hit.version === version && hit.expires > now) return hit.value as Promise<T>;
    const value = compute();
    this.values.set(key, { version, expires: now + this.ttlMs, value });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => this.values.delete(key));
    return value;
  }
}
