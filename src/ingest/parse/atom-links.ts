import type { RawLink } from './raw-feed.ts';
import { nodeAttr, nodeText, type XmlNode } from './xml-node.ts';

// Links that point at the feed machinery rather than the item's page: chosen only when an
// entry has nothing better.
const MACHINERY_RELS = new Set(['self', 'edit', 'edit-media', 'replies', 'license', 'hub']);

/** Link elements as found: Atom-style `<link rel type href/>`, or RSS `<link>URL</link>` (rel and type null). */
export function readLinks(nodes: XmlNode[]): RawLink[] {
  const links: RawLink[] = [];
  for (const node of nodes) {
    const href = nodeAttr(node, 'href') ?? nodeText(node);
    if (href === null || href.trim() === '') continue;
    links.push({ href, rel: nodeAttr(node, 'rel'), type: nodeAttr(node, 'type') });
  }
  return links;
}

/**
 * The item's link: rel="alternate" or no rel (the Atom default) wins; else a link that is
 * neither an enclosure (an entry's .mp3 must not become its page) nor feed machinery; else
 * any non-enclosure link. rss-parser would take the first link, whatever it is.
 */
export function chooseLink(links: RawLink[]): string | null {
  const alternate = links.find((l) => l.rel === null || l.rel.toLowerCase() === 'alternate');
  if (alternate) return alternate.href;
  const content = links.find(
    (l) => !isEnclosure(l) && !MACHINERY_RELS.has(l.rel?.toLowerCase() ?? ''),
  );
  return (content ?? links.find((l) => !isEnclosure(l)))?.href ?? null;
}

/** True for rel="enclosure" links. */
export function isEnclosure(link: RawLink): boolean {
  return link.rel?.toLowerCase() === 'enclosure';
}

/** An xml:base value resolved against the base in effect around it; the outer base when it cannot be resolved. */
export function resolveBase(xmlBase: string | null, outer: string | null): string | null {
  if (xmlBase === null || xmlBase.trim() === '') return outer;
  try {
    return new URL(xmlBase.trim(), outer ?? undefined).href;
  } catch {
    return outer;
  }
}

/** True for an absolute http(s) URL, the only kind usable as a base. */
export function isAbsoluteHttpUrl(value: string | null): value is string {
  return value !== null && /^https?:\/\/[^/\s]/i.test(value.trim());
}
