// Reads the feeds of an OPML file (any nesting of folders), as feed readers export them.
import { load } from 'cheerio';
import type { OpmlFeed } from '../../domain/opml.ts';
import { ParseError } from '../../lib/errors.ts';

/** Every outline with an xmlUrl; throws a ParseError for a document that is not OPML. */
export function readOpml(text: string): OpmlFeed[] {
  const $ = load(text, { xml: true });
  if ($('opml').length === 0) throw new ParseError('not an OPML document (no <opml> element)');
  // Feeds, and leaf outlines without a feed URL (a bookmark, a typo): those are reported as
  // skipped with url ''. Outlines with children are folders.
  return $('outline')
    .toArray()
    .filter((el) => {
      const node = $(el);
      return node.attr('xmlUrl') !== undefined || node.attr('xmlurl') !== undefined
        ? true
        : node.children('outline').length === 0;
    })
    .map((el) => {
      const node = $(el);
      const url = (node.attr('xmlUrl') ?? node.attr('xmlurl') ?? '').trim();
      const title = (node.attr('title') ?? node.attr('text') ?? '').trim();
      const category = (node.attr('category') ?? '').toLowerCase();
      const type = /\barticles\b/.test(category)
        ? 'articles'
        : /\bjobs\b/.test(category)
          ? 'jobs'
          : null;
      return { title, url, type } satisfies OpmlFeed;
    });
}
