// Bull Board (queues, failed jobs, retry) inside the console, behind the same session. Its
// single-page UI carries inline script, so this path alone gets a looser CSP; its API calls are
// JSON without our CSRF field, so state changes must come from this origin (the session cookie
// is SameSite=Strict as well).
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { RequestHandler, Router } from 'express';
import { isSameOrigin } from '../same-origin.ts';

const BOARD_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** The Bull Board router for these queues, served under `basePath`. */
export function queueBoard(queues: Queue[], basePath: string): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(basePath);
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q)), serverAdapter: adapter });
  return adapter.getRouter() as Router;
}

/** Swaps in the Bull Board CSP and refuses cross-site state changes. */
export const queueBoardGuard: RequestHandler = (req, res, next) => {
  res.set('Content-Security-Policy', BOARD_CSP);
  // Bull Board's own UI always sends Origin or Sec-Fetch-Site on its JSON calls.
  const fromBrowser = Boolean(req.get('origin') || req.get('sec-fetch-site'));
  if (req.method !== 'GET' && req.method !== 'HEAD' && (!fromBrowser || !isSameOrigin(req))) {
    res.status(403).type('text').send('Queue changes must come from the console itself.');
    return;
  }
  next();
};
