// What a job seeker or reader can ask the board for. One schema serves the HTML pages, the
// output feeds and the JSON API, so a URL shared from any of them means the same thing.
import { z } from 'zod';
import { careerTopics } from '../../config/career-topics.ts';
import { countries } from '../../config/countries.ts';
import { currencyRates } from '../../config/currency-rates.ts';
import { stackTaxonomy } from '../../config/stack-taxonomy.ts';
import { type Cursor, decodeCursor, type ListOrder } from './cursor.ts';
import { employmentTypes, seniorities } from './job-intel.ts';

export const workplaces = ['remote', 'hybrid', 'onsite'] as const;
export const postedWindows = { '24h': 24, '7d': 7 * 24, '30d': 30 * 24 } as const;
export type PostedWindow = keyof typeof postedWindows;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
const MAX_TAGS = 5;

const countryCodes = new Set(countries.map((c) => c.code));
const tagSlugs = new Set(stackTaxonomy.map((t) => t.slug));
const topicSlugs = new Set([...careerTopics.map((t) => t.slug), ...tagSlugs]);

// Query strings arrive as a string, a repeated parameter (array) or comma-separated values.
const list = <T extends string>(values: readonly T[], what: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((raw) =>
      [raw]
        .flat()
        .flatMap((v) => v.split(','))
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(values as unknown as [T, ...T[]], {
          error: (issue) =>
            `unknown ${what} "${String(issue.input)}"${values.length <= 12 ? ` (use ${values.join(', ')})` : ''}`,
        }),
      ),
    )
    .transform((v) => [...new Set(v)]);

const single = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => (Array.isArray(raw) ? (raw.at(-1) ?? '') : raw).trim());

// Control characters (a NUL from "%00") are never part of a search: read as spaces.
const CONTROL = /\p{Cc}/gu;
const text = (max: number) =>
  single
    .transform((v) => v.replace(CONTROL, ' ').trim())
    .pipe(z.string().max(max, `must be at most ${max} characters`));

const flag = single.pipe(
  z
    .enum(['1', 'true', 'on', 'yes', '0', 'false', 'off', 'no', ''], {
      error: 'must be true or false',
    })
    .transform((v) => ['1', 'true', 'on', 'yes'].includes(v)),
);

const objectId = single.pipe(
  // Empty is "all sources" (the select's first option when a form is sent without JavaScript).
  z.string().regex(/^([0-9a-f]{24})?$/i, 'must be a source id (24 hexadecimal characters)'),
);

// Empty (a form or a client leaving it blank) is absent, as for every other parameter.
const cursor = single.pipe(
  z.string().transform((value, ctx): Cursor | undefined => {
    if (value === '') return undefined;
    const decoded = decodeCursor(value);
    if (!decoded) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor this board issued' });
      return z.NEVER;
    }
    return decoded;
  }),
);

// A form's empty field means "no value"; anything else must be digits within the range.
const whole = (min: number, max: number) =>
  single
    // Past 9 digits a number is still whole, just too large: say the bound, not the form.
    .pipe(z.string().regex(/^\d*$/, 'must be a whole number'))
    .transform((v) => {
      const digits = v.replace(/^0+(?=\d)/, '');
      return digits.length > 9 ? String(max + 1) : digits;
    })
    .transform((v) => (v === '' ? undefined : Number(v)))
    .pipe(
      z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).optional(),
    );

const pageFields = {
  // "published" is the default: dropped, so a URL names it one way only.
  sort: single
    .pipe(z.enum(['', 'published', 'added'], { error: 'must be published or added' }))
    .transform((v) => (v === 'published' ? '' : v))
    .optional(),
  after: cursor.optional(),
  before: cursor.optional(),
  limit: whole(1, MAX_PAGE_SIZE).optional(),
  /** Shown as "page N"; pagination itself is by cursor, so new items never shift a page. */
  page: whole(1, 100_000).optional(),
};

