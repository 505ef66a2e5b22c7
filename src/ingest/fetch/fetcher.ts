import { createHash } from 'node:crypto';
import dns from 'node:dns';
import { once } from 'node:events';
import http, {
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchError } from '../../lib/errors.ts';
import { isAllowlisted, isBlockedAddress } from './address-guard.ts';
import { decodeBody } from './charset.ts';
import type { HostGate } from './host-gate.ts';

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

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// A 429 without Retry-After still means "slow down"; a silly Retry-After must not block a host for ever.
const DEFAULT_RETRY_AFTER_MS = 60_000;
const MAX_RETRY_AFTER_MS = 24 * 3600_000;

type Settings = FetcherOptions & { connectTimeoutMs: number; maxRedirects: number };
type Done = { kind: 'done'; status: number; headers: IncomingHttpHeaders; body: Buffer };
type Answer = Done | { kind: 'redirect'; location: string | undefined };

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
    const answer = await gated(s.hostGate, hop, () => exchange(s, hop, opts, startClock()));
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

/** Runs one hop inside the host's politeness rules: Retry-After window first, then a slot. */
async function gated<T>(gate: HostGate | undefined, url: URL, run: () => Promise<T>): Promise<T> {
  if (!gate) return run();
  const host = url.hostname;
  const until = await gate.blockedUntil(host);
  if (until !== null) {
    const message = `${host} asked us to wait until ${new Date(until).toISOString()}`;
    throw new FetchError('rate_limited', message, {
      retryAfterMs: until - Date.now(),
      url: url.href,
    });
  }
  const release = await gate.acquire(host);
  try {
    return await run();
  } catch (error) {
    const wait =
      error instanceof FetchError &&
      error.fetchCode === 'rate_limited' &&
      error.details.retryAfterMs;
    // A gate that cannot record the window (Redis down) must not hide the real answer.
    if (wait) await gate.block(host, Date.now() + wait).catch(() => {});
    throw error;
  } finally {
    // A failed release is harmless: the slot expires by itself.
    await release().catch(() => {});
  }
}

/** One request/response on a socket of its own, destroyed when the hop ends however it ends. */
async function exchange(
  s: Settings,
  url: URL,
  opts: FetchOptions,
  deadline: number,
): Promise<Answer> {
  const remaining = deadline - Date.now();
  if (remaining <= 0)
    throw new FetchError('timeout', `no complete response within ${s.timeoutMs} ms`, {
      url: url.href,
    });
  const req = (url.protocol === 'https:' ? https : http).request(url, {
    agent: false, // no pooling: each socket is ours alone and dies with its request
    headers: requestHeaders(s, opts),
    lookup: guardedLookup(url, s.allowedHosts),
  });
  const watch = watchRequest(req, s, url, remaining, opts.signal);
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

/** The connect and total timers plus the caller's signal; the first to fire destroys the request. */
function watchRequest(
  req: ClientRequest,
  s: Settings,
  url: URL,
  remainingMs: number,
  signal?: AbortSignal,
) {
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    // Destroy with an error: without one, a request still resolving its host never settles.
    req.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  const timeout = (what: string, ms: number) => () =>
    fail(new FetchError('timeout', `${what} within ${ms} ms`, { url: url.href }));
  const total = setTimeout(timeout('no complete response', s.timeoutMs), remainingMs);
  const connectMs = Math.min(s.connectTimeoutMs, remainingMs);
  const connect = setTimeout(
    timeout(`could not connect to ${url.host}`, s.connectTimeoutMs),
    connectMs,
  );
  req.once('socket', (socket) => socket.once('connect', () => clearTimeout(connect)));
  // Errors surface through the awaited response or body; this only keeps a late one from crashing.
  req.on('error', () => {});
  const onAbort = () => fail(signal?.reason ?? new Error('fetch aborted'));
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    failure: () => failure,
    stop: () => {
      clearTimeout(total);
      clearTimeout(connect);
      signal?.removeEventListener('abort', onAbort);
      req.destroy();
    },
  };
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

/** Reads and decompresses the body, stopping as soon as the decompressed size passes the limit. */
async function readBody(res: IncomingMessage, maxBytes: number, url: URL): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = createDecoder(encoding, url);
  const chunks: Buffer[] = [];
  let size = 0;
  let firstFailure: 'network' | 'decoder' | undefined;
  // Kept here: pipeline reports the AbortError its cleanup raises, not the error we threw.
  let overflow: FetchError | undefined;
  res.once('error', () => {
    firstFailure ??= 'network';
  });
  decoder?.once('error', () => {
    firstFailure ??= 'decoder';
  });
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      size += chunk.length;
      // Counting decoded bytes is what stops a decompression bomb: a few KB of gzip can be GBs.
      if (size > maxBytes) {
        overflow = tooLarge(maxBytes, url);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  try {
    await (decoder ? pipeline(res, decoder, collect) : pipeline(res, collect));
  } catch (error) {
    if (overflow) throw overflow;
    if (firstFailure !== 'decoder' || error instanceof FetchError) throw error;
    const message = `could not decode the ${encoding} body: ${(error as Error).message}`;
    throw new FetchError('decode', message, { url: url.href }, { cause: error });
  }
  return Buffer.concat(chunks, size);
}

function createDecoder(encoding: string, url: URL): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return inflateEither();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchError('decode', `unsupported Content-Encoding "${encoding}"`, {
        url: url.href,
      });
  }
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: look at the first bytes. */
function inflateEither(): Transform {
  let inner: zlib.Inflate | zlib.InflateRaw | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!inner) {
        // A zlib header: compression method 8, window ≤ 32 KB, and a check value divisible by 31.
        const [cmf = 0, flg = 0] = chunk;
        const wrapped = (cmf & 0x0f) === 8 && cmf >> 4 <= 7 && ((cmf << 8) | flg) % 31 === 0;
        inner = wrapped ? zlib.createInflate() : zlib.createInflateRaw();
        inner.on('data', (data: Buffer) => this.push(data));
        inner.on('error', (error) => this.destroy(error));
      }
      inner.write(chunk, () => done());
    },
    flush(done) {
      if (!inner) return done();
      inner.once('end', () => done());
      inner.end();
    },
    destroy(error, done) {
      inner?.destroy();
      done(error);
    },
  });
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

