// Output feeds for any filtered list (/jobs.rss?tags=go …, same query string as the page) and
// the sitemap of job pages.
import { type Request, Router } from 'express';
import { DEFAULT_PAGE_SIZE, type JobQuery } from '../../domain/board-query.ts';
import { queryString, withoutPaging } from '../../domain/board-query-url.ts';
import { searchTerms } from '../../domain/search-terms.ts';
import { escapeXml } from '../../domain/xml-escape.ts';
import { articleSearchFilter } from '../../store/board-filters.ts';
import { findNewest, sitemapJobs } from '../../store/board-repository.ts';
import type { EntryDoc } from '../../store/models/entry.ts';
import { CACHE_FEED, cachedRoute, type Produced } from '../cached-route.ts';
import { renderAtom } from '../feeds/atom.ts';
import type { FeedDocument, FeedItem } from '../feeds/feed-document.ts';
import { renderJsonFeed } from '../feeds/json-feed.ts';
import { renderRss } from '../feeds/rss.ts';
import { countryName, formatMoney, tagName, topicName } from '../format.ts';
import { jobPath } from '../view-models/job-card.ts';
import { origin, type WebDeps } from '../web-deps.ts';
import { articleQueryOf } from './articles.ts';
import { jobFilterOf, jobQueryOf } from './jobs.ts';

const FORMATS = {
  rss: { type: 'application/rss+xml; charset=utf-8', render: renderRss },
  atom: { type: 'application/atom+xml; charset=utf-8', render: renderAtom },
  json: { type: 'application/feed+json; charset=utf-8', render: renderJsonFeed },
} as const;
type Format = keyof typeof FORMATS;
const SITEMAP_LIMIT = 50_000;

