// The parse stage for every kind of source: a feed, a page of JobPosting data, or a listing
// page read with the operator's selectors (following next pages and detail pages through the
// caller's fetcher). Each yields the same RawFeed, so normalize and enrich do not care.

import type { HtmlSelectors } from '../domain/html-selectors.ts';
import type { SourceKind } from '../domain/source.ts';
import { ParseError } from '../lib/errors.ts';
import { parseFeed } from './parse/feed.ts';
import { readJobPostings } from './parse/jsonld.ts';
import type { RawFeed, RawItem } from './parse/raw-feed.ts';
import { htmlTitle } from './parse/sniff.ts';
import { type FetchPage, readDetails, readListing } from './read-html-pages.ts';

/** How to read a source's body, and the I/O an html source may need beyond its first page. */
export type BodySettings = {
  kind?: SourceKind;
  selectors?: HtmlSelectors | null;
  /** Fetches next and detail pages; without it only the given page is read. */
  fetchPage?: FetchPage;
  /** Whether an item is new to the store (only new items get their detail page opened). */
  isNew?: (item: RawItem) => boolean;
};

/** A parsed body plus what the operator should hear about it. */
export type ParsedBody = RawFeed & {
  warnings: string[];
  fieldCounts: Record<string, number> | null;
};

/** Parses a decoded body by the source's kind; throws a ParseError when nothing is readable. */
export async function parseSourceBody(
  text: string,
  url: string,
  settings: BodySettings,
): Promise<ParsedBody> {
  const kind = settings.kind ?? 'rss';
  if (kind === 'rss') return { ...(await parseFeed(text, url)), warnings: [], fieldCounts: null };
  if (kind === 'jsonld') {
    const reading = readJobPostings(text, url);
    if (reading.items.length === 0)
      throw new ParseError(
        `no schema.org JobPosting data on the page${reading.warnings.length ? ` (${reading.warnings.join('; ')})` : ''}`,
      );
    return page('jsonld', url, htmlTitle(text), reading.items, reading.warnings, null);
  }
  const selectors = settings.selectors;
  if (!selectors) throw new ParseError('an html source needs selectors');
  const noFetch: FetchPage = async (next) => {
    throw new Error(`not fetched in this mode (${next})`);
  };
  const fetchPage = settings.fetchPage ?? noFetch;
  const listing = await readListing({ text, url }, selectors, fetchPage);
  let items = listing.items;
  const warnings = [...listing.warnings];
  if (selectors.detail && settings.fetchPage) {
    const details = await readDetails(
      items,
      selectors.detail,
      settings.isNew ?? (() => true),
      fetchPage,
    );
    items = details.items;
    warnings.push(...details.warnings);
  }
  if (listing.pages > 1) warnings.push(`read ${listing.pages} pages`);
  return page('html', url, htmlTitle(text), items, warnings, listing.fieldCounts);
}

/** A web page's reading; its <title> names a source added without a name (see nameFromFeed). */
function page(
  format: 'html' | 'jsonld',
  url: string,
  title: string | null,
  items: RawItem[],
  warnings: string[],
  fieldCounts: Record<string, number> | null,
): ParsedBody {
  return { format, title, link: url, base: url, items, repairs: [], warnings, fieldCounts };
}
