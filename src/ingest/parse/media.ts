import { escapeHtml } from '../../domain/html-escape.ts';
import type { RawItem } from './raw-feed.ts';
import { childNodes, nodeAttr, nodeText, type XmlFields, type XmlNode } from './xml-node.ts';

type Enclosure = RawItem['enclosures'][number];

const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

/** RSS `<enclosure>` elements and Atom rel="enclosure" links, in that order. */
export function readEnclosures(fields: XmlFields, linkNodes: XmlNode[]): Enclosure[] {
  const enclosures: Enclosure[] = [];
  for (const node of fields.enclosure ?? []) {
    const url = nodeAttr(node, 'url') ?? nodeAttr(node, 'href');
    if (url) enclosures.push(enclosure(url, node));
  }
  for (const node of linkNodes) {
    const url = nodeAttr(node, 'href');
    if (url && nodeAttr(node, 'rel')?.toLowerCase() === 'enclosure')
      enclosures.push(enclosure(url, node));
  }
  return enclosures;
}

/**
 * The item's picture: the largest media:content image (We Work Remotely's company logo), a
 * media:thumbnail (YouTube's sits in media:group), itunes:image, an image enclosure, or an
 * RSS `<image>`.
 */
export function readImage(fields: XmlFields, enclosures: Enclosure[]): string | null {
  const groups = fields['media:group'] ?? [];
  const contents = [
    ...(fields['media:content'] ?? []),
    ...groups.flatMap((g) => childNodes(g, 'media:content')),
  ];
  const thumbnails = [
    ...(fields['media:thumbnail'] ?? []),
    ...groups.flatMap((g) => childNodes(g, 'media:thumbnail')),
  ];
  return (
    largestImage(contents) ??
    firstAttr(thumbnails, 'url') ??
    firstAttr(fields['itunes:image'] ?? [], 'href') ??
    enclosures.find((e) => e.type?.toLowerCase().startsWith('image/'))?.url ??
    imageElement(fields.image ?? [])
  );
}

/** media:description (YouTube keeps it in media:group) as HTML: plain text unless type="html". */
export function readMediaDescription(fields: XmlFields): string | null {
  const groups = fields['media:group'] ?? [];
  const nodes = [
    ...(fields['media:description'] ?? []),
    ...groups.flatMap((g) => childNodes(g, 'media:description')),
  ];
  for (const node of nodes) {
    const text = nodeText(node);
    if (text?.trim())
      return nodeAttr(node, 'type')?.toLowerCase() === 'html' ? text : escapeHtml(text);
  }
  return null;
}

function enclosure(url: string, node: XmlNode): Enclosure {
  const length = Number.parseInt(nodeAttr(node, 'length') ?? '', 10);
  return {
    url,
    type: nodeAttr(node, 'type'),
    length: Number.isFinite(length) && length >= 0 ? length : null,
  };
}

function largestImage(contents: XmlNode[]): string | null {
  let best: { url: string; width: number } | null = null;
  for (const node of contents) {
    const url = nodeAttr(node, 'url');
    if (!url || !isImage(node, url)) continue;
    const width = Number.parseInt(nodeAttr(node, 'width') ?? '0', 10) || 0;
    if (!best || width > best.width) best = { url, width };
  }
  return best?.url ?? null;
}

function isImage(node: XmlNode, url: string): boolean {
  const medium = nodeAttr(node, 'medium')?.toLowerCase();
  const type = nodeAttr(node, 'type')?.toLowerCase();
  if (medium || type) return medium === 'image' || type?.startsWith('image/') === true;
  return IMAGE_URL.test(url);
}

function firstAttr(nodes: XmlNode[], name: string): string | null {
  for (const node of nodes) {
    const value = nodeAttr(node, name);
    if (value) return value;
  }
  return null;
}

// Some RSS feeds put `<image>URL</image>` or `<image><url>URL</url></image>` on items.
function imageElement(nodes: XmlNode[]): string | null {
  for (const node of nodes) {
    const url = nodeText(childNodes(node, 'url')[0]) ?? nodeText(node);
    if (url && /^\s*(?:https?:)?\/\//i.test(url)) return url.trim();
  }
  return null;
}
