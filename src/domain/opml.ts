// OPML 2.0 for moving feed sources in and out: one outline per feed, its type (jobs or
// articles) in the category attribute so a round trip keeps it.
import type { EntryType } from './entry.ts';
import { escapeXmlAttribute } from './xml-escape.ts';

/** A feed outline as read from or written to OPML. */
export type OpmlFeed = { title: string; url: string; type: EntryType | null };

/** An OPML document listing the feeds. */
export function renderOpml(feeds: OpmlFeed[], created: Date): string {
  const outlines = feeds
    .map(
      (f) =>
        `    <outline type="rss" text="${escapeXmlAttribute(f.title)}" title="${escapeXmlAttribute(f.title)}" xmlUrl="${escapeXmlAttribute(f.url)}"${f.type ? ` category="${f.type}"` : ''}/>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n    <title>backboard sources</title>\n    <dateCreated>${created.toUTCString()}</dateCreated>\n  </head>\n  <body>\n${outlines}\n  </body>\n</opml>\n`;
}
