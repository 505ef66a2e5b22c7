// The job seeker's block list: shown at /preferences, changed by plain form posts (works without
// JavaScript), kept in a cookie. Cross-site posts are refused so no other site can edit it.
import express, { type Request, Router } from 'express';
import {
  BLOCKLIST_COOKIE,
  changeBlocklist,
  MAX_BLOCKED,
  parseBlocklist,
  serializeBlocklist,
} from '../../domain/blocklist.ts';
import { AppError, InvalidQueryError } from '../../lib/errors.ts';
import { blocklistCookie } from '../cached-route.ts';
import { isSameOrigin } from '../same-origin.ts';
import type { WebDeps } from '../web-deps.ts';

const ONE_YEAR_MS = 365 * 86_400_000;

/** Routes for viewing and changing the block list. */
export function preferenceRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/preferences', (req, res) => {
    const list = parseBlocklist(blocklistCookie(req));
    const kind = req.query.kind === 'keywords' ? 'keywords' : 'companies';
    const refused =
      req.query.refused === 'full'
        ? `Your block list holds ${MAX_BLOCKED} ${kind} already: unblock one to add another.`
        : req.query.refused === 'too_long'
          ? 'Your block list is as long as this browser can keep: unblock an entry, or use shorter names, to add another.'
          : null;
    const body = deps.renderer.page(
      'preferences',
      { title: 'Your block list', nav: 'preferences', noindex: true },
      {
        refused,
        groups: [
          {
            kind: 'companies',
            title: 'Companies',
            items: list.companies,
            addLabel: 'Block a company',
          },
          {
            kind: 'keywords',
            title: 'Keywords',
            items: list.keywords,
            addLabel: 'Block a keyword',
          },
        ],
      },
    );
    res.set('Cache-Control', 'private, no-store').type('html').send(body);
  });

  router.post(
    '/preferences/block',
    express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 10 }),
    (req, res) => {
      refuseCrossSite(req);
      const form = (req.body ?? {}) as Record<string, unknown>;
      const kind = form.kind;
      const value = typeof form.value === 'string' ? form.value : '';
      if (kind !== 'companies' && kind !== 'keywords')
        throw new InvalidQueryError([
          { parameter: 'kind', message: 'must be companies or keywords' },
        ]);
      if (!value.trim())
        throw new InvalidQueryError([{ parameter: 'value', message: 'must not be empty' }]);
      const next = changeBlocklist(parseBlocklist(blocklistCookie(req)), {
        kind,
        value,
        remove: form.remove === '1',
      });
      // Refused: the preferences page says why, and the list stays as it was.
      if (typeof next === 'string')
        return void res.redirect(303, `/preferences?refused=${next}&kind=${kind}`);
      res.cookie(BLOCKLIST_COOKIE, serializeBlocklist(next), {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.secure,
        path: '/',
        maxAge: ONE_YEAR_MS,
      });
      res.redirect(303, safeBack(form.back));
    },
  );
  return router;
}

function refuseCrossSite(req: Request): void {
  if (!isSameOrigin(req))
    throw new AppError('forbidden', 'Block list changes must come from this site.');
}

// Only our own paths: an open redirect would let any link bounce visitors elsewhere.
function safeBack(back: unknown): string {
  return typeof back === 'string' && /^\/(?![/\\])[^\s]*$/.test(back) ? back : '/jobs';
}
