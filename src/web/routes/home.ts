// "/": the combined board: newest jobs and articles, popular stacks, and how fresh it all is.
import { Router } from 'express';
import { parseBlocklist } from '../../domain/blocklist.ts';
import { countEntries, findNewest } from '../../store/board-repository.ts';
import { blocklistCookie, CACHE_PAGE, cachedRoute } from '../cached-route.ts';
import { tagName, timeAgo } from '../format.ts';
import { articleCard } from '../view-models/article-card.ts';
import { jobCard } from '../view-models/job-card.ts';
import type { WebDeps } from '../web-deps.ts';
import { jobFilterOf } from './jobs.ts';

/** The home page route. */
export function homeRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get(
    '/',
    cachedRoute(deps, async (req) => {
      const now = new Date();
      // The visitor's block list applies to the count as to the list (it is the board's base
      // filter when there is none).
      const jobFilter = jobFilterOf(req, {}, now);
      // So do the popular stacks (a blocked keyword's tag would lead to an empty list), read for
      // a visitor who blocks something; any other cookie gets the shared counts.
      const blocks = parseBlocklist(blocklistCookie(req));
      const ownFilter = blocks.companies.length + blocks.keywords.length ? jobFilter : undefined;
      const [jobs, articles, tags, jobCount, articleCount, sources] = await Promise.all([
        findNewest(deps.mongo, 'jobs', jobFilter, 12),
        findNewest(deps.mongo, 'articles', { duplicateOf: null }, 12),
        deps.shared.popularTags(ownFilter).then((tags) => tags.slice(0, 16)),
        countEntries(deps.mongo, 'jobs', jobFilter),
        countEntries(deps.mongo, 'articles', { duplicateOf: null }),
        deps.shared.sources(),
      ]);
      const lastSuccess = sources
        .map((s) => s.health.lastSuccessAt)
        .filter((d): d is Date => d instanceof Date)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const body = deps.renderer.page(
        'home',
        {
          title: 'Backend jobs and career articles',
          description: 'Fresh backend engineering jobs and career articles from trusted sources.',
          nav: 'board',
          alternates: [
            { type: 'application/rss+xml', title: 'Jobs (RSS)', href: '/jobs.rss' },
            { type: 'application/rss+xml', title: 'Articles (RSS)', href: '/articles.rss' },
          ],
        },
        {
          jobs: jobs.map((job) => jobCard(job, now)),
          articles: articles.map((article) => articleCard(article, now)),
          popularTags: tags.map((t) => ({ slug: t.tag, name: tagName(t.tag), count: t.count })),
          stats: {
            jobs: jobCount.toLocaleString('en'),
            articles: articleCount.toLocaleString('en'),
            sources: sources.filter((s) => s.enabled).length,
            updatedAgo: lastSuccess ? timeAgo(lastSuccess, now) : null,
            updatedIso: lastSuccess?.toISOString() ?? null,
          },
        },
      );
      return { type: 'html', body, cacheControl: CACHE_PAGE };
    }),
  );
  return router;
}
