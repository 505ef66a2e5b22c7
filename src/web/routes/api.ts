// JSON API v1: the board's lists with the same filters as the pages, cursor pagination, and
// 400 { error, details } for bad parameters (unknown ones included). Documented at
// /api/v1/openapi.json.
import { type Request, Router } from 'express';
import { DEFAULT_PAGE_SIZE, type PageRequest } from '../../domain/board-query.ts';
import { toSearchParams } from '../../domain/board-query-url.ts';
import { type Cursor, encodeCursor } from '../../domain/cursor.ts';
import { AppError, InvalidQueryError } from '../../lib/errors.ts';
import { articleSearchFilter, jobSearchFilter } from '../../store/board-filters.ts';
import { type EntryPage, findEntry, findEntryPage } from '../../store/board-repository.ts';
import { apiArticle, apiJob, apiSource } from '../api/api-views.ts';
import { openApiDocument } from '../api/openapi.ts';
import { CACHE_API, cachedRoute } from '../cached-route.ts';
import { origin, type WebDeps } from '../web-deps.ts';
import { articleQueryOf } from './articles.ts';
import { jobQueryOf } from './jobs.ts';
import { loadSourceRows } from './sources.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

/** The /api/v1 routes. */
export function apiRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get('/api/v1/openapi.json', (req, res) => {
    res
      .type(JSON_TYPE)
      .set('Cache-Control', CACHE_API)
      .send(openApiDocument(origin(deps, req)));
  });

  router.get(
    '/api/v1/jobs',
    cachedRoute(deps, async (req) => {
      const query = jobQueryOf(req, true);
      const filter = jobSearchFilter(query, { now: minute() });
      const page = await findEntryPage(deps.mongo, 'jobs', filter, withLimit(query));
      const base = origin(deps, req);
      return json(listBody(base, req, query, page, (job) => apiJob(job, base)));
    }),
  );

  router.get(
    '/api/v1/jobs/:id',
    cachedRoute(deps, async (req) => {
      strictNoQuery(req);
      const job = await findEntry(deps.mongo, 'jobs', String(req.params.id));
      if (!job) throw new AppError('not_found', 'No job with this id.');
      return json({ data: { ...apiJob(job, origin(deps, req)), html: job.html } });
    }),
  );

  router.get(
    '/api/v1/articles',
    cachedRoute(deps, async (req) => {
      const query = articleQueryOf(req, true);
      const page = await findEntryPage(
        deps.mongo,
        'articles',
        articleSearchFilter(query),
        withLimit(query),
      );
      return json(listBody(origin(deps, req), req, query, page, apiArticle));
    }),
  );

  router.get(
    '/api/v1/sources',
    cachedRoute(deps, async (req) => {
      strictNoQuery(req);
      const rows = await loadSourceRows(deps.shared, new Date());
      return json({ data: rows.map(apiSource), total: rows.length });
    }),
  );
  return router;
}

// The minute, like the filters' clock: a cached answer stays the one its URL would give.
function withLimit<T extends PageRequest>(query: T): T & { limit: number; now: Date } {
  return { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE, now: minute() };
}

function listBody<T>(
  base: string,
  req: Request,
  query: PageRequest & object,
  page: EntryPage,
  view: (entry: EntryPage['items'][number]) => T,
) {
  const link = (cursor: Cursor | null, key: 'after' | 'before') => {
    if (!cursor) return null;
    const { after: _a, before: _b, page: _p, now: _n, ...rest } = query as Record<string, unknown>;
    const params = toSearchParams({ ...rest, [key]: cursor });
    // Absolute, like every other URL the API gives.
    return `${base}${req.baseUrl}${req.path}?${params}`;
  };
  // The first page links to newer items too: empty until some arrive, it is what a client
  // polls, and an empty answer hands back the same link to poll again.
  const newer = page.newer ?? page.newest;
  return {
    data: page.items.map(view),
    total: page.total,
    cursors: {
      older: page.older ? encodeCursor(page.older) : null,
      newer: newer ? encodeCursor(newer) : null,
    },
    links: { next: link(page.older, 'after'), prev: link(newer, 'before') },
  };
}

function strictNoQuery(req: Request): void {
  const keys = Object.keys(req.query);
  if (keys.length > 0)
    throw new InvalidQueryError(
      keys.map((key) => ({ parameter: key, message: 'unknown parameter' })),
    );
}

function json(body: unknown) {
  return { type: JSON_TYPE, body: JSON.stringify(body), cacheControl: CACHE_API };
}

const minute = () => new Date(Math.floor(Date.now() / 60_000) * 60_000);
