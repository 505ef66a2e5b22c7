import { chooseLink, readLinks } from './atom-links.ts';
import { htmlOf, readAuthor, readCategories, readExtra, titleOf } from './item-fields.ts';
import { readEnclosures, readImage, readMediaDescription } from './media.ts';
import type { RawItem } from './raw-feed.ts';
import { firstText, nodeAttr, nodeText, type XmlFields, type XmlNode } from './xml-node.ts';

/** Maps one RSS 0.9x/2.0 or RSS 1.0 (RDF) item's raw fields to a RawItem. */
export function readRssItem(
  fields: XmlFields,
  base: string | null,
  extraNames: readonly string[],
): RawItem {
  // A <link> with an href is an Atom link written without its prefix; keep it with its rel.
  const linkNodes = [
    ...(fields.link ?? []),
    ...(fields['atom:link'] ?? []),
    ...(fields['atom10:link'] ?? []),
  ];
  const links = readLinks(linkNodes);
  const guidNode = fields.guid?.[0];
  // RSS 1.0 names each item by its rdf:about URI (feedparser's id); dc:identifier comes last.
  const guid =
    nodeText(guidNode) ??
    nodeAttr(fields.$?.[0], 'rdf:about') ??
    firstText(fields, 'dc:identifier');
  const guidIsPermaLink =
    guidNode !== undefined && nodeAttr(guidNode, 'isPermaLink')?.trim().toLowerCase() !== 'false';
  const enclosures = readEnclosures(fields, linkNodes);
  return {
    title: titleOf(fields.title?.[0]) ?? firstText(fields, 'dc:title'),
    link:
      rssLink(fields.link ?? []) ??
      chooseLink(links) ??
      permalinkGuid(guidIsPermaLink ? nodeText(guidNode) : null),
    links,
    guid,
    guidIsPermaLink: guidIsPermaLink && nodeText(guidNode) !== null,
    published: firstText(fields, 'pubDate', 'published', 'dcterms:issued'),
    // feedparser maps dc:date to `updated`; the normalizer falls back to it when pubDate is missing.
    updated: firstText(fields, 'dc:date', 'atom:updated', 'dcterms:modified', 'updated'),
    author: readAuthor(fields),
    categories: readCategories(fields),
    contentHtml: htmlOf(fields['content:encoded']?.[0]),
    summaryHtml:
      htmlOf(fields.description?.[0]) ??
      htmlOf(fields.summary?.[0]) ??
      readMediaDescription(fields),
    enclosures,
    imageUrl: readImage(fields, enclosures),
    base,
    extra: readExtra(fields, extraNames),
  };
}

// The RSS <link> text (not an Atom-style link element that happens to be called link).
function rssLink(nodes: XmlNode[]): string | null {
  for (const node of nodes) {
    const text = nodeText(node);
    if (text?.trim() && nodeAttr(node, 'href') === null) return text;
  }
  return null;
}

// RSS: a guid is a permalink unless isPermaLink="false"; many feeds omit the attribute on
// opaque ids ("job-3520"), so only a guid that looks like a web URL stands in for the link.
function permalinkGuid(guid: string | null): string | null {
  return guid !== null && /^\s*https?:\/\//i.test(guid) ? guid : null;
}
