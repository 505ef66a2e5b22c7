// RawFeed → entries the store can upsert. An entry needs a link (it is the dedup key and the
// one click to the origin) and a title (it is what the board lists): an item without either is
// dropped and reported. Articles with no title borrow the first words of their text, since a
// post is still worth reading; a job without a title says nothing about the job and is dropped.
import { decodeHTML } from 'entities';
import { canonicalUrl, resolveUrl, visitUrl } from '../../domain/canonical-url.ts';
import type { EntryType, NormalizedEntry } from '../../domain/entry.ts';
import { textTerms } from '../../domain/entry-terms.ts';
import type { TitleFormat } from '../../domain/source.ts';
import type { RawFeed, RawItem } from '../parse/raw-feed.ts';
import { sanitizeHtml } from '../sanitize/sanitize-html.ts';
import { type DateHint, type FeedDate, parseFeedDate } from './dates.ts';
import { extractJobFields } from './job-fields.ts';
import { cleanTitle, htmlToText, summarize } from './text.ts';

/** What normalizing a feed needs besides the feed. */
export type NormalizeContext = {
  type: EntryType;
  feedUrl: string;
  now: Date;
  dateHint?: DateHint;
  /** How the source's job titles name the company with a dash (its operator's setting). */
  titleFormat?: TitleFormat | null;
};

/** An item left out, and why. */
export type DroppedItem = { reason: string; title: string | null; link: string | null };

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;
const DERIVED_TITLE_LENGTH = 80;
// Link relations that never point at the item's own page.
const NOT_THE_PAGE = new Set(['enclosure', 'self', 'edit', 'replies', 'license']);

/** Normalizes every item of a parsed feed; items without a usable link or title, and repeats of a link, are dropped. */
export function normalizeFeed(
  feed: RawFeed,
  context: NormalizeContext,
): { entries: NormalizedEntry[]; dropped: DroppedItem[] } {
  const entries: NormalizedEntry[] = [];
  const dropped: DroppedItem[] = [];
  const seen = new Set<string>();
  for (const item of feed.items) {
    const result = normalizeItem(item, feed, context);
    if ('reason' in result) dropped.push(result);
    else if (seen.has(result.canonicalUrl)) {
      dropped.push({ reason: 'duplicate in feed', title: result.title, link: result.url });
    } else {
      seen.add(result.canonicalUrl);
      entries.push(result);
    }
  }
  return { entries, dropped };
}

function normalizeItem(
  item: RawItem,
  feed: RawFeed,
  context: NormalizeContext,
): NormalizedEntry | DroppedItem {
  const base = [item.base, feed.base, context.feedUrl].find((b) => b && resolveUrl(b)) ?? undefined;
  const link = pickLink(item);
  const url = link ? visitUrl(link, base) : null;
  const canonical = link ? canonicalUrl(link, base) : null;
  const rawTitle = item.title ? cleanTitle(item.title) : '';
  if (!url || !canonical) {
    return { reason: 'no usable link', title: rawTitle || null, link: link?.trim() || null };
  }
  const { html, plain, plainIsHtml } = bodyOf(item, base ?? url);
  const title =
    rawTitle || (context.type === 'articles' ? summarize(plain, DERIVED_TITLE_LENGTH) : '');
  if (!title) return { reason: 'no usable title', title: null, link: url };
  const job =
    context.type === 'jobs'
      ? extractJobFields({ ...item, base: base ?? null }, title, context)
      : null;
  const tags = cleanTags(item.categories);
  const published = publishedDate(item, context);
  const entry: NormalizedEntry = {
    type: context.type,
    canonicalUrl: canonical,
    url,
    guid: item.guid?.trim() || null,
    title: job?.title ?? title,
    summary: summarize(plain),
    html,
    author: cleanAuthor(item.author),
    tags,
    publishedAt: published.date,
    updatedAt: item.updated ? parseFeedDate(item.updated, dateOptions(context)).date : null,
    dateFlag: published.flag,
    imageUrl: pickImage(item, html, base),
    enclosure: pickEnclosure(item, base),
    terms: textTerms({ title: job?.title ?? title, tags, job: job?.fields ?? null }),
    job: job?.fields ?? null,
  };
  if (plainIsHtml) bodyTexts.set(entry, { html, text: plain });
  return entry;
}

