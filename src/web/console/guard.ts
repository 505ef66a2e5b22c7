// Every console route sits behind these: a session from Redis, and on state-changing requests
// the session's CSRF token. Pages redirect to the login form; anything else gets 401.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { sameSecret } from '../../lib/password.ts';
import { SESSION_COOKIE, type Session, type SessionStore } from './sessions.ts';

/** The signed-in operator's session, set by requireSession. */
export function sessionOf(res: Response): Session {
  return res.locals.session as Session;
}

/** Lets a request through only with a live session. */
export function requireSession(store: SessionStore): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const cookies = (req as Request & { cookies?: Record<string, string> }).cookies ?? {};
    const session = await store.read(cookies[SESSION_COOKIE]);
    res.set('Cache-Control', 'private, no-store');
    if (!session) {
      if (req.method === 'GET') {
        res.redirect(303, `/console/login?next=${encodeURIComponent(req.originalUrl)}`);
        return;
      }
      res.status(401).type('text').send('Sign in to the console first.');
      return;
    }
    res.locals.session = session;
    next();
  };
}

/** Refuses a state-changing request without the session's CSRF token (form field or header). */
export const requireCsrf: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  const body = (req.body ?? {}) as Record<string, unknown>;
  const sent = typeof body._csrf === 'string' ? body._csrf : (req.get('x-csrf-token') ?? '');
  if (!sent || !sameSecret(sent, sessionOf(res).csrf)) {
    res
      .status(403)
      .type('text')
      .send('This form has expired or did not come from the console: reload and try again.');
    return;
  }
  next();
};
