// The JSON API and the output feeds are public, read-only data: a web page on any origin may
// read them (a dashboard, a browser-side feed reader). No credentials are involved, so "*" is
// safe; the board's pages and the console stay same-origin.
import type { NextFunction, Request, Response } from 'express';

// Case-insensitive, as the routes are: /API/V1/JOBS answers too.
const OPEN_PATH = /^\/(?:api\/v1\/|(?:jobs|articles)\.(?:rss|atom|json)$)/i;

/** Lets any origin read the API and the feeds, and answers their preflight requests. */
export function openReadCors(req: Request, res: Response, next: NextFunction): void {
  if (!OPEN_PATH.test(req.path)) {
    next();
    return;
  }
  res.set('Access-Control-Allow-Origin', '*');
  // Helmet's same-origin default would still block a cross-origin fetch (no-cors mode, <img>).
  res.set('Cross-Origin-Resource-Policy', 'cross-origin');
  res.set('Access-Control-Expose-Headers', 'ETag');
  if (req.method === 'OPTIONS') {
    // A conditional request (If-None-Match) is not "simple", so browsers ask first.
    res.set('Access-Control-Allow-Methods', 'GET, HEAD');
    res.set('Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since');
    res.set('Access-Control-Max-Age', '86400');
    return void res.status(204).end();
  }
  next();
}
