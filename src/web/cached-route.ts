// Routes that render from data answer through the page cache: a hit costs a Map lookup, a miss
// renders once per board version per process (concurrent misses share that render; a page slow
// to build is rebuilt in the background instead) and hashes its ETag once.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { BLOCKLIST_COOKIE } from '../domain/blocklist.ts';
import type { CachedResponse } from './page-cache.ts';
import type { WebDeps } from './web-deps.ts';

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

/** Wraps a producer with the per-version page cache. */
export function cachedRoute(
  deps: Pick<WebDeps, 'version' | 'cache'>,
  produce: (req: Request) => Promise<Produced>,
): RequestHandler {
  return async (req, res) => {
    const personal = blocklistCookie(req);
    // The scheme too: pages, feeds and the API carry absolute URLs built from it (with no
    // PUBLIC_URL, from the request), so an https request must not get an http one's copy.
    const key = `${req.protocol}|${req.get('host')}|${req.originalUrl}|${personal}`;
    const out = await deps.cache.resolve(key, await deps.version.current(), async () => {
      const produced = await produce(req);
      const body = Buffer.from(produced.body);
      const type = contentType(produced.type);
      return { ...produced, type, body, status: produced.status ?? 200, etag: bodyTag(body) };
    });
    send(res, out, personal !== '');
  };
}

function send(res: Response, out: CachedResponse, personal: boolean): void {
  // Express answers If-None-Match with 304 against the ETag computed at render time.
  const policy = personal ? out.cacheControl.replace('public', 'private') : out.cacheControl;
  if (out.location) res.location(out.location);
  // Set here, Express neither hashes the body again nor loses its 304 (req.fresh reads it).
  if (out.etag) res.set('ETag', out.etag);
  res
    .status(out.status)
    .set('Content-Type', out.type)
    .set('Cache-Control', policy)
    .vary('Cookie')
    .send(out.body);
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
