import { chooseLink, isAbsoluteHttpUrl, readLinks, resolveBase } from './atom-links.ts';
import { readAtomEntry } from './item-atom.ts';
import { titleOf } from './item-fields.ts';
import { readRssItem } from './item-rss.ts';
import type { RawFeed } from './raw-feed.ts';
import type { ParsedXml } from './rss-parser-adapter.ts';
import { nodeAttr, type XmlFields } from './xml-node.ts';

/** What the orchestrator knows about the document besides rss-parser's output. */
export type XmlFeedContext = {
  format: 'rss' | 'atom' | 'rdf';
  /** Attributes of the root element (rss-parser never shows those of <rss>). */
  rootAttrs: Record<string, string>;
  feedUrl: string;
  extraNames: readonly string[];
  repairs: string[];
};

/** Builds the RawFeed from rss-parser's raw channel and item fields. */
export function readXmlFeed(parsed: ParsedXml, context: XmlFeedContext): RawFeed {
  const { channel } = parsed;
  const { format, feedUrl, extraNames } = context;
  const xmlBase = declaredBase(parsed, context);
  const link = chooseLink(readLinks(channel.link ?? []));
  const base = xmlBase ?? (isAbsoluteHttpUrl(link) ? link.trim() : feedUrl);
  const items = parsed.items.map((fields) => {
    const itemBase = itemXmlBase(fields, xmlBase, feedUrl) ?? base;
    return format === 'atom'
      ? readAtomEntry(fields, itemBase, extraNames)
      : readRssItem(fields, itemBase, extraNames);
  });
  return {
    format,
    title: titleOf(channel.title?.[0]),
    link,
    base,
    items,
    repairs: context.repairs,
  };
}

// The entry's xml:base, then its content's (WordPress, TypePad and FeedBurner put xml:base on
// <content>, reddit too), each relative to the one around it and the feed's relative to the
// document URL. One base serves the whole item: the content's is the one its relative URLs
// need, and entry links are nearly always absolute.
function itemXmlBase(fields: XmlFields, feedBase: string | null, feedUrl: string): string | null {
  const html =
    fields.content?.[0] ??
    fields['content:encoded']?.[0] ??
    fields.summary?.[0] ??
    fields.description?.[0];
  let base = feedBase;
  for (const value of [nodeAttr(fields.$?.[0], 'xml:base'), nodeAttr(html, 'xml:base')]) {
    if (value?.trim()) base = resolveBase(value, base ?? feedUrl);
  }
  return base;
}

// xml:base on the root (<rss>, <feed>), then on an RSS <channel>, each resolved against the
// one around it; null when the document declares none.
function declaredBase(parsed: ParsedXml, context: XmlFeedContext): string | null {
  const declared = [context.rootAttrs['xml:base'] ?? null];
  if (context.format !== 'atom') declared.push(nodeAttr(parsed.channel.$?.[0], 'xml:base'));
  let base: string | null = null;
  for (const value of declared) {
    if (value?.trim()) base = resolveBase(value, base ?? context.feedUrl);
  }
  return base;
}
