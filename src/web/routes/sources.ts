// /sources: every source with its health and what it puts on the board.
import { Router } from 'express';
import type { BoardShared } from '../board-shared.ts';
import { CACHE_PAGE, cachedRoute } from '../cached-route.ts';
import { sourceRow } from '../view-models/source-row.ts';
import type { WebDeps } from '../web-deps.ts';

/** Every source as a row, by name. */
export async function loadSourceRows(shared: BoardShared, now: Date) {
  const [sources, jobs, articles] = await Promise.all([
    shared.sources(),
    shared.sourceCounts('jobs'),
    shared.sourceCounts('articles'),
  ]);
  return sources
    .map((s) => {
      const id = String(s._id);
      return sourceRow(s, (s.type === 'jobs' ? jobs : articles).get(id) ?? 0, now);
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/** The sources page route. */
export function sourceRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get(
    '/sources',
    cachedRoute(deps, async () => {
      const sources = await loadSourceRows(deps.shared, new Date());
      const body = deps.renderer.page(
        'sources',
        {
          title: 'Sources',
          description: 'The feeds backboard reads, and their health.',
          nav: 'sources',
        },
        { sources },
      );
      return { type: 'html', body, cacheControl: CACHE_PAGE };
    }),
  );
  return router;
}
