// An operator turns any listing page into a source by naming CSS selectors. Everything that can
// be wrong with them (bad CSS, a date format we cannot read, an unknown zone) is refused when the
// source is saved, with the field and the reason, so a run never starts on a broken recipe.
// A field is a CSS selector with an optional attribute ("a@href", "time@datetime", "img@src"),
// "@attribute" of the item element itself, or a fixed value ("=Acme Inc").
import { load } from 'cheerio';
import { z } from 'zod';
import { isTimeZone } from './time-zone.ts';

/** The fields an operator can point a selector at, in the order they are read and reported. */
export const selectorFieldNames = [
  'title',
  'link',
  'guid',
  'date',
  'summary',
  'author',
  'company',
  'location',
  'salary',
  'tags',
  'thumbnail',
  'description',
] as const;
/** One of selectorFieldNames. */
export type FieldName = (typeof selectorFieldNames)[number];

/** One field as the reader uses it: where to look, which attribute, or a fixed value. */
export type FieldSelector = {
  selector: string | null;
  attribute: string | null;
  value: string | null;
};

/** Selectors for one listing page, as the operator wrote them (validated by htmlSelectorsSchema). */
export type HtmlSelectors = {
  item: string;
  fields: Partial<Record<FieldName, string>>;
  dateFormat: string | null;
  timeZone: string | null;
  nextPage: string | null;
  maxPages: number;
  detail: { fields: Partial<Record<FieldName, string>>; maxPerRun: number } | null;
};

/** A token of an operator's date format, or literal text to match as written. */
export type DateFormatPart = { token: DateToken } | { literal: string };
/** A date format token: yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h a mm ss. */
export type DateToken = (typeof dateTokens)[number];

// Beyond the numeric tokens, weekday names and 12-hour clocks are common on US listing pages.
const dateTokens = [
  'yyyy',
  'yy',
  'MMMM',
  'MMM',
  'MM',
  'M',
  'dd',
  'd',
  'EEEE',
  'EEE',
  'HH',
  'H',
  'hh',
  'h',
  'a',
  'mm',
  'ss',
] as const;
const FIELD_HINT = 'a CSS selector, "selector@attribute", "@attribute" or "=fixed value"';

/** "a@href" → selector a, attribute href; "@href" → the item's own attribute; "=text" → a fixed value. */
export function parseFieldSelector(raw: string): FieldSelector {
  const text = raw.trim();
  if (text.startsWith('=')) return { selector: null, attribute: null, value: text.slice(1).trim() };
  // The last "@" followed by an attribute name only: "a[href^='mailto:x@y']" keeps its "@".
  const split = /^(.*)@([A-Za-z_:][\w:.-]*)$/s.exec(text);
  if (split) {
    const selector = split[1]?.trim() || null;
    return { selector, attribute: split[2]?.toLowerCase() ?? null, value: null };
  }
  return { selector: text || null, attribute: null, value: null };
}

/** Why cheerio cannot use this CSS selector, or null when it can. */
export function selectorError(selector: string): string | null {
  // Cheerio reads a string starting with "<" as markup to create, not as a selector.
  if (selector.trim().startsWith('<')) return 'it looks like HTML, not a CSS selector';
  try {
    load('<p></p>').root().find(selector);
    return null;
  } catch (error) {
    return (error as Error).message.replace(/found\s*$/, 'found the end').trim();
  }
}

/** An operator's date format split into tokens and literal text ('quoted' text is literal), or why it is not one. */
export function splitDateFormat(format: string): { parts: DateFormatPart[] } | { error: string } {
  const parts: DateFormatPart[] = [];
  const literal = (text: string) => {
    const last = parts.at(-1);
    if (last && 'literal' in last) last.literal += text;
    else parts.push({ literal: text });
  };
  for (let i = 0; i < format.length; ) {
    const char = format[i] as string;
    if (char === "'") {
      const end = format.indexOf("'", i + 1);
      if (end < 0) return { error: `unclosed quote in date format "${format}"` };
      literal(end === i + 1 ? "'" : format.slice(i + 1, end));
      i = end + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = i;
      while (format[end] === char) end++;
      const run = format.slice(i, end);
      const token = dateTokens.find((t) => t === run);
      if (!token) {
        const known = dateTokens.join(' ');
        return { error: `unknown date format token "${run}" (use ${known}; quote other text)` };
      }
      parts.push({ token });
      i = end;
    } else {
      literal(char);
      i++;
    }
  }
  const error = formatGap(parts.flatMap((p) => ('token' in p ? [p.token] : [])));
  return error ? { error } : { parts };
}

