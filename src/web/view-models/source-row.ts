// A source as the public sees it: what it is, whether it is healthy, what it contributes.

import { urlPart } from '../../domain/canonical-url.ts';
import { healthStatus } from '../../domain/source.ts';
import type { SourceDoc } from '../../store/models/source.ts';
import { timeAgo } from '../format.ts';

const healthLabels: Record<string, string> = {
  healthy: 'Healthy',
  failing: 'Failing',
  backing_off: 'Backing off',
  disabled: 'Disabled',
  never_run: 'Not fetched yet',
};

export type SourceRow = ReturnType<typeof sourceRow>;

/** One row of /sources (and one item of /api/v1/sources). */
export function sourceRow(source: SourceDoc, count: number, now: Date) {
  const health = healthStatus(source);
  const lastSuccess = source.health.lastSuccessAt;
  return {
    id: String(source._id),
    name: source.name,
    url: publicSourceUrl(source.url),
    host: urlPart(source.url, 'hostname') ?? source.url,
    type: source.type,
    kind: source.kind,
    health,
    healthLabel: healthLabels[health] ?? health,
    error:
      (health === 'failing' || health === 'backing_off') && source.health.lastError
        ? publicFailure(source.health.lastError)
        : null,
    lastSuccessIso: lastSuccess ? lastSuccess.toISOString() : null,
    lastSuccessAgo: lastSuccess ? timeAgo(lastSuccess, now) : null,
    count,
    listHref: `/${source.type}?source=${String(source._id)}`,
    terms: source.terms,
  };
}

// A source's URL may carry what its operator was given to read it: a user and password (the
// fetcher sends them as Basic auth) or a key in the query. The public page and API never show
// those; the console does.
const SECRET_PARAMETER = /key|token|secret|pass|auth|sig|session|credential/i;

/** The source's URL without user, password, secret-looking query parameters or fragment. */
export function publicSourceUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return urlPart(url, 'hostname') ?? '';
  }
  parsed.username = '';
  parsed.password = '';
  parsed.hash = '';
  for (const name of [...parsed.searchParams.keys()])
    if (SECRET_PARAMETER.test(name)) parsed.searchParams.delete(name);
  return parsed.href;
}

// What the public learns of a failure: its kind, not the message, which can name internal
// addresses and ports ("connect ECONNREFUSED 10.0.0.5:8080") or quote the body.
const FAILURE_KINDS: Record<string, string> = {
  fetch_invalid_url: 'its address is not a valid URL',
  fetch_blocked_address: 'its address is not reachable from here',
  fetch_dns: 'its host name does not resolve',
  fetch_connect: 'its server refused or dropped the connection',
  fetch_timeout: 'its server did not answer in time',
  fetch_too_large: 'it sent more than the size limit',
  fetch_too_many_redirects: 'it redirects too many times',
  fetch_redirect_loop: 'it redirects in a loop',
  fetch_bad_redirect: 'it redirects without saying where',
  fetch_rate_limited: 'its server asked us to slow down',
  fetch_decode: 'its response could not be decompressed',
  parse_failed: 'what it sends is not a feed or page we can read',
};

/** A failure as the public pages and API say it. */
export function publicFailure(error: { code: string; status: number | null }): string {
  if (error.code === 'fetch_http_status' && error.status)
    return `its server answered HTTP ${error.status}`;
  return FAILURE_KINDS[error.code] ?? 'its last fetch failed';
}
