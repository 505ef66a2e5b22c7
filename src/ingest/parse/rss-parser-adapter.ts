import Parser from 'rss-parser';
import { SET_ASIDE_DATES } from './repair-atom.ts';
import { skipRssParserSnippets } from './rss-parser-snippet.ts';
import type { XmlFields } from './xml-node.ts';

// rss-parser finds the channel and the items of every RSS/RDF/Atom variant, but its own
// output loses what we need (link rel/type, xml:base, isPermaLink, raw Atom dates, element
// order in HTML). So we ask it, through customFields with keepArray, for the raw xml2js
// nodes of each element we read, under a prefix that cannot collide with its own keys, and
// map those ourselves.
const PREFIX = 'raw:';

skipRssParserSnippets();

const FEED_FIELDS = ['$', 'title', 'link', 'atom:link', 'atom10:link'];

const ITEM_FIELDS = [
  '$',
  ...['title', 'dc:title', 'link', 'atom:link', 'atom10:link'],
  ...['guid', 'id', 'dc:identifier'],
  ...['pubDate', 'published', 'issued', 'updated', 'modified', 'dc:date', 'dcterms:modified'],
  ...Object.values(SET_ASIDE_DATES),
  ...['author', 'dc:creator', 'itunes:author', 'category', 'dc:subject'],
  ...['description', 'summary', 'content', 'content:encoded'],
  ...['enclosure', 'media:content', 'media:thumbnail', 'media:group', 'media:description'],
  ...['itunes:image', 'image'],
];

/** The channel (RSS/RDF) or feed (Atom) element's raw fields, and each item's. */
export type ParsedXml = { channel: XmlFields; items: XmlFields[] };

type RawOutput = Record<string, unknown> & { items: Array<Record<string, unknown>> };

/**
 * Parses one XML document with a fresh rss-parser instance: an instance that parsed before
 * can leave a later parse pending forever (see RSS-PARSER-NOTES.md), so none is ever reused.
 * Rejects with whatever rss-parser/xml2js throws; the caller owns deadlines and repairs.
 */
export async function parseWithRssParser(
  text: string,
  extraFields: readonly string[] = [],
): Promise<ParsedXml> {
  const itemNames = [...new Set([...ITEM_FIELDS, ...extraFields])];
  const options = {
    // RSS without a version attribute (rss-parser #69, #211) reads as RSS 2.0.
    defaultRSS: 2.0,
    customFields: { feed: FEED_FIELDS.map(rawField), item: itemNames.map(rawField) },
  };
  const parser = new Parser(options as unknown as Parser.ParserOptions<RawOutput, RawOutput>);
  const output = (await parser.parseString(text)) as unknown as RawOutput;
  return { channel: rawFields(output), items: output.items.map(rawFields) };
}

function rawField(name: string): [string, string, { keepArray: true }] {
  return [name, PREFIX + name, { keepArray: true }];
}

// `$` comes back as the attribute object itself; wrap it so every field is a node list.
function rawFields(output: Record<string, unknown>): XmlFields {
  const fields: XmlFields = {};
  for (const [key, value] of Object.entries(output)) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length);
    if (name === '$') fields.$ = [{ $: value as Record<string, string> }];
    else if (Array.isArray(value)) fields[name] = value;
  }
  return fields;
}
