// feedparser's own expectations (the `Expect:` line in each feedparser/** fixture), turned into
// checks on our raw fields. Every clause is either checked or listed in SKIPPED with the stage
// that owns it; an unknown clause fails the test, so nothing is dropped silently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import type { RawFeed } from '../../../../src/ingest/parse/raw-feed.ts';
import { ParseError } from '../../../../src/lib/errors.ts';
import { fixtureText, readManifest } from './fixture-text.ts';

type Outcome = { feed?: RawFeed; error?: ParseError };

// Clauses not checked here, and why (file → clause → reason).
const SKIPPED: Array<[file: string, clause: string, reason: string]> = [
  [
    'feedparser/wellformed/rss/item_pubDate_map_updated_parsed.xml',
    "entries[0]['published_parsed'] == (2004, 1, 1, 19, 48, 21, 3, 1, 0)",
    'parsed dates are the date normalizer’s (our raw pubDate is checked by item_pubDate.xml)',
  ],
  [
    'feedparser/encoding/utf-16le-bom.xml',
    "encoding == 'utf-16le'",
    'charset detection is the fetcher’s',
  ],
  [
    'feedparser/illformed/chardet/koi8r.xml',
    "encoding == 'KOI8-R'",
    'charset detection is the fetcher’s',
  ],
  // feedparser flags koi8r.xml only for its undeclared charset; decoded, it is a clean feed.
  [
    'feedparser/illformed/chardet/koi8r.xml',
    'bozo',
    'the error is the missing charset declaration: the fetcher’s',
  ],
  // xml2js is not namespace-aware: itunes:subtitle is just a name, so there is nothing to repair.
  [
    'feedparser/illformed/undeclared_namespace.xml',
    'bozo',
    'a namespace error that does not stop rss-parser; the feed parses as is',
  ],
  [
    'feedparser/encoding/demoronize-1.xml',
    "entries[0]['description'] == 'don\\u2019t'",
    'mapping C1 controls (U+0092) to windows-1252 characters is the charset module’s',
  ],
  [
    'feedparser/wellformed/atom10/relative_uri.xml',
    "feed['title_detail']['value'] == 'Example <a href=\"http://example.com/test/test.html\">test</a>'",
    'resolving relative URLs in HTML is the normalizer’s (the raw title is checked in feed-notes.test.ts)',
  ],
  [
    'feedparser/wellformed/atom10/relative_uri_inherit.xml',
    "feed['title_detail']['value'] == 'Example <a href=\"http://example.com/test/test.html\">test</a>'",
    'resolving relative URLs in HTML is the normalizer’s (raw title and base checked in feed-notes.test.ts)',
  ],
  [
    'feedparser/wellformed/atom10/missing_quote_in_attr.xml',
    "feed['title_detail']['value'] == '<a href=\"http://example.com/&quot;\">example</a>'",
    'repairing HTML attributes is the sanitizer’s',
  ],
  [
    'feedparser/wellformed/atom10/feed_link_rel_self.xml',
    "feed['links'][0]['rel'] == 'self'",
    'RawFeed has no feed-level link list, only the chosen feed link',
  ],
  [
    'feedparser/wellformed/rss/item_category_multiple.xml',
    "entries[0]['tags'][1]['scheme'] == 'http://www.example.com/2'",
    'RawItem keeps category names only, not their domain/scheme',
  ],
  [
    'feedparser/wellformed/rss/item_enclosure_url.xml',
    "entries[0]['links'][0]['rel'] == 'enclosure'",
    'an RSS <enclosure> is in RawItem.enclosures, not among link elements (its url clause is checked)',
  ],
];

const FORMATS: Record<string, RawFeed['format']> = { rss: 'rss', rss10: 'rdf', atom10: 'atom' };