const jobShape = {
  q: text(200).optional(),
  workplace: list(workplaces, 'workplace').optional(),
  from: single
    .transform((v) => v.toUpperCase())
    .pipe(
      z
        .string()
        .refine(
          (v) => v === '' || countryCodes.has(v),
          'must be an ISO country code like DE or US',
        ),
    )
    .optional(),
  location: text(100).optional(),
  salaryMin: whole(0, 10_000_000).optional(),
  currency: single
    .transform((v) => v.toUpperCase())
    .pipe(
      z
        .string()
        .refine(
          (v) => v === '' || v in currencyRates.usdPer,
          'must be a currency code like USD or EUR',
        ),
    )
    .optional(),
  hasSalary: flag.optional(),
  seniority: list(seniorities, 'seniority').optional(),
  type: list(employmentTypes, 'employment type').optional(),
  tags: list([...tagSlugs], 'stack tag')
    .pipe(z.array(z.string()).max(MAX_TAGS, `at most ${MAX_TAGS} tags`))
    .optional(),
  posted: single
    .pipe(
      z.enum(['', ...Object.keys(postedWindows)] as [string, ...string[]], {
        error: 'must be 24h, 7d or 30d',
      }),
    )
    .optional(),
  source: objectId.optional(),
  ...pageFields,
};

const articleShape = {
  q: text(200).optional(),
  topic: single
    .transform((v) => v.toLowerCase())
    .pipe(z.string().refine((v) => v === '' || topicSlugs.has(v), 'is not a known topic'))
    .optional(),
  source: objectId.optional(),
  ...pageFields,
};

export const jobQuerySchema = z.object(jobShape);
export const articleQuerySchema = z.object(articleShape);

/** A validated job search: every field optional, empty strings already dropped. */
export type JobQuery = {
  q?: string;
  workplace?: Array<(typeof workplaces)[number]>;
  from?: string;
  location?: string;
  salaryMin?: number;
  currency?: string;
  hasSalary?: boolean;
  seniority?: Array<(typeof seniorities)[number]>;
  type?: Array<(typeof employmentTypes)[number]>;
  tags?: string[];
  posted?: PostedWindow;
  source?: string;
} & PageRequest;

export type ArticleQuery = { q?: string; topic?: string; source?: string } & PageRequest;

export type PageRequest = {
  /** Newest first by publication date (absent) or by when the board stored the entry. */
  sort?: Exclude<ListOrder, 'published'>;
  after?: Cursor;
  before?: Cursor;
  limit?: number;
  page?: number;
};

/** One problem with one parameter, as the API reports it. */
export type QueryProblem = { parameter: string; message: string };

export type Parsed<T> = { ok: true; query: T } | { ok: false; problems: QueryProblem[] };

type Mode = { strict: boolean };

/** Validates a job search; strict mode (the API) also refuses unknown parameters. */
export function parseJobQuery(raw: Record<string, unknown>, mode: Mode): Parsed<JobQuery> {
  return parseWith(jobQuerySchema, raw, mode) as Parsed<JobQuery>;
}

/** Validates an article search; strict mode (the API) also refuses unknown parameters. */
export function parseArticleQuery(raw: Record<string, unknown>, mode: Mode): Parsed<ArticleQuery> {
  return parseWith(articleQuerySchema, raw, mode) as Parsed<ArticleQuery>;
}

function parseWith(
  schema: z.ZodObject,
  raw: Record<string, unknown>,
  { strict }: Mode,
): Parsed<Record<string, unknown>> {
  const known = Object.keys(schema.shape);
  const problems: QueryProblem[] = strict
    ? Object.keys(raw)
        .filter((key) => !known.includes(key))
        .map((key) => ({ parameter: key, message: `unknown parameter (use ${known.join(', ')})` }))
    : [];
  const picked = Object.fromEntries(Object.entries(raw).filter(([key]) => known.includes(key)));
  const result = schema.safeParse(picked);
  if (!result.success)
    for (const issue of result.error.issues)
      problems.push({ parameter: String(issue.path[0] ?? ''), message: issue.message });
  if (problems.length > 0 || !result.success) return { ok: false, problems };
  const query = dropEmpty(result.data);
  if (query.after && query.before)
    return {
      ok: false,
      problems: [{ parameter: 'before', message: 'use after or before, not both' }],
    };
  const mixed = orderProblem(query);
  if (mixed) return { ok: false, problems: [mixed] };
  return { ok: true, query };
}

/** A cursor of one order asked for in the other: its position means nothing there. */
function orderProblem(query: PageRequest): QueryProblem | null {
  const order: ListOrder = query.sort ?? 'published';
  for (const parameter of ['after', 'before'] as const) {
    const cursor = query[parameter];
    if (cursor && cursor.order !== order)
      return {
        parameter,
        message:
          cursor.order === 'added'
            ? 'is a position in the list by date added (sort=added), not in this one'
            : 'is a position in the list by date posted, not in the sort=added one',
      };
  }
  return null;
}

// "?workplace=&q=" from a submitted form means "no filter".
function dropEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(
      ([, v]) =>
        v !== undefined && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0),
    ),
  );
}
