// /articles: career articles by keyword, topic and source; cards link out to the origin.
import { type Request, Router } from 'express';
import { careerTopics } from '../../../config/career-topics.ts';
import {
  type ArticleQuery,
  DEFAULT_PAGE_SIZE,
  parseArticleQuery,
} from '../../domain/board-query.ts';
import { queryString, withoutPaging } from '../../domain/board-query-url.ts';
import { InvalidQueryError } from '../../lib/errors.ts';
import { articleSearchFilter } from '../../store/board-filters.ts';
import { findEntryPage } from '../../store/board-repository.ts';
import { CACHE_PAGE, cachedRoute } from '../cached-route.ts';
import { keywordHeading, keywordLabel, topicName } from '../format.ts';
import { articleCard } from '../view-models/article-card.ts';
import { filterChips, pagerLinks } from '../view-models/search-links.ts';
import type { WebDeps } from '../web-deps.ts';
import { feedAlternates, feedLinks } from './jobs.ts';

/** Validated article search of a request, or a 400 naming each bad parameter. */
export function articleQueryOf(req: Request, strict = false): ArticleQuery {
  const parsed = parseArticleQuery(req.query as Record<string, unknown>, { strict });
  if (!parsed.ok) throw new InvalidQueryError(parsed.problems);
  return parsed.query;
}

/** The article list route. */
export function articleRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get(
    '/articles',
    cachedRoute(deps, async (req) => {
      const now = new Date();
      const query = articleQueryOf(req);
      const [page, sources] = await Promise.all([
        findEntryPage(deps.mongo, 'articles', articleSearchFilter(query), {
          ...query,
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          now,
        }),
        deps.shared.sources(),
      ]);
      const articleSources = sources.filter((s) => s.type === 'articles');
      const names = new Map(articleSources.map((s) => [String(s._id), s.name]));
      const chips = filterChips('/articles', query, (key, value) =>
        key === 'q'
          ? keywordLabel(String(value))
          : key === 'topic'
            ? topicName(String(value))
            : `From ${names.get(String(value)) ?? 'one source'}`,
      );
      const feedQuery = queryString(withoutPaging({ ...query, limit: undefined }));
      const body = deps.renderer.page(
        'articles',
        {
          title: 'Career articles',
          description: 'Career articles for backend engineers from trusted sources.',
          nav: 'articles',
          noindex: chips.length > 0 || Boolean(query.sort),
          alternates: feedAlternates('/articles', feedQuery, 'Articles'),
        },
        {
          heading: keywordHeading(query.q, 'Articles', 'Career articles'),
          countText: `${page.total.toLocaleString('en')} ${page.total === 1 ? 'article' : 'articles'}${query.sort === 'added' ? ' · newest added first' : ''}`,
          byDateHref:
            query.sort === 'added'
              ? `/articles${queryString({ ...withoutPaging(query), sort: undefined })}`
              : null,
          form: {
            q: query.q ?? '',
            topic: topicOptions(query.topic),
            source: articleSources.map((s) => ({
              value: String(s._id),
              label: s.name,
              selected: String(s._id) === query.source,
            })),
            sort: [
              { value: '', label: 'Date published', selected: !query.sort },
              {
                value: 'added',
                label: 'Date added to backboard',
                selected: query.sort === 'added',
              },
            ],
          },
          chips,
          articles: page.items.map((a) => articleCard(a, now, { added: query.sort === 'added' })),
          pager: pagerLinks('/articles', query, page),
          feeds: feedLinks('/articles', feedQuery),
        },
      );
      return { type: 'html', body, cacheControl: CACHE_PAGE };
    }),
  );
  return router;
}

/**
 * The topic choices: the career topics, and a technology topic when one is chosen (a card's
 * "PostgreSQL" link). Left out, the select would show "All topics" and drop it on the next
 * change of another field.
 */
function topicOptions(chosen: string | undefined) {
  const options = careerTopics.map((t) => ({
    value: t.slug,
    label: t.name,
    selected: t.slug === chosen,
  }));
  if (chosen && !options.some((o) => o.selected))
    options.push({ value: chosen, label: topicName(chosen), selected: true });
  return options;
}
