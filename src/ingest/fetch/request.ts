import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { FetchError } from '../../lib/errors.ts';
import { asFetchError } from './as-fetch-error.ts';
import type { FetcherOptions } from './fetcher.ts';
import { guardedLookup } from './guarded-lookup.ts';
import { readBody, tooLarge } from './read-body.ts';
import { parseRetryAfter } from './retry-after.ts';
import { watchRequest } from './watch-request.ts';

/** FetcherOptions with its defaults filled in. */
export type Settings = FetcherOptions & { connectTimeoutMs: number; maxRedirects: number };
/** A final answer: a 2xx with its decompressed body, or a 304 with an empty one. */
export type Done = { kind: 'done'; status: number; headers: IncomingHttpHeaders; body: Buffer };
/** How one hop ends: a final answer, or a redirect for the caller to follow. */
export type Answer = Done | { kind: 'redirect'; location: string | undefined };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// A 429 without Retry-After still means "slow down".
const DEFAULT_RETRY_AFTER_MS = 60_000;

/** One request/response on a socket of its own, destroyed when the hop ends however it ends. */
export async function exchange(
  s: Settings,
  url: URL,
  headers: Record<string, string>,
  deadline: number,
  signal?: AbortSignal,
): Promise<Answer> {
  const remaining = deadline - Date.now();
  if (remaining <= 0)
    throw new FetchError('timeout', `no complete response within ${s.timeoutMs} ms`, {
      url: url.href,
    });
  const req = (url.protocol === 'https:' ? https : http).request(url, {
    agent: false, // no pooling: each socket is ours alone and dies with its request
    headers,
    lookup: guardedLookup(url, s.allowedHosts),
  });
  const watch = watchRequest(req, s, url, remaining, signal);
  try {
    req.end();
    const [res] = (await once(req, 'response')) as [IncomingMessage];
    return await readAnswer(res, s, url);
  } catch (error) {
    // A timer or the caller's abort explains the failure better than the socket error it caused.
    throw watch.failure() ?? asFetchError(error, url);
  } finally {
    watch.stop();
  }
}

async function readAnswer(res: IncomingMessage, s: Settings, url: URL): Promise<Answer> {
  const status = res.statusCode ?? 0;
  if (REDIRECTS.has(status)) return { kind: 'redirect', location: res.headers.location };
  if (status === 304) return { kind: 'done', status, headers: res.headers, body: Buffer.alloc(0) };
  if (status < 200 || status > 299) throw statusError(status, res.headers, url);
  // Refuse before reading a byte when the server says the body is too big.
  if (Number(res.headers['content-length']) > s.maxBytes) throw tooLarge(s.maxBytes, url);
  return { kind: 'done', status, headers: res.headers, body: await readBody(res, s.maxBytes, url) };
}

function statusError(status: number, headers: IncomingHttpHeaders, url: URL): FetchError {
  const reason = `HTTP ${status} ${http.STATUS_CODES[status] ?? ''}`.trim();
  const retryAfterMs = parseRetryAfter(headers['retry-after']);
  // 503 is "overloaded, come back later" only when it says when; otherwise it is a server error.
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    const wait = retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
    const message = `${reason}: retry after ${Math.ceil(wait / 1000)} s`;
    return new FetchError('rate_limited', message, { status, retryAfterMs: wait, url: url.href });
  }
  return new FetchError('http_status', reason, { status, url: url.href });
}
