import { chooseLink, readLinks } from './atom-links.ts';
import { htmlOf, readAuthor, readCategories, readExtra, titleOf } from './item-fields.ts';
import { readEnclosures, readImage, readMediaDescription } from './media.ts';
import type { RawItem } from './raw-feed.ts';
import { SET_ASIDE_DATES } from './repair-atom.ts';
import { firstText, type XmlFields } from './xml-node.ts';

/** Maps one Atom 1.0 (or 0.3) entry's raw fields to a RawItem. */
export function readAtomEntry(
  fields: XmlFields,
  base: string | null,
  extraNames: readonly string[],
): RawItem {
  const linkNodes = fields.link ?? [];
  const links = readLinks(linkNodes);
  const enclosures = readEnclosures(fields, linkNodes);
  return {
    title: titleOf(fields.title?.[0]),
    link: chooseLink(links),
    links,
    guid: firstText(fields, 'id'),
    // An Atom id is an identifier (often a tag: URI), never a link to follow.
    guidIsPermaLink: false,
    // issued/modified are Atom 0.3; the set-aside names hold dates rss-parser could not read.
    published: firstText(fields, 'published', SET_ASIDE_DATES.published, 'issued'),
    updated: firstText(fields, 'updated', SET_ASIDE_DATES.updated, 'modified'),
    author: readAuthor(fields),
    categories: readCategories(fields),
    contentHtml: htmlOf(fields.content?.[0]),
    summaryHtml: htmlOf(fields.summary?.[0]) ?? readMediaDescription(fields),
    enclosures,
    imageUrl: readImage(fields, enclosures),
    base,
    extra: readExtra(fields, extraNames),
  };
}
