// The OpenAPI 3.1 description of /api/v1. Parameters are listed once here; a test checks them
// against the query schemas (src/domain/board-query.ts) so the document cannot drift.

import { MAX_PAGE_SIZE, postedWindows, workplaces } from '../../domain/board-query.ts';
import { employmentTypes, seniorities } from '../../domain/job-intel.ts';
import { ADDED_SETTLE_MS } from '../../store/board-filters.ts';

type Param = { name: string; description: string; schema: Record<string, unknown> };

const csv = (values: readonly string[]) => ({
  type: 'string',
  description: `Comma-separated, or the parameter repeated. One of: ${values.join(', ')}.`,
});
const str = { type: 'string' };
/** Where else an entry is listed: its copies on other sources. */
const origin = {
  type: 'object',
  required: ['sourceId', 'sourceName', 'url'],
  properties: { sourceId: str, sourceName: str, url: str },
};

const paging: Param[] = [
  {
    name: 'sort',
    description: `Newest first by publication date (\`published\`, the default) or by when the board first stored each item (\`added\`). To collect new items, poll \`links.prev\` of a \`sort=added\` list: an item dated in the past but stored after you last looked comes first there, while by publication date it sorts below what you have seen. The added order lists an item once it has been stored for ${ADDED_SETTLE_MS / 60_000} minutes (up to a minute more, and answers may be cached for 60 s), so that no item still being written can land below a position you hold. An item keeps the place it was first stored at: one the board starts showing later (its source's rules changed, a closed listing was listed again, a copy took the place of the listing shown) is not returned by a poll. A cursor belongs to its order.`,
    schema: { type: 'string', enum: ['published', 'added'] },
  },
  {
    name: 'limit',
    description: `Items per page (1–${MAX_PAGE_SIZE}, default 20).`,
    schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
  },
  {
    name: 'after',
    description:
      'Cursor: the page older than this position (`cursors.older` of the previous answer).',
    schema: str,
  },
  {
    name: 'before',
    description:
      'Cursor: the page newer than this position (`cursors.newer`). Not with `after`; a cursor of one `sort` is refused in the other (400).',
    schema: str,
  },
  {
    name: 'page',
    description: 'Page number for display only; paging is by cursor.',
    schema: { type: 'integer', minimum: 1 },
  },
];

/** Query parameters of /api/v1/jobs. */
export const jobParameters: Param[] = [
  {
    name: 'q',
    description: 'Keywords; every word must match the title, company or tags.',
    schema: { type: 'string', maxLength: 200 },
  },
  { name: 'workplace', description: 'Workplace.', schema: csv(workplaces) },
  {
    name: 'from',
    description:
      'ISO 3166-1 alpha-2 country an applicant is in; matches jobs open to it or worldwide, and jobs located in it that state no eligibility.',
    schema: { type: 'string', pattern: '^[A-Za-z]{2}$' },
  },
  {
    name: 'location',
    description: 'City or country named in the job location.',
    schema: { type: 'string', maxLength: 100 },
  },
  {
    name: 'salaryMin',
    description: 'Minimum annual salary in `currency`; the top of a job range must reach it.',
    schema: { type: 'integer', minimum: 0 },
  },
  { name: 'currency', description: 'ISO 4217 code of salaryMin (default USD).', schema: str },
  { name: 'hasSalary', description: 'Only jobs stating a salary.', schema: { type: 'boolean' } },
  { name: 'seniority', description: 'Seniority.', schema: csv(seniorities) },
  { name: 'type', description: 'Employment type.', schema: csv(employmentTypes) },
  {
    name: 'tags',
    description: 'Stack tags (at most 5); a job must have all of them.',
    schema: str,
  },
  {
    name: 'posted',
    description: 'Posted within.',
    schema: { type: 'string', enum: Object.keys(postedWindows) },
  },
  {
    name: 'source',
    description: 'Source id (see /api/v1/sources).',
    schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
  },
  ...paging,
];

/** Query parameters of /api/v1/articles. */
export const articleParameters: Param[] = [
  {
    name: 'q',
    description: 'Keywords; every word must match.',
    schema: { type: 'string', maxLength: 200 },
  },
  { name: 'topic', description: 'Career topic or stack tag slug.', schema: str },
  {
    name: 'source',
    description: 'Source id.',
    schema: { type: 'string', pattern: '^[0-9a-f]{24}$' },
  },
  ...paging,
];

const errorResponse = {
  description: 'Invalid parameters',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};
const listOf = (ref: string) => ({
  type: 'object',
  required: ['data', 'total', 'cursors', 'links'],
  properties: {
    data: { type: 'array', items: { $ref: ref } },
    total: {
      type: 'integer',
      description: 'Matches of the whole search; with `sort=added`, of those it lists yet.',
    },
    cursors: {
      type: 'object',
      properties: {
        older: { type: ['string', 'null'], description: 'For `after`: the next older page.' },
        newer: {
          type: ['string', 'null'],
          description:
            'For `before`: items newer than this page. Given on the first page too, and echoed by an empty page, so a client can poll it for new items.',
        },
      },
    },
    links: {
      type: 'object',
      properties: {
        next: { type: ['string', 'null'], description: 'The next older page; null on the last.' },
        prev: {
          type: ['string', 'null'],
          description:
            'Items newer than this page in its order (see cursors.newer); null only when the list is empty. By publication date, an item stored later but dated earlier sorts below what you have seen, so polling prev misses it; with `sort=added` it comes first (see `sort`).',
        },
      },
    },
  },
});
const ok = (schema: Record<string, unknown>) => ({
  description: 'OK',
  content: { 'application/json': { schema } },
});
const query = (params: Param[]) => params.map((p) => ({ in: 'query', ...p }));

