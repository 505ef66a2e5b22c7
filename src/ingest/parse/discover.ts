// "Which kind of source is this URL?" for an operator who pasted any page: its own feed, its
// JobPosting structured data, or its markup (which then needs selectors). Pure: the caller
// fetches; the answer says which and why.

import { resolveUrl } from '../../domain/canonical-url.ts';
import { readJobPostings } from './jsonld.ts';
import { loadHtml } from './load-html.ts';
import { sniffDocument, stripPreamble } from './sniff.ts';

export type Discovery =
  | { kind: 'rss'; feedUrl: string; reason: string }
  | { kind: 'jsonld'; count: number; reason: string }
  | { kind: 'html'; reason: string };

const FEED_TYPES = /^application\/(rss|atom|feed)\+(xml|json)\b/i;

/** What a fetched document is, as a source: feed, JSON-LD job page, or plain HTML. */
export function discoverSource(text: string, url: string): Discovery {
  const sniffed = sniffDocument(stripPreamble(text));
  if (sniffed.kind === 'xml' || sniffed.kind === 'json')
    return {
      kind: 'rss',
      feedUrl: url,
      reason: `the URL is itself a feed (${sniffed.kind === 'xml' ? sniffed.format : 'JSON Feed'})`,
    };
  const $ = loadHtml(text);
  const base = resolveUrl($('base[href]').first().attr('href') ?? '', url) ?? url;
  const feeds = $('link[rel~="alternate"][href]')
    .toArray()
    .filter((el) => FEED_TYPES.test($(el).attr('type') ?? ''))
    .map((el) => ({
      href: resolveUrl($(el).attr('href') ?? '', base),
      title: $(el).attr('title')?.trim() || null,
      type: ($(el).attr('type') ?? '').toLowerCase(),
    }))
    .filter(
      (feed): feed is { href: string; title: string | null; type: string } => feed.href !== null,
    );
  const postings = readJobPostings(text, url);
  const jobs = postings.items.length;
  const also = jobs
    ? `; it also carries ${jobs} JobPosting(s), which --kind jsonld would read`
    : '';
  const [feed] = feeds;
  if (feed) {
    const others = feeds.length > 1 ? ` (${feeds.length} feeds linked; the first is offered)` : '';
    const named = feed.title ? ` "${feed.title}"` : '';
    return {
      kind: 'rss',
      feedUrl: feed.href,
      reason: `the page links to its feed${named} (${feed.type}) at ${feed.href}${others}${also}`,
    };
  }
  if (jobs)
    return {
      kind: 'jsonld',
      count: jobs,
      reason: `the page carries ${jobs} schema.org JobPosting(s) in ${postings.source === 'json-ld' ? 'JSON-LD' : 'embedded page data'}: no selectors needed`,
    };
  return {
    kind: 'html',
    reason:
      'the page links to no feed and carries no JobPosting data: an html source with CSS selectors can read it',
  };
}
