import { decodeXmlText, scanXml, tagAttributes, type XmlToken } from './xml-scan.ts';

/** What kind of document a body is, decided before any parser sees it. */
export type Sniffed =
  | { kind: 'empty'; reason: string }
  | { kind: 'json' }
  | { kind: 'html'; title: string | null; feedLink: string | null }
  | { kind: 'not-feed'; reason: string }
  | {
      kind: 'xml';
      format: 'rss' | 'atom' | 'rdf';
      root: string;
      rootAttrs: Record<string, string>;
    };

// Root elements that mean "a web page", not a feed (unrecognized.rss starts with <head>).
const HTML_ROOTS = new Set(['html', 'head', 'body', 'div', 'p', 'title', 'meta', 'script']);

/** Removes a leading byte order mark and the whitespace some servers put before `<?xml`. */
export function stripPreamble(text: string): string {
  return text.replace(/^\uFEFF/, '').trimStart();
}

/** Classifies a body (already stripped of BOM and leading whitespace) by its first element. */
export function sniffDocument(text: string): Sniffed {
  if (text.length === 0) return { kind: 'empty', reason: 'empty document' };
  if (text.startsWith('{') || text.startsWith('[')) return { kind: 'json' };
  if (!text.startsWith('<')) {
    return {
      kind: 'not-feed',
      reason: `the document is not XML or JSON (starts with "${text.slice(0, 20)}")`,
    };
  }
  let htmlDoctype = false;
  for (const token of scanXml(text)) {
    if (
      token.kind === 'doctype' &&
      /^<!DOCTYPE\s+html\b/i.test(text.slice(token.start, token.end))
    ) {
      htmlDoctype = true;
    }
    if (token.kind === 'open') return classifyRoot(text, token, htmlDoctype);
    if (
      token.kind === 'stray-lt' ||
      (token.kind === 'text' && text.slice(token.start, token.end).trim())
    ) {
      return { kind: 'not-feed', reason: 'the document has text before its first element' };
    }
  }
  return { kind: 'empty', reason: 'empty document: no element, only comments or declarations' };
}

function classifyRoot(text: string, root: XmlToken, htmlDoctype: boolean): Sniffed {
  const local = root.name.slice(root.name.indexOf(':') + 1).toLowerCase();
  const rootAttrs = tagAttributes(text, root);
  if (local === 'rss') return { kind: 'xml', format: 'rss', root: root.name, rootAttrs };
  if (local === 'feed') return { kind: 'xml', format: 'atom', root: root.name, rootAttrs };
  if (local === 'rdf') return { kind: 'xml', format: 'rdf', root: root.name, rootAttrs };
  if (htmlDoctype || HTML_ROOTS.has(local))
    return { kind: 'html', title: htmlTitle(text), feedLink: htmlFeedLink(text) };
  return {
    kind: 'not-feed',
    reason: `the root element <${root.name}> is not <rss>, <rdf:RDF> or an Atom <feed>`,
  };
}

/** The page's <title>, decoded and trimmed to 80 characters; null without one. */
export function htmlTitle(text: string): string | null {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  const title = match
    ? decodeXmlText(match[1] as string)
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  return title ? title.slice(0, 80) : null;
}

// <link rel="alternate" type="application/rss+xml" href="...">: the page's own feed, which an
// operator who pasted the page URL most likely wanted.
function htmlFeedLink(text: string): string | null {
  for (const match of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/\brel\s*=\s*["']?alternate\b/i.test(tag)) continue;
    if (!/\btype\s*=\s*["']?application\/(?:rss|atom|feed)\+(?:xml|json)/i.test(tag)) continue;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const value = decodeXmlText(href?.[1] ?? href?.[2] ?? '').trim();
    if (value) return value;
  }
  return null;
}
