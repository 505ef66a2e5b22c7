// Nearly every request for a board page, feed or API list is a repeat of one the page cache
// already holds. This answers those first, before helmet, the cookie parser and the routers:
// routing a cached response cost more CPU than sending it, and under load that CPU was the
// board's latency (BENCHMARKS.md). The response is the one the full app sent the first time,
// headers and all (cached-route.ts records them), so the two paths answer alike.
//
// Anything else goes on to the app: a miss, an entry past its TTL (the app serves it stale and
// renders anew), a personal list (a block list cookie), a method other than GET and HEAD.
import type { RequestHandler } from 'express';
import fresh from 'fresh';
import { BLOCKLIST_COOKIE } from '../domain/blocklist.ts';
import { type PageCacheDeps, pageKey, type Variant, variantFor } from './cached-route.ts';

// Express's own 304 drops these (express/lib/response.js, res.send).
const NOT_IN_304 = new Set(['content-type', 'content-length', 'transfer-encoding']);

/** Answers a request the page cache holds a whole response for; passes on every other. */
export function warmHits(deps: PageCacheDeps): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || mayBePersonal(req.headers.cookie)) {
      next();
      return;
    }
    const key = pageKey(req, '');
    // Assets, the console and anything not cached go on at once, never waiting on Redis.
    if (!deps.cache.replayable(key)) {
      next();
      return;
    }
    deps.version.current().then((version) => {
      const hit = deps.cache.get(key, version);
      if (!hit?.replay) {
        next();
        return;
      }
      try {
        const variant = variantFor(req, hit);
        replay(hit.replay, variant, fresh(req.headers, { etag: variant.etag }), req.method, res);
      } catch (error) {
        // Outside Express's own catching (a promise callback): hand it to the error handler.
        if (res.headersSent) res.destroy(error as Error);
        else next(error);
      }
    }, next);
  };
}

/**
 * Whether the cookies may hold a block list, which makes the response personal. Checked loosely
 * (the name anywhere): a false alarm only sends the request the long way.
 */
function mayBePersonal(cookie: string | undefined): boolean {
  return cookie?.includes(BLOCKLIST_COOKIE) ?? false;
}

/** Writes what Express's res.send would for this variant: 200 with it, or 304 without. */
function replay(
  common: string[],
  variant: Variant,
  notModified: boolean,
  method: string,
  res: Parameters<RequestHandler>[1],
): void {
  const headers: string[] = [];
  for (let i = 0; i < common.length; i += 2) {
    const name = common[i] as string;
    if (!notModified || !NOT_IN_304.has(name.toLowerCase()))
      headers.push(name, common[i + 1] as string);
  }
  if (variant.etag) headers.push('ETag', variant.etag);
  if (variant.encoding) headers.push('Content-Encoding', variant.encoding);
  if (notModified) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  headers.push('Content-Length', String(variant.body.length));
  res.writeHead(200, headers);
  if (method === 'HEAD') res.end();
  else res.end(variant.body);
}