// feedparser key paths → our raw fields.
const FIELDS: Record<string, (feed: RawFeed) => unknown> = {
  'entries.0.title': (f) => f.items[0]?.title,
  'entries.0.link': (f) => f.items[0]?.link,
  'entries.0.id': (f) => f.items[0]?.guid,
  'entries.0.guid': (f) => f.items[0]?.guid,
  'entries.0.author': (f) => f.items[0]?.author,
  'entries.0.author_detail.name': (f) => f.items[0]?.author,
  'entries.0.published': (f) => f.items[0]?.published,
  'entries.0.updated': (f) => f.items[0]?.updated,
  'entries.0.summary': (f) => f.items[0]?.summaryHtml,
  'entries.0.description': (f) => f.items[0]?.summaryHtml,
  'entries.0.content.0.value': (f) => f.items[0]?.contentHtml,
  'entries.0.tags.0.term': (f) => f.items[0]?.categories[0],
  'entries.0.enclosures.0.url': (f) => f.items[0]?.enclosures[0]?.url,
  'entries.0.enclosures.1': (f) => enclosureDict(f, 1),
  'entries.0.links.0': (f) => f.items[0]?.links[0],
  'entries.0.links.1': (f) => f.items[0]?.links[1],
  'entries.0.links.0.rel': (f) => f.items[0]?.links[0]?.rel,
};

function enclosureDict(feed: RawFeed, i: number) {
  const e = feed.items[0]?.enclosures[i];
  return e && { href: e.url, length: e.length === null ? null : String(e.length), type: e.type };
}

/** The Expect expression of a feedparser fixture, split into its `and` clauses. */
function expectClauses(text: string): string[] {
  const match = /Description:\s*(.*?)\s*Expect:\s*(.*)\s*-->/s.exec(text);
  assert.ok(match, 'no Description/Expect comment');
  return (match[2] as string).trim().split(/\s+and\s+/);
}

// A Python literal: a quoted string (with \uXXXX escapes) or a dict of quoted strings.
function pythonLiteral(source: string): unknown {
  const str = (s: string) =>
    JSON.parse(`"${s.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
  if (source.startsWith("'")) return str(source);
  if (source.startsWith('{')) {
    const pairs = [...source.matchAll(/('(?:[^'\\]|\\.)*')\s*:\s*('(?:[^'\\]|\\.)*')/g)];
    return Object.fromEntries(pairs.map((m) => [str(m[1] as string), str(m[2] as string)]));
  }
  throw new Error(`unsupported literal ${source}`);
}

function keyPath(source: string): string {
  return [...source.matchAll(/\[(\d+)\]|\['([^']+)'\]|\.(\w+)|^(\w+)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? m[4])
    .join('.');
}

/** A check for one clause; throws for a clause this table does not know. */
function check(clause: string): (o: Outcome) => void {
  if (clause === '1') return (o) => assert.ok(o.feed, `must not crash: ${o.error?.message}`);
  if (clause === 'bozo')
    return (o) =>
      assert.ok(o.error || (o.feed?.repairs.length ?? 0) > 0, 'expected a repair or a ParseError');
  // rss-parser needs a <channel> feedparser does without; adding it is our only repair allowed on a well-formed file.
  if (clause === 'not bozo')
    return (o) =>
      assert.deepEqual(
        o.feed?.repairs.filter((r) => !/missing <channel>/.test(r)),
        [],
      );
  if (clause === "not entries[0].has_key('link')")
    return (o) => assert.equal(o.feed?.items[0]?.link, null);
  const version = /^version == '(\w+)'$/.exec(clause);
  if (version) return (o) => assert.equal(o.feed?.format, FORMATS[version[1] as string]);
  const eq = /^(\S+) == (.+)$/.exec(clause);
  const read = eq ? FIELDS[keyPath(eq[1] as string)] : undefined;
  if (!eq || !read) throw new Error(`no translation for clause: ${clause}`);
  const want = pythonLiteral(eq[2] as string);
  return (o) => {
    assert.ok(o.feed, o.error?.message);
    assert.deepEqual(read(o.feed), want);
  };
}

describe("feedparser's Expect clauses on our raw fields", () => {
  const files = readManifest().filter((r) => r.path.startsWith('feedparser/'));
  for (const { path } of files) {
    const clauses = expectClauses(fixtureText(path));
    for (const clause of clauses) {
      const skipped = SKIPPED.find(([file, c]) => file === path && c === clause);
      if (skipped) continue;
      it(`${path}: ${clause}`, async () => {
        let outcome: Outcome;
        try {
          outcome = { feed: await parseFeed(fixtureText(path), 'http://example.com/feed') };
        } catch (error) {
          assert.ok(error instanceof ParseError, String(error));
          outcome = { error };
        }
        check(clause)(outcome);
      });
    }
  }

  it('skips only clauses that exist', () => {
    for (const [file, clause] of SKIPPED) {
      assert.ok(expectClauses(fixtureText(file)).includes(clause), `${file}: no clause ${clause}`);
    }
  });
});
