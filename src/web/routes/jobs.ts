// /jobs (search) and /jobs/:id-:slug (one job). Handlers: validate, load, build the view
// model, render; everything else lives in the modules they call.
import { type Request, Router } from 'express';
import { parseBlocklist } from '../../domain/blocklist.ts';
import { DEFAULT_PAGE_SIZE, type JobQuery, parseJobQuery } from '../../domain/board-query.ts';
import { queryString, withoutPaging } from '../../domain/board-query-url.ts';
import { AppError, InvalidQueryError } from '../../lib/errors.ts';
import { jobSearchFilter, listedFilter } from '../../store/board-filters.ts';
import {
  countEntries,
  findEntry,
  findEntryPage,
  sourcesById,
} from '../../store/board-repository.ts';
import { blocklistCookie, CACHE_PAGE, cachedRoute } from '../cached-route.ts';
import { keywordHeading } from '../format.ts';
import { jobCard, jobPath } from '../view-models/job-card.ts';
import { jobDetail } from '../view-models/job-detail.ts';
import { describeJobFilter, jobSearchForm } from '../view-models/job-search-form.ts';
import { filterChips, pagerLinks } from '../view-models/search-links.ts';
import { origin, type WebDeps } from '../web-deps.ts';

/** Validated job search of a request, or a 400 naming each bad parameter. */
export function jobQueryOf(req: Request, strict = false): JobQuery {
  const parsed = parseJobQuery(req.query as Record<string, unknown>, { strict });
  if (!parsed.ok) throw new InvalidQueryError(parsed.problems);
  return parsed.query;
}

/** The filter a request's search and block list stand for. */
export function jobFilterOf(req: Request, query: JobQuery, now: Date) {
  return jobSearchFilter(query, {
    now: minute(now),
    blocklist: parseBlocklist(blocklistCookie(req)),
  });
}

// Time windows ("posted in 24 h") move by the minute, so cached pages stay consistent.
const minute = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000);