/** The document, with the server URL of the request. */
export function openApiDocument(serverUrl: string): string {
  return JSON.stringify({
    openapi: '3.1.0',
    info: {
      title: 'backboard API',
      version: '1.0.0',
      description:
        'Backend jobs and career articles, newest first. Lists page by cursor: follow `links.next`.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/jobs': {
        get: {
          summary: 'Open backend jobs',
          parameters: query(jobParameters),
          responses: { 200: ok(listOf('#/components/schemas/Job')), 400: errorResponse },
        },
      },
      '/api/v1/jobs/{id}': {
        get: {
          summary: 'One job, with its sanitized description',
          parameters: [{ in: 'path', name: 'id', required: true, schema: str }],
          responses: {
            200: ok({ type: 'object', properties: { data: { $ref: '#/components/schemas/Job' } } }),
            // The API refuses any query parameter it does not know, here all of them.
            400: errorResponse,
            404: {
              description: 'No such job',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      '/api/v1/articles': {
        get: {
          summary: 'Career articles',
          parameters: query(articleParameters),
          responses: { 200: ok(listOf('#/components/schemas/Article')), 400: errorResponse },
        },
      },
      '/api/v1/sources': {
        get: {
          summary: 'Every source with its health',
          description: 'Takes no parameters.',
          responses: {
            400: errorResponse,
            200: ok({
              type: 'object',
              properties: {
                data: { type: 'array', items: { $ref: '#/components/schemas/Source' } },
                total: { type: 'integer' },
              },
            }),
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'string' },
            details: {
              type: 'array',
              items: { type: 'object', properties: { parameter: str, message: str } },
            },
          },
        },
        Job: {
          type: 'object',
          required: ['id', 'url', 'title', 'publishedAt', 'addedAt', 'applyUrl', 'source'],
          properties: {
            id: str,
            url: str,
            title: str,
            company: { type: ['string', 'null'] },
            summary: str,
            workplace: { type: 'string', enum: [...workplaces, 'unknown'] },
            eligibility: { type: ['object', 'null'] },
            location: { type: ['object', 'null'] },
            salary: {
              type: ['object', 'null'],
              description:
                'As stated (min, max, currency, period) and annualized (annualMin/Max, annualUsdMin/Max).',
            },
            seniority: { type: ['string', 'null'] },
            employmentType: { type: ['string', 'null'] },
            tags: { type: 'array', items: str },
            publishedAt: { type: 'string', format: 'date-time' },
            addedAt: {
              type: 'string',
              format: 'date-time',
              description: 'When the board first stored it: the key of `sort=added`.',
            },
            updatedAt: { type: ['string', 'null'] },
            status: { type: 'string', enum: ['open', 'closed'] },
            closedReason: {
              type: ['string', 'null'],
              enum: ['expired', 'too_old', 'no_longer_listed', 'source_paused', null],
              description:
                'Why a closed job is closed; source_paused: the board stopped following its source, so it may still be open at its origin.',
            },
            applyUrl: str,
            originUrl: str,
            source: { type: 'object' },
            alsoListedOn: {
              type: 'array',
              items: origin,
              description:
                'The same job on other sources, under their own address or the same one (its copies are not listed).',
            },
            html: {
              type: 'string',
              description: 'The sanitized description as HTML; only from /api/v1/jobs/{id}.',
            },
          },
        },
        Article: {
          type: 'object',
          required: ['id', 'url', 'title', 'publishedAt', 'addedAt', 'source'],
          properties: {
            id: str,
            url: str,
            title: str,
            summary: str,
            author: { type: ['string', 'null'] },
            readingMinutes: { type: ['integer', 'null'] },
            topics: { type: 'array', items: str },
            publishedAt: { type: 'string', format: 'date-time' },
            addedAt: {
              type: 'string',
              format: 'date-time',
              description: 'When the board first stored it: the key of `sort=added`.',
            },
            updatedAt: { type: ['string', 'null'] },
            source: { type: 'object' },
            alsoListedOn: {
              type: 'array',
              items: origin,
              description:
                'The same article on other sources, under their own address or the same one (its copies are not listed).',
            },
          },
        },
        Source: {
          type: 'object',
          properties: {
            id: str,
            name: str,
            url: {
              type: 'string',
              description: 'Without user, password or secret-looking query parameters.',
            },
            type: str,
            kind: str,
            health: {
              type: 'string',
              enum: ['healthy', 'failing', 'backing_off', 'disabled', 'never_run'],
            },
            lastError: {
              type: ['string', 'null'],
              description:
                'What kind of failure, for a failing source ("its server answered HTTP 503").',
            },
            lastSuccessAt: { type: ['string', 'null'] },
            items: { type: 'integer' },
            terms: { type: 'object' },
          },
        },
      },
    },
  });
}
