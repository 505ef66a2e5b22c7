import { escapeHtml } from '../../domain/html-escape.ts';
import { ParseError } from '../../lib/errors.ts';
import { isAbsoluteHttpUrl } from './atom-links.ts';
import type { RawFeed, RawItem, RawLink } from './raw-feed.ts';

// JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1): rss-parser does not read it (#197),
// and JSON.parse plus a few field picks is all it takes.
type Json = Record<string, unknown>;

// A JSON object whose `version` names jsonfeed.org.
function looksLikeJsonFeed(json: unknown): json is Json {
  return (
    isObject(json) && typeof json.version === 'string' && json.version.includes('jsonfeed.org')
  );
}

/** Reads a JSON Feed into the same RawFeed the XML formats produce. */
export function readJsonFeed(
  text: string,
  feedUrl: string,
  extraNames: readonly string[],
): RawFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ParseError(`malformed JSON: ${(error as Error).message}`, [], { cause: error });
  }
  if (!looksLikeJsonFeed(json)) {
    throw new ParseError('not a feed: a JSON document without a jsonfeed.org "version"');
  }
  const link = str(json.home_page_url);
  const base = isAbsoluteHttpUrl(link) ? link : feedUrl;
  const items = Array.isArray(json.items) ? json.items.filter(isObject) : [];
  return {
    format: 'json',
    title: str(json.title),
    link,
    base,
    items: items.map((item) => readJsonItem(item, json, base, extraNames)),
    repairs: [],
  };
}

function readJsonItem(
  item: Json,
  feed: Json,
  base: string,
  extraNames: readonly string[],
): RawItem {
  const url = str(item.url);
  const external = str(item.external_url);
  const links: RawLink[] = [];
  if (url) links.push({ href: url, rel: 'alternate', type: null });
  if (external) links.push({ href: external, rel: 'related', type: null });
  const text = str(item.content_text);
  const summary = str(item.summary);
  return {
    title: str(item.title),
    link: url ?? external,
    links,
    guid: item.id === undefined || item.id === null ? null : String(item.id),
    guidIsPermaLink: false,
    published: str(item.date_published),
    updated: str(item.date_modified),
    author: authorName(item) ?? authorName(feed),
    categories: Array.isArray(item.tags)
      ? item.tags.filter((t): t is string => typeof t === 'string')
      : [],
    // content_text and summary are plain text: escaped so the sanitizer reads them as text.
    contentHtml: str(item.content_html) ?? (text === null ? null : escapeHtml(text)),
    summaryHtml: summary === null ? null : escapeHtml(summary),
    enclosures: (Array.isArray(item.attachments) ? item.attachments.filter(isObject) : []).flatMap(
      (a) => {
        const href = str(a.url);
        const size =
          typeof a.size_in_bytes === 'number' && a.size_in_bytes >= 0 ? a.size_in_bytes : null;
        return href ? [{ url: href, type: str(a.mime_type), length: size }] : [];
      },
    ),
    imageUrl: str(item.image) ?? str(item.banner_image),
    base,
    extra: Object.fromEntries(
      extraNames.flatMap((name) =>
        typeof item[name] === 'string' || typeof item[name] === 'number'
          ? [[name, String(item[name])]]
          : [],
      ),
    ),
  };
}

// 1.1 has an `authors` array; 1.0 a single `author` object.
function authorName(owner: Json): string | null {
  const authors = Array.isArray(owner.authors) ? owner.authors : [owner.author];
  for (const author of authors) {
    if (isObject(author) && str(author.name)) return str(author.name);
  }
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
