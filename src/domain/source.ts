import { z } from 'zod';
import type { EntryType } from './entry.ts';
import { type HtmlSelectors, htmlSelectorsSchema } from './html-selectors.ts';
import { compileRule } from './safe-pattern.ts';
import { isTimeZone } from './time-zone.ts';

export { isTimeZone };

export const sourceKinds = ['rss', 'html', 'jsonld'] as const;
export type SourceKind = (typeof sourceKinds)[number];

/** What a source's publisher allows us to do with its items (stored per source). */
export type SourceTerms = {
  /** The board must name the source and link back to the origin. */
  attribution: boolean;
  /** Items may be republished as structured data (JobPosting JSON-LD, Google Jobs). */
  syndication: boolean;
  note: string | null;
};

/** Per-source settings; data, not environment variables. */
export type SourceOptions = {
  userAgent: string | null;
  keep: string[];
  block: string[];
  /** How to read ambiguous numeric dates like 10/06/2024. */
  dateOrder: 'dmy' | 'mdy' | null;
  timeZone: string | null;
  /** The feed lists every open job, so a job missing from it has closed. */
  listsAllOpenJobs: boolean;
  /**
   * How its job titles name the company with a dash: "Role - Company" or "Company - Role".
   * Set by the operator (preview suggests it): a dash may as well name a team or a level.
   */
  titleFormat: TitleFormat | null;
};

/** The ways a source's job titles may name the company beside the role with a dash. */
export const titleFormats = ['role-company', 'company-role'] as const;
export type TitleFormat = (typeof titleFormats)[number];

/** A source as the operator describes it (what `sources add` and the starter list provide). */
export type SourceInput = {
  name: string;
  url: string;
  kind: SourceKind;
  type: EntryType;
  intervalMinutes: number;
  enabled: boolean;
  options: SourceOptions;
  terms: SourceTerms;
  /** How to read an `html` source's pages; null for feeds and JSON-LD pages. */
  selectors?: HtmlSelectors | null;
};

/** A source's settings alone, without what a stored one also carries (health, fetch state). */
export function sourceSettings(source: SourceInput): Required<SourceInput> {
  const { name, url, kind, type, intervalMinutes, enabled, options, terms, selectors } = source;
  return {
    name,
    url,
    kind,
    type,
    intervalMinutes,
    enabled,
    options: { ...options },
    terms: { ...terms },
    selectors: selectors ?? null,
  };
}

const keywords = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(500, 'a rule of at most 500 characters')
      // One line each: the console lists rules one per line, and would read two from one.
      .refine((rule) => !/[\r\n]/.test(rule), 'one line per rule')
      .superRefine((rule, ctx) => {
        // Bad or unsafe regular expressions are refused when the source is saved, not at run time.
        try {
          compileRule(rule);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }),
  )
  .max(100, 'at most 100 rules')
  .default([]);

/** Text on one line, its runs of whitespace one space, trimmed. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
// What an HTTP header value may hold: tab, printable ASCII and Latin-1.
const HEADER_TEXT = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Validates operator input into a SourceInput, with a message per field. */
export const sourceInputSchema = z
  .object({
    // One line: the console's field has one, and would save a pasted line break away unasked.
    name: z.string().transform(oneLine).pipe(z.string().min(1, 'a name is required').max(200)),
    // Length first: a very long URL is refused for its length, not called "not a URL".
    url: z
      .string()
      .max(2000, 'a URL of at most 2,000 characters')
      .pipe(z.url({ protocol: /^https?$/, error: 'an absolute http(s) URL' })),
    kind: z.enum(sourceKinds, { error: `one of ${sourceKinds.join(', ')}` }).default('rss'),
    type: z.enum(['jobs', 'articles'], { error: 'jobs or articles' }),
    intervalMinutes: z.coerce
      .number({ error: 'minutes, an integer from 5 to 10080' })
      .int('minutes, an integer from 5 to 10080')
      .min(5, 'minutes, an integer from 5 to 10080')
      .max(10080, 'minutes, an integer from 5 to 10080')
      .default(30),
    enabled: z.boolean().default(true),
    options: z
      .object({
        // Sent as an HTTP header: a control character would fail every run, so it is refused here.
        userAgent: z
          .string()
          .trim()
          .min(1)
          .max(300)
          .regex(
            HEADER_TEXT,
            'printable Latin-1 text (no control characters), as HTTP headers carry',
          )
          .nullable()
          .default(null),
        keep: keywords,
        block: keywords,
        dateOrder: z.enum(['dmy', 'mdy'], { error: 'dmy or mdy' }).nullable().default(null),
        timeZone: z
          .string()
          .trim()
          .refine(isTimeZone, 'an IANA time zone name, e.g. Europe/Berlin')
          .nullable()
          .default(null),
        listsAllOpenJobs: z.boolean().default(false),
        titleFormat: z
          .enum(titleFormats, { error: 'role-company or company-role' })
          .nullable()
          .default(null),
      })
      .default({
        userAgent: null,
        keep: [],
        block: [],
        dateOrder: null,
        timeZone: null,
        listsAllOpenJobs: false,
        titleFormat: null,
      }),
    terms: z
      .object({
        attribution: z.boolean().default(true),
        syndication: z.boolean().default(false),
        note: z.string().transform(oneLine).pipe(z.string().max(1000)).nullable().default(null),
      })
      .default({ attribution: true, syndication: false, note: null }),
    selectors: htmlSelectorsSchema.nullable().default(null),
  })
  .superRefine((source, ctx) => {
    // An html source is nothing without its selectors; the others would silently ignore them.
    if (source.kind === 'html' && !source.selectors)
      ctx.addIssue({
        code: 'custom',
        path: ['selectors'],
        message: 'an html source needs selectors (at least item, title and link)',
      });
    if (source.kind !== 'html' && source.selectors)
      ctx.addIssue({
        code: 'custom',
        path: ['selectors'],
        message: `selectors apply to html sources only, not ${source.kind}`,
      });
    // Settings that only jobs have would be kept and silently do nothing.
    if (source.type !== 'jobs' && source.options.listsAllOpenJobs)
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'listsAllOpenJobs'],
        message: 'a setting of job sources only: articles do not close',
      });
    if (source.type !== 'jobs' && source.options.titleFormat)
      ctx.addIssue({
        code: 'custom',
        path: ['options', 'titleFormat'],
        message: 'a setting of job sources only: article titles name no company',
      });
  });

/** Longest a failing source waits between runs. */
export const maxBackoffMinutes = 24 * 60;

/**
 * The interval a source actually runs at: its own, doubled for each consecutive failure
 * after the second, capped at a day (and never below its own interval).
 */
export function effectiveIntervalMinutes(
  intervalMinutes: number,
  consecutiveFailures: number,
): number {
  if (consecutiveFailures < 3) return intervalMinutes;
  const factor = 2 ** Math.min(consecutiveFailures - 2, 10);
  return Math.max(intervalMinutes, Math.min(intervalMinutes * factor, maxBackoffMinutes));
}

export type HealthStatus = 'healthy' | 'failing' | 'backing_off' | 'disabled' | 'never_run';

/** The badge an operator sees: never silently disabled, a failing source says so. */
export function healthStatus(source: {
  enabled: boolean;
  health: { consecutiveFailures: number; lastFetchedAt: Date | null };
}): HealthStatus {
  if (!source.enabled) return 'disabled';
  if (!source.health.lastFetchedAt) return 'never_run';
  if (source.health.consecutiveFailures >= 3) return 'backing_off';
  if (source.health.consecutiveFailures > 0) return 'failing';
  return 'healthy';
}
