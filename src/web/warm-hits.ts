// Nearly every request for a board page, feed or API list is a repeat of one the page cache
// already holds. This answers those first, before Express: routing a cached response cost more
// CPU than sending it, and under load that CPU was the board's latency (BENCHMARKS.md). Even as
// the app's first middleware, Express's own handling (its router, trust-proxy address parsing)
// made half of what a warm hit allocated, and that garbage set the pace of the web's full
// collections, whose pauses were its p99. The response is the one the full app sent the first
// time, headers and all (cached-route.ts records them), so the two paths answer alike.
//
// Anything else goes on to the app: a miss, an entry past its TTL (the app serves it stale and
// renders anew), a personal list (a block list cookie), a method other than GET and HEAD.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Express } from 'express';
import fresh from 'fresh';
import { BLOCKLIST_COOKIE } from '../domain/blocklist.ts';
import { cacheKey, type PageCacheDeps, type Variant, variantFor } from './cached-route.ts';

// Express's own 304 drops these (express/lib/response.js, res.send).
const NOT_IN_304 = new Set(['content-type', 'content-length', 'transfer-encoding']);

/**
 * Makes `app` answer the requests the page cache holds a whole response for before Express
 * handles them; every other request is handled as before. Call once the app's `trust proxy` is
 * set: the cache key's scheme follows it, as Express's `req.protocol` does.
 */
export function answerWarmHitsFirst(app: Express, deps: PageCacheDeps): void {
  // Express's app is `(req, res, next) => app.handle(req, res, next)`: its entry point.
  const handled = app as Express & { handle: Handle };
  const route = handled.handle.bind(app);
  const answer = warmHits(deps, trustedProxy(app));
  handled.handle = (req, res, callback) => answer(req, res, () => route(req, res, callback));
}

type Handle = (req: IncomingMessage, res: ServerResponse, callback?: unknown) => void;

type Route = () => void;

function warmHits(deps: PageCacheDeps, trusted: (address: string) => boolean) {
  return (req: IncomingMessage, res: ServerResponse, route: Route): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || mayBePersonal(req.headers.cookie)) {
      route();
      return;
    }
    // What cached-route.ts's pageKey reads through Express, read the way Express reads it.
    const key = cacheKey(protocolOf(req, trusted), req.headers.host, req.url ?? '', '');
    // Assets, the console and anything not cached go on at once, never waiting on Redis.
    if (!deps.cache.replayable(key)) {
      route();
      return;
    }
    deps.version.current().then((version) => {
      const hit = deps.cache.get(key, version);
      if (!hit?.replay) {
        route();
        return;
      }
      try {
        const variant = variantFor(req, hit);
        replay(
          hit.replay,
          variant,
          fresh(req.headers, { etag: variant.etag }),
          req.method === 'HEAD',
          res,
        );
      } catch (error) {
        // Nothing sent yet: the app answers it the long way, and its error handler if need be.
        if (res.headersSent) res.destroy(error as Error);
        else route();
      }
    }, route);
  };
}

/** Express's `req.protocol`: the socket's, or a trusted proxy's X-Forwarded-Proto. */
function protocolOf(req: IncomingMessage, trusted: (address: string) => boolean): string {
  const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  const address = req.socket.remoteAddress;
  if (address === undefined || !trusted(address)) return own;
  const forwarded = req.headers['x-forwarded-proto'];
  const header = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded) || own;
  const comma = header.indexOf(',');
  return (comma === -1 ? header : header.slice(0, comma)).trim();
}

/**
 * The app's trust-proxy test, remembered per address: Express parses the address on every
 * call, and a board's visitors arrive through one proxy or a few.
 */
function trustedProxy(app: Express): (address: string) => boolean {
  const known = new Map<string, boolean>();
  return (address) => {
    let trusted = known.get(address);
    if (trusted === undefined) {
      const trust = app.get('trust proxy fn') as (address: string, hop: number) => boolean;
      trusted = trust(address, 0);
      if (known.size >= 1_000) known.clear();
      known.set(address, trusted);
    }
    return trusted;
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
  head: boolean,
  res: ServerResponse,
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
  if (head) res.end();
  else res.end(variant.body);
}
