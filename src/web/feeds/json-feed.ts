import type { FeedDocument, FeedItem } from './feed-document.ts';

/** The version URL that marks a JSON Feed 1.1 document. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function itemJson(item: FeedItem): Record<string, unknown> {
  return {
    id: item.id,
    url: item.url,
    ...(item.externalUrl === null ? {} : { external_url: item.externalUrl }),
    title: item.title,
    summary: item.summary,
    // The spec requires content_html or content_text; the summary stands in when there is no HTML.
    ...(item.html === null ? { content_text: item.summary } : { content_html: item.html }),
    date_published: item.published.toISOString(),
    ...(item.updated === null ? {} : { date_modified: item.updated.toISOString() }),
    // 1.1 replaced the singular `author` with `authors`.
    ...(item.author === null ? {} : { authors: [{ name: item.author }] }),
    ...(item.tags.length === 0 ? {} : { tags: item.tags }),
  };
}

/** The document as JSON Feed 1.1 text. */
export function renderJsonFeed(doc: FeedDocument): string {
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: doc.homeUrl,
    feed_url: doc.feedUrl,
    description: doc.description,
    language: doc.language,
    items: doc.items.map(itemJson),
  });
}
