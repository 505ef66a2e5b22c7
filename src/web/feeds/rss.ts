import { escapeAngleBrackets, escapeHtml } from '../../domain/html-escape.ts';
import { escapeXml, escapeXmlAttribute } from '../../domain/xml-escape.ts';
import type { FeedDocument, FeedItem } from './feed-document.ts';

// RSS never said whether a title is text or HTML, and many readers render it as HTML: a title
// from a feed (or a search phrase in the channel's) must not bring tags. Only angle brackets
// are escaped, so a reader showing titles as text still shows "AT&T", not "AT&amp;T".
function titleText(title: string): string {
  return escapeXml(escapeAngleBrackets(title));
}

function renderItem(item: FeedItem): string {
  const lines = [
    `      <title>${titleText(item.title)}</title>`,
    `      <link>${escapeXml(item.url)}</link>`,
    `      <guid isPermaLink="true">${escapeXml(item.id)}</guid>`,
    `      <pubDate>${item.published.toUTCString()}</pubDate>`,
    // Escaped rather than CDATA: escaping holds for any content, CDATA breaks on "]]>". Readers
    // take a description as HTML, so a plain summary is escaped as HTML first: "Vec<T>" and
    // "&lt;script&gt;" must reach them as text, not as markup.
    `      <description>${escapeXml(item.html ?? escapeHtml(item.summary))}</description>`,
    ...item.tags.map((tag) => `      <category>${escapeXml(tag)}</category>`),
    ...(item.author === null ? [] : [`      <dc:creator>${escapeXml(item.author)}</dc:creator>`]),
  ];
  return `    <item>\n${lines.join('\n')}\n    </item>`;
}

/** The document as RSS 2.0, with an atom:link to itself and dc:creator for authors. */
export function renderRss(doc: FeedDocument): string {
  const channel = [
    `    <title>${titleText(doc.title)}</title>`,
    `    <link>${escapeXml(doc.homeUrl)}</link>`,
    `    <description>${escapeXml(doc.description)}</description>`,
    `    <language>${escapeXml(doc.language)}</language>`,
    `    <lastBuildDate>${doc.updated.toUTCString()}</lastBuildDate>`,
    `    <atom:link href="${escapeXmlAttribute(doc.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...doc.items.map(renderItem),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
${channel.join('\n')}
  </channel>
</rss>
`;
}
