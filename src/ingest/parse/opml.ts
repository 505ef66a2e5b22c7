// Reads the feeds of an OPML file (any nesting of folders), as feed readers export them.
import { load } from 'cheerio';
import type { EntryType } from '../../domain/entry.ts';
import type { OpmlFeed } from '../../domain/opml.ts';
import { ParseError } from '../../lib/errors.ts';

/**
 * Every outline with an xmlUrl (and leaf outlines without one, reported as skipped); throws a
 * ParseError for a document that is not OPML, is cut off, or lists no feed at all, so the
 * console and the CLI refuse the same files with the same words.
 */
export function readOpml(text: string): OpmlFeed[] {
  const feeds = readOutlines(text);
  if (!feeds.some((feed) => feed.url))
    throw new ParseError('the OPML file lists no feeds (no outline has an xmlUrl)');
  return feeds;
}

function readOutlines(text: string): OpmlFeed[] {
  const $ = load(text, { xml: true });
  if ($('opml').length === 0) throw new ParseError('not an OPML document (no <opml> element)');
  // The XML reader is lenient: a file cut off mid-way (a failed download, a partial paste)
  // would quietly import its first half.
  if (!/<\/opml\s*>/i.test(text) && !/<opml\b[^>]*\/>/i.test(text))
    throw new ParseError('the OPML file is cut off: it does not end with </opml>; export it again');
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
      // Its own category first; else the nearest folder that names a type ("Jobs", "Blogs").
      const folders = node
        .parents('outline')
        .toArray()
        .map((folder) =>
          [folder.attribs.category, folder.attribs.text, folder.attribs.title].join(' '),
        );
      const category = node.attr('category') ?? '';
      const type =
        (/\barticles\b/i.test(category)
          ? 'articles'
          : /\bjobs\b/i.test(category)
            ? 'jobs'
            : null) ??
        folders.map(folderType).find(Boolean) ??
        null;
      return { title, url, type } satisfies OpmlFeed;
    });
}

// Folder names feed readers give: "Jobs", "Job boards", "Careers"; "Articles", "Blogs", "Reading".
const JOB_FOLDER = /\b(?:jobs?|job boards?|careers|hiring)\b/i;
const ARTICLE_FOLDER = /\b(?:articles?|blogs?|reading|posts|news(?:letters?)?)\b/i;

/** The type a folder's names give, when they name exactly one. */
function folderType(names: string): EntryType | null {
  const jobs = JOB_FOLDER.test(names);
  return jobs === ARTICLE_FOLDER.test(names) ? null : jobs ? 'jobs' : 'articles';
}