/** Retry-After as delay-seconds or an HTTP date, in ms from now (clamped to 0..24 h). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

function tooLarge(maxBytes: number, url: URL): FetchError {
  const limit =
    maxBytes % 1_048_576 === 0
      ? `${maxBytes / 1_048_576} MB`
      : maxBytes % 1024 === 0
        ? `${maxBytes / 1024} KB`
        : `${maxBytes} bytes`;
  return new FetchError('too_large', `response body exceeds ${limit} limit`, {
    url: url.href,
    permanent: true,
  });
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

function portOf(url: URL): number {
  return Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
}

function blockedError(url: URL, address: string): FetchError {
  const literal = url.hostname.replace(/^\[|\]$/g, '') === address;
  const where = literal ? `${url.host} is` : `${url.host} resolves to ${address},`;
  const message = `${where} a private or reserved address (not in the fetch allowlist)`;
  return new FetchError('blocked_address', message, { url: url.href, permanent: true });
}

/** Node connects to IP literals without calling `lookup`, so they are checked here, before any socket. */
function checkLiteralAddress(url: URL, allowedHosts: readonly string[]): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0 || isAllowlisted(url.hostname, portOf(url), allowedHosts)) return;
  if (isBlockedAddress(host)) throw blockedError(url, host);
}

/**
 * Resolves names for the socket and refuses when any address is private: the check is on the
 * addresses the socket then connects to, so a DNS answer that changes in between (rebinding) cannot slip through.
 */
function guardedLookup(url: URL, allowedHosts: readonly string[]): LookupFunction {
  const allowed = isAllowlisted(url.hostname, portOf(url), allowedHosts);
  return (hostname, options, callback) => {
    dns.lookup(
      hostname,
      { family: options.family, hints: options.hints, all: true },
      (error, addresses) => {
        if (error) return callback(error, '');
        const refused = allowed ? undefined : addresses.find((a) => isBlockedAddress(a.address));
        const first = addresses[0];
        if (refused) return callback(blockedError(url, refused.address), '');
        if (!first)
          return callback(
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
            '',
          );
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
    );
  };
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);

/** Maps a network error to its FetchError code; anything else (a bug) passes through unchanged. */
function asFetchError(error: unknown, url: URL): unknown {
  if (error instanceof FetchError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const cause = { cause: error };
  if (code && DNS_CODES.has(code))
    return new FetchError(
      'dns',
      `cannot resolve ${url.hostname} (${code})`,
      { url: url.href },
      cause,
    );
  if (code === 'ETIMEDOUT')
    return new FetchError('timeout', `${url.host}: connection timed out`, { url: url.href }, cause);
  // Refused, reset, unreachable, TLS failures; AggregateError when every address of a name failed.
  if (code || error instanceof AggregateError) {
    const message = `${url.host}: ${(error as Error).message}${code ? ` (${code})` : ''}`;
    return new FetchError('connect', message, { url: url.href }, cause);
  }
  return error;
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

function toResult(
  answer: Done,
  url: URL,
  redirects: string[],
  opts: FetchOptions,
  started: number,
): FetchResult {
  const header = (name: string) => {
    const value = answer.headers[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const notModified = answer.status === 304;
  const contentType = header('content-type');
  const { text, charset } = notModified
    ? { text: '', charset: '' }
    : decodeBody(answer.body, contentType);
  return {
    status: answer.status,
    notModified,
    url: url.href,
    redirects,
    // A 304 may omit the validators; the ones we sent are still the current ones.
    etag: header('etag') ?? (notModified ? (opts.etag ?? null) : null),
    lastModified: header('last-modified') ?? (notModified ? (opts.lastModified ?? null) : null),
    contentType,
    body: answer.body,
    text,
    charset,
    bodyHash: createHash('sha256').update(answer.body).digest('hex'),
    durationMs: Math.round(performance.now() - started),
  };
}