/** Feed and sitemap routes. */
export function feedRoutes(deps: WebDeps): Router {
  const router = Router();
  for (const format of Object.keys(FORMATS) as Format[]) {
    router.get(
      `/jobs.${format}`,
      cachedRoute(deps, (req) => jobFeed(deps, req, format)),
    );
    router.get(
      `/articles.${format}`,
      cachedRoute(deps, (req) => articleFeed(deps, req, format)),
    );
  }
  router.get(
    '/sitemap.xml',
    cachedRoute(deps, async (req) => {
      const base = origin(deps, req);
      const jobs = await sitemapJobs(deps.mongo, SITEMAP_LIMIT);
      const urls = jobs.map(
        (job) =>
          `<url><loc>${escapeXml(`${base}${jobPath(job)}`)}</loc><lastmod>${(job.changedAt ?? job.publishedAt).toISOString()}</lastmod></url>`,
      );
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n<url><loc>${escapeXml(`${base}/`)}</loc></url>\n<url><loc>${escapeXml(`${base}/jobs`)}</loc></url>\n<url><loc>${escapeXml(`${base}/articles`)}</loc></url>\n${urls.join('\n')}\n</urlset>\n`;
      return { type: 'application/xml; charset=utf-8', body, cacheControl: CACHE_FEED };
    }),
  );
  router.get('/robots.txt', (req, res) => {
    res
      .type('text/plain')
      .set('Cache-Control', CACHE_FEED)
      .send(`User-agent: *\nDisallow: /api/\nSitemap: ${origin(deps, req)}/sitemap.xml\n`);
  });
  return router;
}

async function jobFeed(deps: WebDeps, req: Request, format: Format): Promise<Produced> {
  const now = new Date();
  const query = withoutPaging(jobQueryOf(req));
  const base = origin(deps, req);
  const jobs = await findNewest(
    deps.mongo,
    'jobs',
    jobFilterOf(req, query, now),
    query.limit ?? DEFAULT_PAGE_SIZE * 2,
    { withHtml: true, order: query.sort },
  );
  const qs = queryString(query);
  const items = jobs.map((job): FeedItem => {
    const url = `${base}${jobPath(job)}`;
    return {
      // Without the title's slug, so a retitled job is not a new item to feed readers; the
      // slug-less address moves to the page for good.
      id: `${base}/jobs/${String(job._id)}`,
      url,
      externalUrl: job.job?.applyUrl ?? job.url,
      title: job.job?.company && job.job.role ? `${job.job.role} at ${job.job.company}` : job.title,
      summary: job.summary,
      html: republished(job),
      published: job.publishedAt,
      updated: job.updatedAt,
      author: job.job?.company ?? null,
      // Names, as the board shows them: a reader lists these as the item's categories.
      tags: (job.intel?.stackTags ?? []).map(tagName),
    };
  });
  const source = query.source
    ? (await deps.shared.sources()).find((s) => String(s._id) === query.source)
    : undefined;
  return produce(format, {
    title: jobFeedTitle(query, source?.name),
    description: 'Backend engineering jobs gathered by backboard.',
    homeUrl: `${base}/jobs${qs}`,
    feedUrl: `${base}/jobs.${format}${qs}`,
    updated: newest(jobs),
    language: 'en',
    items,
  });
}

/**
 * A job feed's title names its filters, so a reader subscribed to several searches tells them
 * apart: "backboard: senior Go, PostgreSQL backend jobs, remote, open to applicants in Germany".
 */
export function jobFeedTitle(query: JobQuery, sourceName?: string): string {
  const kinds = [
    (query.seniority ?? []).map((s) => (s === 'mid' ? 'mid-level' : s)).join(' or '),
    (query.tags ?? []).map(tagName).join(', '),
  ].filter(Boolean);
  const parts = [
    `backboard: ${[...kinds, 'backend jobs'].join(' ')}`,
    query.q && searchTerms(query.q).length ? `matching “${query.q}”` : '',
    query.workplace?.length ? query.workplace.join(' or ') : '',
    query.type?.length ? query.type.join(' or ') : '',
    query.location ? `in ${query.location}` : '',
    query.from ? `open to applicants in ${countryName(query.from)}` : '',
    query.salaryMin
      ? `paying ${formatMoney(query.salaryMin, query.currency ?? 'USD')}+ a year`
      : '',
    query.hasSalary && !query.salaryMin ? 'with a salary' : '',
    query.posted
      ? `posted in the last ${query.posted.replace('h', ' hours').replace('d', ' days')}`
      : '',
    sourceName ? `from ${sourceName}` : '',
    query.sort === 'added' ? 'newest added first' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

async function articleFeed(deps: WebDeps, req: Request, format: Format): Promise<Produced> {
  const query = withoutPaging(articleQueryOf(req));
  const base = origin(deps, req);
  const articles = await findNewest(
    deps.mongo,
    'articles',
    articleSearchFilter(query),
    query.limit ?? DEFAULT_PAGE_SIZE * 2,
    { withHtml: true, order: query.sort },
  );
  const qs = queryString(query);
  // Articles have no page of ours: the item is the origin itself.
  const items = articles.map(
    (a): FeedItem => ({
      id: a.url,
      url: a.url,
      externalUrl: null,
      title: a.title,
      summary: a.summary,
      html: republished(a),
      published: a.publishedAt,
      updated: a.updatedAt,
      author: articleAuthor(a),
      tags: (a.articleIntel?.topics ?? []).map(topicName),
    }),
  );
  const source = query.source
    ? (await deps.shared.sources()).find((s) => String(s._id) === query.source)
    : undefined;
  return produce(format, {
    // Named for its filters, so a reader subscribed to several tells them apart.
    title: [
      `backboard: ${query.topic ? `${topicName(query.topic)} articles` : 'career articles'}`,
      query.q ? ` matching “${query.q}”` : '',
      source ? ` from ${source.name}` : '',
      query.sort === 'added' ? ', newest added first' : '',
    ].join(''),
    description: 'Career articles for backend engineers gathered by backboard.',
    homeUrl: `${base}/articles${qs}`,
    feedUrl: `${base}/articles.${format}${qs}`,
    updated: newest(articles),
    language: 'en',
    items,
  });
}

/**
 * The full text, only where the source's terms allow republishing it; otherwise a feed reader
 * gets the summary and the link, as a visitor of the origin would. (Our own pages show the
 * text with its attribution; a feed hands it on to whoever reads or re-aggregates it.)
 */
function republished(entry: { html: string; syndication: boolean }): string | null {
  return entry.syndication ? entry.html || null : null;
}

/** An article's author, with its source named where the source's terms ask for that. */
function articleAuthor(a: {
  author?: string | null;
  sourceName: string;
  attribution: { required: boolean };
}): string {
  if (!a.author) return a.sourceName;
  return a.attribution.required && a.author !== a.sourceName
    ? `${a.author} (${a.sourceName})`
    : a.author;
}

function produce(format: Format, doc: FeedDocument): Produced {
  const { type, render } = FORMATS[format];
  return { type, body: render(doc), cacheControl: CACHE_FEED };
}

// The feed's own date is its latest entry date of any kind: Atom wants it no earlier than any
// entry's <updated>, the newest-published entry is not always the last one updated, and an
// entry stored today with an old date changed the feed today. An empty feed has a fixed date,
// so its body and ETag stay the same until an entry arrives (a saved search with no results
// gets its 304s).
function newest(entries: EntryDoc[]): Date {
  const times = entries.flatMap((e) => [
    e.publishedAt,
    e.updatedAt ?? e.publishedAt,
    e.firstSeenAt ?? e.publishedAt,
  ]);
  return new Date(times.length ? Math.max(...times.map((t) => t.getTime())) : 0);
}