/** Routes for the job list and job pages. */
export function jobRoutes(deps: WebDeps): Router {
  const router = Router();

  router.get(
    '/jobs',
    cachedRoute(deps, async (req) => {
      const now = new Date();
      const query = jobQueryOf(req);
      const blocklist = parseBlocklist(blocklistCookie(req));
      const filter = jobFilterOf(req, query, now);
      const [page, tags, sources] = await Promise.all([
        findEntryPage(deps.mongo, 'jobs', filter, {
          ...query,
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          now: minute(now),
        }),
        // A visitor's block list orders the stack boxes too, as on the home page: a blocked
        // keyword's tag would otherwise top the list and lead to no jobs.
        deps.shared.popularTags(
          blocklist.companies.length + blocklist.keywords.length
            ? jobFilterOf(req, {}, now)
            : undefined,
        ),
        deps.shared.sources(),
      ]);
      const counts = await deps.shared.sourceCounts('jobs');
      const jobSources = sources.filter((s) => s.type === 'jobs');
      const names = new Map(jobSources.map((s) => [String(s._id), s.name]));
      const chips = filterChips('/jobs', query, (key, value) =>
        describeJobFilter(key, value, query, names),
      );
      // An empty result suggests which filter to loosen, with what each would bring back.
      const suggestions =
        page.items.length === 0 && !query.after && !query.before
          ? (
              await Promise.all(
                chips.slice(0, 8).map(async (chip) => ({
                  label: chip.label,
                  href: chip.href,
                  // As the linked list would show it: in the added order, settled entries only.
                  count: await countEntries(
                    deps.mongo,
                    'jobs',
                    listedFilter(
                      jobSearchFilter(chip.without as JobQuery, { now: minute(now), blocklist }),
                      query.sort ?? 'published',
                      minute(now),
                    ),
                  ),
                })),
              )
            ).filter((s) => s.count > 0)
          : [];
      const feedQuery = queryString(withoutPaging({ ...query, limit: undefined }));
      const hidden = blocklist.companies.length + blocklist.keywords.length;
      const body = deps.renderer.page(
        'jobs',
        {
          title: query.q ? `“${query.q}” jobs` : 'Backend jobs',
          description: 'Backend engineering jobs from trusted boards, filtered your way.',
          nav: 'jobs',
          canonical: `${origin(deps, req)}/jobs${queryString(query)}`,
          noindex: chips.length > 0 || Boolean(query.sort),
          alternates: feedAlternates('/jobs', feedQuery, 'Jobs'),
        },
        {
          heading: keywordHeading(query.q, 'Jobs', 'Backend jobs'),
          countText: `${page.total.toLocaleString('en')} ${page.total === 1 ? 'job' : 'jobs'}${query.sort === 'added' ? ' · newest added first' : ''}`,
          // In the added order, what is missing yet and where to see it at once.
          byDateHref:
            query.sort === 'added'
              ? `/jobs${queryString({ ...withoutPaging(query), sort: undefined })}`
              : null,
          // What applies, not how many jobs it hid: that would cost a second count.
          blocked: hidden
            ? `your block list applies (${hidden} ${hidden === 1 ? 'entry' : 'entries'})`
            : null,
          form: jobSearchForm(query, {
            popularTags: tags.map((t) => t.tag),
            sources: jobSources.map((s) => ({
              id: String(s._id),
              name: s.name,
              count: counts.get(String(s._id)) ?? 0,
            })),
          }),
          chips,
          suggestions,
          jobs: page.items.map((job) => jobCard(job, now, { added: query.sort === 'added' })),
          pager: pagerLinks('/jobs', query, page),
          feeds: feedLinks('/jobs', feedQuery),
        },
      );
      return { type: 'html', body, cacheControl: CACHE_PAGE };
    }),
  );

  router.get(
    '/jobs/:ref',
    cachedRoute(deps, async (req) => {
      const id = /^([0-9a-f]{24})(?:-[a-z0-9-]*)?$/.exec(String(req.params.ref))?.[1];
      const job = id ? await findEntry(deps.mongo, 'jobs', id) : null;
      if (!job) throw new AppError('not_found', 'This job does not exist on the board.');
      // An old or missing slug moves permanently to the current one: one URL per job.
      const path = jobPath(job);
      if (req.path !== path) {
        const at = req.originalUrl.indexOf('?');
        const query = at >= 0 ? req.originalUrl.slice(at) : '';
        return {
          status: 301,
          type: 'text',
          body: `Moved to ${path}`,
          cacheControl: CACHE_PAGE,
          location: `${path}${query}`,
        };
      }
      const [sources, primary] = await Promise.all([
        sourcesById(deps.mongo, [String(job.sourceId)]),
        // A copy of a listing another source had first: its page points to that one.
        job.duplicateOf ? findEntry(deps.mongo, 'jobs', String(job.duplicateOf)) : null,
      ]);
      const pageUrl = `${origin(deps, req)}${jobPath(job)}`;
      const model = jobDetail(job, sources.get(String(job.sourceId)) ?? null, pageUrl, new Date());
      const body = deps.renderer.page(
        'job',
        {
          title: `${model.job.title}${model.job.company ? ` at ${model.job.company}` : ''}`,
          description: job.summary.slice(0, 160),
          nav: 'jobs',
          canonical: primary ? `${origin(deps, req)}${jobPath(primary)}` : pageUrl,
          // Kept out of search engines as it is out of the board's lists: closed, a copy, or
          // not a board job (off-topic, or blocked by its source's rules).
          noindex: model.closed !== null || job.duplicateOf !== null || !model.listed,
        },
        {
          ...model,
          primary: primary
            ? {
                href: jobPath(primary),
                sourceName: primary.sourceName,
                open: primary.status === 'open',
              }
            : null,
        },
      );
      // A closed job answers 410 Gone (search engines drop it) with a clear banner for people.
      return { status: model.closed ? 410 : 200, type: 'html', body, cacheControl: CACHE_PAGE };
    }),
  );
  return router;
}

/** The three output feeds of a list, carrying its query string. */
export function feedLinks(path: string, query: string) {
  return { rss: `${path}.rss${query}`, atom: `${path}.atom${query}`, json: `${path}.json${query}` };
}

/** <link rel="alternate"> entries for a list's feeds. */
export function feedAlternates(path: string, query: string, what: string) {
  const links = feedLinks(path, query);
  return [
    { type: 'application/rss+xml', title: `${what} (RSS)`, href: links.rss },
    { type: 'application/atom+xml', title: `${what} (Atom)`, href: links.atom },
    { type: 'application/feed+json', title: `${what} (JSON Feed)`, href: links.json },
  ];
}
