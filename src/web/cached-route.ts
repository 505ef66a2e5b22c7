// Routes that render from data answer through the page cache: a hit costs a Map lookup, a miss
// renders once per board version per process (concurrent misses share that render; a page slow
// to build is rebuilt in the background instead) and hashes its ETag once.
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { BoardVersionReader } from '../cache/board-version.ts';
import { BLOCKLIST_COOKIE } from '../domain/blocklist.ts';
import type { Logger } from '../lib/logger.ts';
import { acceptedEncoding, compressBody, type Encoding, encodedTag } from './encodings.ts';
import type { CachedResponse, PageCache, ReplayHeaders } from './page-cache.ts';

/** A rendered answer: status, content type, body and its caching policy. */
export type Produced = {
  status?: number;
  type: string;
  body: string;
  cacheControl: string;
  /** For redirects. */
  location?: string;
};

// Pages revalidate every time (cheap: 304 from the cache) so a block list change or new jobs
// show at once; feeds and the API may be cached by clients and proxies for a short while.
export const CACHE_PAGE = 'public, no-cache';
export const CACHE_FEED = 'public, max-age=300';
export const CACHE_API = 'public, max-age=60';

/** The cache, the board version its entries are keyed on, and where slow builds are logged. */
export type PageCacheDeps = {
  cache: PageCache;
  version: Pick<BoardVersionReader, 'current'>;
  logger?: Pick<Logger, 'info'>;
};

/** Wraps a producer with the per-version page cache. */
export function cachedRoute(
  deps: PageCacheDeps,
  produce: (req: Request) => Promise<Produced>,
): RequestHandler {
  return async (req, res) => {
    const personal = blocklistCookie(req);
    const key = pageKey(req, personal);
    const out = await deps.cache.resolve(key, await deps.version.current(), async () => {
      const started = performance.now();
      const produced = await produce(req);
      const body = Buffer.from(produced.body);
      const type = contentType(produced.type);
      const rendered = {
        ...produced,
        type,
        body,
        status: produced.status ?? 200,
        etag: bodyTag(body),
        encoded: await compressBody(body, type),
      };
      const ms = Math.round(performance.now() - started);
      // An operator's sign that the database is the limit (a scan of a large collection on
      // FerretDB): such a page shows new data late, and each rebuild loads the database.
      if (deps.cache.isSlow(ms))
        deps.logger?.info(
          { page: req.originalUrl, ms },
          'page slow to build: served from its cached copy across new data',
        );
      return rendered;
    });
    send(req, res, out, personal !== '');
  };
}

/**
 * The cache key of a request: what its response depends on. The scheme too: pages, feeds and
 * the API carry absolute URLs built from it (with no PUBLIC_URL, from the request), so an https
 * request must not get an http one's copy.
 */
export function pageKey(req: Request, personal: string): string {
  return cacheKey(req.protocol, req.get('host'), req.originalUrl, personal);
}

/** The key of a response: its scheme, Host header, URL and block list (warm-hits.ts too). */
export function cacheKey(
  protocol: string,
  host: string | undefined,
  url: string,
  personal: string,
): string {
  return `${protocol}|${host}|${url}|${personal}`;
}

/** What of a cached response goes to this request: the body in an encoding it accepts. */
export type Variant = { body: Buffer; etag: string | undefined; encoding: Encoding | null };

export function variantFor(req: IncomingMessage, out: CachedResponse): Variant {
  const encoding = acceptedEncoding(req, out.encoded);
  if (!encoding || !out.encoded) return { body: out.body, etag: out.etag, encoding: null };
  return {
    body: out.encoded[encoding] ?? out.body,
    etag: out.etag && encodedTag(out.etag, encoding),
    encoding,
  };
}

// Headers that belong to the encoding sent, not to the response: a replay sets its own.
const PER_VARIANT = new Set(['content-length', 'content-encoding', 'etag']);

function send(req: Request, res: Response, out: CachedResponse, personal: boolean): void {
  // Express answers If-None-Match with 304 against the ETag computed at render time.
  const policy = personal ? out.cacheControl.replace('public', 'private') : out.cacheControl;
  const variant = variantFor(req, out);
  if (out.location) res.location(out.location);
  // Set here, Express neither hashes the body again nor loses its 304 (req.fresh reads it).
  if (variant.etag) res.set('ETag', variant.etag);
  if (variant.encoding) res.set('Content-Encoding', variant.encoding);
  res
    .status(out.status)
    .set('Content-Type', out.type)
    .set('Cache-Control', policy)
    .vary(out.encoded ? 'Cookie, Accept-Encoding' : 'Cookie')
    .send(variant.body);
  // The response as it went out, headers set by every middleware included, is what a repeat
  // of this request gets (src/web/warm-hits.ts). A 304 or a personal copy is not whole, and a
  // response setting a cookie is not everyone's.
  if (!personal && !out.replay && res.statusCode === 200 && !res.hasHeader('set-cookie'))
    out.replay = sentHeaders(res);
}

// Node has it on every outgoing message; its types declare it on ClientRequest only.
type WithRawNames = Response & { getRawHeaderNames(): string[] };

function sentHeaders(res: Response): ReplayHeaders {
  const flat: string[] = [];
  // As they were written ("Content-Security-Policy"), so a replay reads the same.
  for (const name of (res as WithRawNames).getRawHeaderNames()) {
    const value = res.getHeader(name);
    if (value === undefined || PER_VARIANT.has(name.toLowerCase())) continue;
    for (const one of Array.isArray(value) ? value : [value]) flat.push(name, String(one));
  }
  return flat;
}

// The shorthands producers use, as Express's res.type would expand them.
const SHORTHANDS: Record<string, string> = { html: 'text/html', text: 'text/plain' };

/**
 * A producer's type as a full Content-Type with its charset, worked out once per render: a
 * Buffer body, unlike a string, gets no charset from Express.
 */
export function contentType(type: string): string {
  const full = SHORTHANDS[type] ?? type;
  return /;\s*charset=/i.test(full) ? full : `${full}; charset=utf-8`;
}

/** A strong validator for a rendered body. */
function bodyTag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** The raw block list cookie ('' when absent): part of the cache key, since it changes lists. */
export function blocklistCookie(req: Request): string {
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[BLOCKLIST_COOKIE] ?? '';
}
