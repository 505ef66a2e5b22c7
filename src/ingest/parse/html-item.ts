// Field values read by an operator's selectors, shaped as the RawItem the feed parsers hand to
// normalize: company, location and salary go where job feeds put them (extra), tags are both
// categories and extra.tags, and an item's guid is its absolute link unless a selector says.
import { resolveUrl } from '../../domain/canonical-url.ts';
import type { FieldName } from '../../domain/html-selectors.ts';
import { parseWithFormat } from './html-date-format.ts';
import type { FieldValue } from './html-field-value.ts';
import type { RawItem } from './raw-feed.ts';

/** Values read per field (fields not configured, or found empty, are absent). */
export type FieldValues = Partial<Record<FieldName, FieldValue>>;

/** How dates are read and URLs resolved for one page. */
export type ItemContext = { base: string; dateFormat: string | null; timeZone: string | null };

const EXTRA_FIELDS = ['company', 'location', 'salary'] as const;

/** The RawItem the values describe; link and guid stay null when there is no usable URL. */
export function itemFromValues(values: FieldValues, context: ItemContext): RawItem {
  const first = (name: FieldName) => values[name]?.values[0] ?? null;
  const link = first('link');
  const guid = guidOf(first('guid'), context.base) ?? link;
  const tags = values.tags?.values ?? [];
  const extra: Record<string, string> = {};
  for (const name of EXTRA_FIELDS) {
    const value = first(name);
    if (value) extra[name] = value;
  }
  if (tags.length) extra.tags = tags.join(', ');
  return {
    title: first('title'),
    link,
    links: link ? [{ href: link, rel: 'alternate', type: 'text/html' }] : [],
    guid,
    guidIsPermaLink: guid !== null && resolveUrl(guid) === guid,
    published: dateOf(values.date, context),
    updated: null,
    author: first('author'),
    categories: tags,
    contentHtml: first('description'),
    summaryHtml: first('summary'),
    enclosures: [],
    imageUrl: first('thumbnail'),
    base: context.base,
    extra,
  };
}

/** The item with its detail page's description, and the detail page's values where it had none. */
export function fillGaps(item: RawItem, detail: RawItem): RawItem {
  const pick = <T>(own: T | null, found: T | null) => (own === null || own === '' ? found : own);
  return {
    ...item,
    title: pick(item.title, detail.title),
    guid: pick(item.guid, detail.guid),
    published: pick(item.published, detail.published),
    author: pick(item.author, detail.author),
    categories: item.categories.length ? item.categories : detail.categories,
    // The listing shows a teaser at most; the detail page is the whole text.
    contentHtml: detail.contentHtml ?? item.contentHtml,
    summaryHtml: pick(item.summaryHtml, detail.summaryHtml),
    imageUrl: pick(item.imageUrl, detail.imageUrl),
    extra: { ...detail.extra, ...nonEmpty(item.extra) },
  };
}

function nonEmpty(extra: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(extra).filter(([, value]) => value.trim()));
}

// A guid that reads as a URL or a site path ("/jobs/123") is one; "job-123" is an id.
function guidOf(raw: string | null, base: string): string | null {
  if (!raw) return null;
  if (!/^(https?:\/\/|\/|\.\.?\/|\?)/i.test(raw)) return raw;
  return resolveUrl(raw, base) ?? raw;
}

/** A date by the operator's format; a datetime attribute, or text the format misses, goes to normalize as found. */
function dateOf(value: FieldValue | undefined, context: ItemContext): string | null {
  const raw = value?.values[0];
  if (!raw) return null;
  if (value.verbatim || !context.dateFormat) return raw;
  // "Yesterday" beside "24/11/2026": normalize still reads the words.
  return parseWithFormat(raw, context.dateFormat, context.timeZone) ?? raw;
}