// The plain text normalize read from an entry's HTML (when its summary comes from that HTML),
// kept for enrichment, which reads the same text: parsing a listing's HTML again cost an eighth
// of enrichment. Kept beside the entry, not in it, so stored documents and their hashes stay as
// they are; checked against the entry's HTML, so a changed entry is read afresh.
const bodyTexts = new WeakMap<NormalizedEntry, { html: string; text: string }>();

/** The plain text of an entry's sanitized HTML. */
export function bodyText(entry: NormalizedEntry): string {
  const known = bodyTexts.get(entry);
  return known && known.html === entry.html ? known.text : htmlToText(entry.html);
}

/** The item's page: its link, else a permalink guid, else its first link that is not an attachment or a feed. */
function pickLink(item: RawItem): string | null {
  if (item.link?.trim()) return item.link;
  // A permalink guid may be site-relative ("/blog/post", as Hugging Face's feed has it);
  // other non-URL guids ("12345", "tag:...") are ids, not links.
  if (item.guid && item.guidIsPermaLink && /^(https?:\/\/|\/[^/])/i.test(item.guid.trim()))
    return item.guid;
  return item.links.find((l) => l.href.trim() && !NOT_THE_PAGE.has(l.rel ?? ''))?.href ?? null;
}

/** Sanitized content HTML, and the plain text of the description (else of the content). */
function bodyOf(
  item: RawItem,
  base: string,
): { html: string; plain: string; plainIsHtml: boolean } {
  const contentSource = firstFilled(item.contentHtml, item.summaryHtml);
  const summarySource = firstFilled(item.summaryHtml, item.contentHtml);
  const html = sanitizeHtml(contentSource ?? '', base);
  // The summary reads sanitized markup too, so no tracking link or hidden text reaches it.
  const summaryHtml =
    summarySource === contentSource ? html : sanitizeHtml(summarySource ?? '', base);
  return { html, plain: htmlToText(summaryHtml), plainIsHtml: summaryHtml === html };
}

function firstFilled(...values: Array<string | null>): string | null {
  return values.find((value) => value?.trim()) ?? null;
}

/** The published date, falling back to the updated date when published is absent or unreadable. */
function publishedDate(item: RawItem, context: NormalizeContext): FeedDate {
  const options = dateOptions(context);
  const published = parseFeedDate(item.published, options);
  if (published.date || !item.updated) return published;
  const updated = parseFeedDate(item.updated, options);
  return updated.date || published.flag === 'missing' ? updated : published;
}

function dateOptions(context: NormalizeContext) {
  return context.dateHint ? { now: context.now, hint: context.dateHint } : { now: context.now };
}

function cleanTags(categories: string[]): string[] {
  const tags = new Map<string, string>();
  for (const raw of categories) {
    const tag = cleanTitle(raw);
    if (tag && tag.length <= MAX_TAG_LENGTH && !tags.has(tag.toLowerCase())) {
      tags.set(tag.toLowerCase(), tag);
    }
    if (tags.size === MAX_TAGS) break;
  }
  return [...tags.values()];
}

/** RSS authors are often "jane@example.com (Jane Doe)": the name is what readers want. */
function cleanAuthor(raw: string | null): string | null {
  const author = cleanTitle(raw ?? '');
  const named = /^\S+@\S+\s+\((.+)\)$/.exec(author);
  return (named?.[1] ?? author).trim() || null;
}

function pickImage(item: RawItem, html: string, base: string | undefined): string | null {
  const own = item.imageUrl ? resolveUrl(item.imageUrl, base) : null;
  if (own) return own;
  const enclosure = item.enclosures.find(
    (e) => e.type?.startsWith('image/') || (!e.type && /\.(avif|gif|jpe?g|png|webp)$/i.test(e.url)),
  );
  const fromEnclosure = enclosure ? resolveUrl(enclosure.url, base) : null;
  if (fromEnclosure) return fromEnclosure;
  // The sanitized HTML holds only absolute, non-tracking images.
  const inline = /<img\b[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  return inline ? decodeHTML(inline) : null;
}

function pickEnclosure(item: RawItem, base: string | undefined): NormalizedEntry['enclosure'] {
  for (const enclosure of item.enclosures) {
    const url = resolveUrl(enclosure.url, base);
    if (url) return { url, type: enclosure.type, length: enclosure.length };
  }
  return null;
}
