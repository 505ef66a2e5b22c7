import { escapeXml, escapeXmlAttribute } from '../../domain/xml-escape.ts';
import type { FeedDocument, FeedItem } from './feed-document.ts';

function renderEntry(item: FeedItem): string {
  const lines = [
    `    <id>${escapeXml(item.id)}</id>`,
    `    <title>${escapeXml(item.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXmlAttribute(item.url)}"/>`,
    ...(item.externalUrl === null
      ? []
      : [`    <link rel="related" href="${escapeXmlAttribute(item.externalUrl)}"/>`]),
    `    <published>${item.published.toISOString()}</published>`,
    // Atom requires updated on every entry.
    // Never before it was published: some sources date an edit earlier than the post.
    `    <updated>${lastDate(item).toISOString()}</updated>`,
    ...(item.author === null
      ? []
      : [`    <author><name>${escapeXml(item.author)}</name></author>`]),
    ...(item.summary === ''
      ? []
      : [`    <summary type="text">${escapeXml(item.summary)}</summary>`]),
    ...(item.html === null ? [] : [`    <content type="html">${escapeXml(item.html)}</content>`]),
    ...item.tags.map((tag) => `    <category term="${escapeXmlAttribute(tag)}"/>`),
  ];
  return `  <entry>\n${lines.join('\n')}\n  </entry>`;
}

/** The document as Atom 1.0; the feed-level author keeps entries without one valid. */
export function renderAtom(doc: FeedDocument): string {
  const feed = [
    `  <id>${escapeXml(doc.feedUrl)}</id>`,
    `  <title>${escapeXml(doc.title)}</title>`,
    `  <subtitle>${escapeXml(doc.description)}</subtitle>`,
    `  <updated>${doc.updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXmlAttribute(doc.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXmlAttribute(doc.homeUrl)}"/>`,
    `  <author><name>${escapeXml(doc.title)}</name></author>`,
    ...doc.items.map(renderEntry),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXmlAttribute(doc.language)}">
${feed.join('\n')}
</feed>
`;
}

function lastDate(item: FeedItem): Date {
  const updated = item.updated?.getTime() ?? 0;
  return updated > item.published.getTime() ? (item.updated as Date) : item.published;
}
