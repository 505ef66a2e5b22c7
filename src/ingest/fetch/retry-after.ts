// A silly Retry-After (years away) must not block a host for ever.
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

/** Retry-After as delay-seconds or an HTTP date, in ms from now (clamped to 0..24 h). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}