function formatGap(tokens: DateToken[]): string | null {
  const kinds = tokens.map((t) => t[0] as string);
  const twice = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
  if (twice) return `the date format names "${twice}" twice`;
  if (!kinds.includes('y') || !kinds.includes('M') || !kinds.includes('d'))
    return 'a date format needs a year (yyyy or yy), a month (M, MM, MMM, MMMM) and a day (d, dd); leave it empty for dates like "3 days ago"';
  if (kinds.includes('h') !== kinds.includes('a'))
    return 'a 12-hour clock needs both h (or hh) and a (AM/PM)';
  if (kinds.includes('h') && kinds.includes('H')) return 'use H (24-hour) or h (12-hour), not both';
  return null;
}

// "" from a form means "not set".
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((text) => text || null);

function fieldProblem(raw: string): string | null {
  const field = parseFieldSelector(raw);
  if (field.value !== null) return field.value ? null : 'a fixed value after "=" is empty';
  if (field.selector === null) return null; // "@attribute" of the item itself
  const error = selectorError(field.selector);
  return error ? `invalid CSS selector "${field.selector}": ${error}` : null;
}

const field = z
  .string({ error: FIELD_HINT })
  .trim()
  .min(1, { error: FIELD_HINT, abort: true })
  .max(500)
  .superRefine((raw, ctx) => {
    const problem = fieldProblem(raw);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const fields = z.strictObject(
  {
    title: field.optional(),
    link: field.optional(),
    guid: field.optional(),
    date: field.optional(),
    summary: field.optional(),
    author: field.optional(),
    company: field.optional(),
    location: field.optional(),
    salary: field.optional(),
    tags: field.optional(),
    thumbnail: field.optional(),
    description: field.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (fields are ${selectorFieldNames.join(', ')})`
        : undefined,
  },
);

// The item and the next-page link are looked up in the whole page, so only a selector will do;
// the item is an element, the next-page link may name the attribute holding its URL.
const pageSelector = (what: string, attribute: 'allowed' | 'refused') =>
  z
    .string({ error: `a CSS selector for ${what}` })
    .trim()
    .min(1, { error: `a CSS selector for ${what}`, abort: true })
    .max(500)
    .superRefine((raw, ctx) => {
      const parsed = parseFieldSelector(raw);
      const selector = attribute === 'allowed' ? parsed.selector : raw;
      if (parsed.value !== null || !selector || (attribute === 'refused' && parsed.attribute)) {
        const extra = attribute === 'allowed' ? ' (an attribute may follow: "a.next@href")' : '';
        const message = `a CSS selector for ${what}${extra}, not a fixed value or an attribute`;
        ctx.addIssue({ code: 'custom', message });
        return;
      }
      const error = selectorError(selector);
      if (error)
        ctx.addIssue({ code: 'custom', message: `invalid CSS selector "${selector}": ${error}` });
    });

const between = (min: number, max: number, what: string) => {
  const message = `${what}, an integer from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};

/** Validates an operator's selectors, with defaults and a message per field. */
export const htmlSelectorsSchema: z.ZodType<HtmlSelectors> = z
  .object({
    item: pageSelector('the repeating item', 'refused'),
    fields,
    dateFormat: optionalText(100).superRefine((format, ctx) => {
      const split = format === null ? null : splitDateFormat(format);
      if (split && 'error' in split) ctx.addIssue({ code: 'custom', message: split.error });
    }),
    timeZone: optionalText(100).refine(
      (zone) => zone === null || isTimeZone(zone),
      'an IANA time zone name, e.g. Europe/Berlin',
    ),
    nextPage: pageSelector('the next-page link', 'allowed').nullable().default(null),
    maxPages: between(1, 20, 'pages').default(1),
    detail: z
      .object({ fields, maxPerRun: between(1, 100, 'detail pages per run').default(20) })
      .nullable()
      .default(null),
  })
  .superRefine((selectors, ctx) => {
    for (const name of ['title', 'link'] as const)
      if (!selectors.fields[name])
        ctx.addIssue({
          code: 'custom',
          path: ['fields', name],
          message: `a ${name} selector is required`,
        });
    const detail = selectors.detail?.fields;
    if (detail && Object.keys(detail).length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['detail', 'fields'],
        message: 'name at least one field to read from detail pages',
      });
    if (detail?.link)
      ctx.addIssue({
        code: 'custom',
        path: ['detail', 'fields', 'link'],
        message: 'a detail page is the item’s link: it cannot give another one',
      });
  });

/** A validation failure as lines for the operator: "fields.title: invalid CSS selector …". */
export function describeSelectorIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
  );
}
