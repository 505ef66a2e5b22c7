import type { Repaired } from './repair-escapes.ts';
import { applyEdits, scanXml, type XmlToken } from './xml-scan.ts';

const FEED_ROOTS = new Set(['rss', 'feed', 'rdf:RDF']);

/**
 * Closes a document cut off by the end of the body (feedjira/InvalidDateFormat.xml ends after
 * </channel>; an unfinished `<![CD` or `</rss`): drops the unfinished construct and appends the
 * end tags of the elements still open.
 */
export function closeTruncated(text: string): Repaired | null {
  const open: string[] = [];
  let cut: XmlToken | null = null;
  for (const token of scanXml(text)) {
    if (token.kind === 'incomplete') cut = token;
    else if (token.kind === 'open' && !token.selfClosing) open.push(token.name);
    else if (token.kind === 'close') {
      const at = open.lastIndexOf(token.name);
      if (at !== -1) open.length = at;
    }
  }
  if (!cut && open.length === 0) return null;
  let body = text;
  const done: string[] = [];
  if (cut) {
    const unfinished = text.slice(cut.start);
    // Keep the text of an unterminated CDATA section; anything else unfinished is dropped.
    const keep = unfinished.startsWith('<![CDATA[') ? `${unfinished}]]>` : '';
    body = text.slice(0, cut.start) + keep;
    done.push(
      keep
        ? 'closed an unterminated CDATA section'
        : `dropped an unfinished "${oneLine(unfinished)}"`,
    );
  }
  const closing = open
    .reverse()
    .map((name) => `</${name}>`)
    .join('');
  if (closing) done.push(`added ${closing}`);
  return {
    text: `${body.trimEnd()}${closing}\n`,
    note: `closed the truncated document (${done.join(', ')})`,
  };
}

/**
 * Adds the <channel> an <rss> or <rdf:RDF> root lacks (feedparser's rdf/rss_version_10.xml,
 * encoding/bozo_encoding_mismatch_crash.xml): rss-parser reads `channel[0]` and throws a
 * TypeError without it. For RSS the root's children move into the new channel.
 */
export function addMissingChannel(text: string): Repaired | null {
  const tokens = [...scanXml(text)];
  const rootAt = tokens.findIndex((t) => t.kind === 'open');
  const root = tokens[rootAt];
  if (!root || (root.name !== 'rss' && root.name !== 'rdf:RDF')) return null;
  let depth = 0;
  let rootClose: XmlToken | null = null;
  for (const token of tokens.slice(rootAt + 1)) {
    if (token.kind === 'open' && depth === 0 && token.name === 'channel') return null;
    if (token.kind === 'open' && !token.selfClosing) depth++;
    if (token.kind === 'close') {
      if (depth === 0 && token.name === root.name) rootClose = token;
      depth--;
    }
  }
  const note = `added the missing <channel> element to <${root.name}>`;
  if (root.selfClosing) {
    const start = text.slice(root.start, root.end - 2).trimEnd();
    return {
      text: applyEdits(text, [
        { start: root.start, end: root.end, insert: `${start}><channel/></${root.name}>` },
      ]),
      note,
    };
  }
  if (!rootClose) return null;
  if (root.name === 'rdf:RDF') {
    return {
      text: applyEdits(text, [{ start: root.end, end: root.end, insert: '<channel/>' }]),
      note,
    };
  }
  const edits = [
    { start: root.end, end: root.end, insert: '<channel>' },
    { start: rootClose.start, end: rootClose.start, insert: '</channel>' },
  ];
  return { text: applyEdits(text, edits), note };
}

/**
 * Cuts a feed out of the HTML page wrapping it (feedjira/DuplicateContentAtomFeed.xml has an
 * Atom <feed> inside an XHTML <body>). Returns null when the page holds no feed.
 */
export function extractEmbeddedFeed(text: string): Repaired | null {
  const tokens = [...scanXml(text)];
  const open = tokens.find((t) => t.kind === 'open' && FEED_ROOTS.has(t.name) && !t.selfClosing);
  if (!open) return null;
  const close = tokens.findLast((t) => t.kind === 'close' && t.name === open.name);
  if (!close || close.start < open.end) return null;
  const what = open.name === 'feed' ? 'an Atom <feed>' : `an <${open.name}> feed`;
  return {
    text: text.slice(open.start, close.end),
    note: `extracted ${what} embedded in an HTML page`,
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 30 ? `${flat.slice(0, 30)}…` : flat;
}
