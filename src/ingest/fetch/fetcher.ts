import { FetchError } from '../../lib/errors.ts';
import { gated } from './gated.ts';
import { checkLiteralAddress } from './guarded-lookup.ts';
import type { HostGate } from './host-gate.ts';
import { exchange, type Settings } from './request.ts';
import { toResult } from './to-result.ts';

export { parseRetryAfter } from './retry-after.ts';

/** How the fetcher behaves; one fetcher serves every source of a process. */
export type FetcherOptions = {
  /** `host` or `host:port` entries (lower-case) exempt from the private-address guard. */
  allowedHosts: readonly string[];
  userAgent: string;
  /** Limit on the decompressed body. */
  maxBytes: number;
  /** Limit on the whole fetch: every hop, headers and body. */
  timeoutMs: number;
  connectTimeoutMs?: number;
  maxRedirects?: number;
  /** Per-host concurrency and Retry-After windows; without one, no politeness is enforced. */
  hostGate?: HostGate;
};

/** Per-request options: validators from the last fetch, overrides, and a caller's abort signal. */
export type FetchOptions = {
  etag?: string | null;
  lastModified?: string | null;
  userAgent?: string;
  accept?: string;
  signal?: AbortSignal;
};

/** A successful fetch (2xx, or 304 with an empty body). */
export type FetchResult = {
  status: number;
  notModified: boolean;
  /** The final URL, after redirects. */
  url: string;
  /** The URLs that answered with a redirect, in order (the requested URL first). */
  redirects: string[];
  etag: string | null;
  lastModified: string | null;
  contentType: string | null;
  /** Decompressed bytes; empty on 304. */
  body: Buffer;
  /** The body decoded to text (see decodeBody); '' on 304. */
  text: string;
  /** The charset the text was decoded with; '' on 304. */
  charset: string;
  bodyHash: string;
  durationMs: number;
};

/** The product's one HTTP client. */
export type Fetcher = { fetch(url: string, options?: FetchOptions): Promise<FetchResult> };

/** Feed types first, HTML next (HTML sources and feed discovery), anything last: some servers 406 a narrow Accept. */
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5';

/** Builds the fetcher: SSRF guard, manual redirects, timeouts, byte limit, decompression, charset. */
export function createFetcher(options: FetcherOptions): Fetcher {
  const settings: Settings = { connectTimeoutMs: 10_000, maxRedirects: 5, ...options };
  return { fetch: (url, opts = {}) => fetchUrl(settings, url, opts) };
}

async function fetchUrl(s: Settings, input: string, opts: FetchOptions): Promise<FetchResult> {
  const started = performance.now();
  // The total timeout starts with the first request: waiting for a host slot has its own limit.
  let deadline: number | undefined;
  const startClock = () => {
    deadline ??= Date.now() + s.timeoutMs;
    return deadline;
  };
  let url = parseHttpUrl(input);
  if (!url)
    throw new FetchError('invalid_url', `not an absolute http(s) URL: ${input}`, { url: input });
  const redirects: string[] = [];
  const seen = new Set([url.href]);
  for (;;) {
    const hop = url;
    // Every hop is checked again: a redirect is how an SSRF usually reaches an internal address.
    checkLiteralAddress(hop, s.allowedHosts);
    const answer = await gated(s.hostGate, hop, () =>
      exchange(s, hop, requestHeaders(s, opts), startClock(), opts.signal),
    );
    // "Not modified" since a copy we never had: the server answers nothing we can read.
    if (answer.kind === 'done' && answer.status === 304 && !opts.etag && !opts.lastModified)
      throw new FetchError(
        'http_status',
        'HTTP 304 Not Modified, though we asked for no cached copy',
        {
          status: 304,
          url: hop.href,
        },
      );
    if (answer.kind === 'done') return toResult(answer, hop, redirects, opts, started);
    if (redirects.length >= s.maxRedirects)
      throw new FetchError('too_many_redirects', `more than ${s.maxRedirects} redirects`, {
        url: input,
      });
    redirects.push(hop.href);
    url = redirectTarget(hop, answer.location);
    if (seen.has(url.href))
      throw new FetchError('redirect_loop', `redirect loop back to ${url.href}`, { url: input });
    seen.add(url.href);
  }
}

function requestHeaders(s: Settings, opts: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': opts.userAgent ?? s.userAgent,
    accept: opts.accept ?? DEFAULT_ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (opts.etag) headers['if-none-match'] = opts.etag;
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
  return headers;
}

function redirectTarget(from: URL, location: string | undefined): URL {
  if (!location)
    throw new FetchError('bad_redirect', `redirect from ${from.href} without a Location`, {
      url: from.href,
    });
  let target: URL | null = null;
  try {
    target = parseHttpUrl(new URL(location, from).href);
  } catch {}
  if (!target)
    throw new FetchError('bad_redirect', `unusable redirect Location "${location}"`, {
      url: from.href,
    });
  return target;
}

/** An absolute http(s) URL without its fragment (never sent, and it would hide loops), else null. */
function parseHttpUrl(input: string): URL | null {
  if (!URL.canParse(input)) return null;
  const url = new URL(input);
  url.hash = '';
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}
