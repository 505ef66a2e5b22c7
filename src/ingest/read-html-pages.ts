// The I/O around an html source's pure readers: follow "next page" links up to the operator's
// limit, and open detail pages for new items only (at most N per run), each through the one
// fetcher the caller passes in. A page that fails becomes a warning, not a failed run.
import type { HtmlSelectors } from '../domain/html-selectors.ts';
import { readDetailPage, readWithSelectors } from './parse/html-selectors.ts';
import { readJobPostings } from './parse/jsonld.ts';
import type { RawItem } from './parse/raw-feed.ts';

/** Fetches one page as decoded text, with its final URL (the product fetcher, or a file). */
export type FetchPage = (url: string) => Promise<{ text: string; url: string }>;

/** What a listing yields across its pages. */
export type HtmlListing = {
  items: RawItem[];
  pages: number;
  fieldCounts: Record<string, number>;
  warnings: string[];
};

/** Reads the first page and follows next-page links up to `maxPages`, never a page twice. */
export async function readListing(
  first: { text: string; url: string },
  selectors: HtmlSelectors,
  fetchPage: FetchPage,
): Promise<HtmlListing> {
  const seen = new Set<string>();
  const listing: HtmlListing = { items: [], pages: 0, fieldCounts: {}, warnings: [] };
  let page: { text: string; url: string } | null = first;
  while (page && listing.pages < selectors.maxPages && !seen.has(page.url)) {
    seen.add(page.url);
    listing.pages++;
    const reading = readWithSelectors(page.text, page.url, selectors);
    listing.items.push(...withStructuredData(reading.items, page.text, page.url));
    for (const [field, count] of Object.entries(reading.fieldCounts))
      listing.fieldCounts[field] = (listing.fieldCounts[field] ?? 0) + count;
    for (const warning of reading.warnings)
      listing.warnings.push(
        listing.pages > 1 ? `page ${listing.pages}: ${warning.message}` : warning.message,
      );
    const next = reading.nextPage;
    if (!next || listing.pages >= selectors.maxPages) break;
    page = await fetchPage(next).catch((error: Error) => {
      listing.warnings.push(`next page ${next} could not be read: ${error.message}`);
      return null;
    });
  }
  return listing;
}

/** Opens the detail pages of new items (at most `maxPerRun`) and fills what they add. */
export async function readDetails(
  items: RawItem[],
  detail: NonNullable<HtmlSelectors['detail']>,
  isNew: (item: RawItem) => boolean,
  fetchPage: FetchPage,
  dates: Pick<HtmlSelectors, 'dateFormat' | 'timeZone'> = { dateFormat: null, timeZone: null },
): Promise<{ items: RawItem[]; opened: number; warnings: string[] }> {
  const warnings: string[] = [];
  let opened = 0;
  const out: RawItem[] = [];
  for (const item of items) {
    if (!item.link || opened >= detail.maxPerRun || !isNew(item)) {
      out.push(item);
      continue;
    }
    opened++;
    const page = await fetchPage(item.link).catch((error: Error) => {
      warnings.push(`detail page ${item.link} could not be read: ${error.message}`);
      return null;
    });
    if (!page) {
      out.push(item);
      continue;
    }
    const filled = readDetailPage(page.text, page.url, detail.fields, item, dates);
    const [posting] = readJobPostings(page.text, page.url).items;
    out.push(posting ? preferStructured(filled, posting) : filled);
  }
  const left = items.filter((i) => i.link && isNew(i)).length - opened;
  if (left > 0) warnings.push(`${left} new item(s) wait for their detail pages until the next run`);
  return { items: out, opened, warnings };
}

// JSON-LD on a listing page describes its items more reliably than markup: where a posting and
// a selector item share a link, the posting's fields win and the selectors fill the gaps.
function withStructuredData(items: RawItem[], html: string, url: string): RawItem[] {
  const postings = readJobPostings(html, url).items;
  if (postings.length === 0) return items;
  const byLink = new Map(postings.filter((p) => p.link).map((p) => [p.link, p]));
  return items.map((item) => {
    const posting = item.link ? byLink.get(item.link) : undefined;
    return posting ? preferStructured(item, posting) : item;
  });
}

/** The posting's non-empty fields over the selector item's. */
export function preferStructured(item: RawItem, posting: RawItem): RawItem {
  const pick = <T>(a: T | null, b: T | null) => (a === null || a === '' ? b : a);
  return {
    ...item,
    title: pick(posting.title, item.title),
    link: item.link ?? posting.link,
    guid: pick(posting.guid, item.guid),
    published: pick(posting.published, item.published),
    updated: pick(posting.updated, item.updated),
    contentHtml: pick(posting.contentHtml, item.contentHtml),
    imageUrl: pick(posting.imageUrl, item.imageUrl),
    extra: {
      ...item.extra,
      ...Object.fromEntries(Object.entries(posting.extra).filter(([, v]) => v)),
    },
  };
}
