// Every feed fixture in MANIFEST.tsv either parses with the item count the manifest states
// (and exactly the repairs listed here), or fails with a one-line ParseError listed here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import { ParseError } from '../../../../src/lib/errors.ts';
import { fixtureText, readManifest } from './fixture-text.ts';

const FEED_URL = 'https://feeds.example.com/feed';

// The only bodies that must not parse, and why.
const EXPECTED_FAILURES: Record<string, RegExp> = {
  // MarketWatch's "Document Moved" HTML page: not a feed, never repaired into one.
  'rss-parser/unrecognized.rss': /^not a feed: the document is an HTML page \("Document Moved"\)$/,
  // Only a comment: nothing to parse.
  'feedparser/illformed/rss_empty_document.xml': /^empty document/,
};

// Counts for files whose manifest notes state none, verified by reading each file.
const COUNTS: Record<string, number> = {
  'feedparser/wellformed/rss/rss_version_missing.xml': 0, // a channel with a description only
  'feedparser/wellformed/atom10/relative_uri.xml': 0, // feed title only
  'feedparser/wellformed/atom10/relative_uri_inherit.xml': 0,
  'feedparser/wellformed/atom10/missing_quote_in_attr.xml': 0,
  'feedparser/wellformed/atom10/feed_link_rel_self.xml': 0,
  'feedparser/wellformed/rdf/rss_version_10.xml': 0, // an empty rdf:RDF
  'feedparser/illformed/aaa_illformed.xml': 0, // <rss version="2.0"></rss (cut off)
  'feedparser/illformed/undeclared_namespace.xml': 0, // a channel with itunes:subtitle
  'feedparser/encoding/utf-16le-bom.xml': 0, // <rss></rss>
  'miniflux-v2/encoding/windows-1252.xml': 0, // a channel with a title
  'miniflux-v2/encoding/windows-1252-incorrect-prolog.xml': 0,
  'feed-extractor/json-feed-standard-realworld.json': 10,
};

// Files that parse only after the repair pass, with what it must have recorded.
const EXPECTED_REPAIRS: Record<string, RegExp[]> = {
  'feedparser/wellformed/rdf/rss_version_10.xml': [
    /^added the missing <channel> element to <rdf:RDF>$/,
  ],
  'feedparser/encoding/utf-16le-bom.xml': [/^added the missing <channel> element to <rss>$/],
  'feedparser/encoding/bozo_encoding_mismatch_crash.xml': [
    /^added the missing <channel> element to <rss>$/,
  ],
  'feedparser/illformed/aaa_illformed.xml': [
    /^closed the truncated document \(dropped an unfinished "<\/rss", added <\/rss>\)$/,
    /^added the missing <channel> element to <rss>$/,
  ],
  'feedparser/illformed/rss_incomplete_cdata.xml': [
    /^closed the truncated document \(dropped an unfinished "<!\[CD", added <\/title><\/item><\/channel><\/rss>\)$/,
  ],
  'feedparser/illformed/rss_item_link_corrupted_ampersands.xml': [
    /^closed the truncated document .*added <\/rss>\)$/,
  ],
  'feedjira/InvalidDateFormat.xml': [/^closed the truncated document \(added <\/rss>\)$/],
  'feedjira/DuplicateContentAtomFeed.xml': [/^extracted an Atom <feed> embedded in an HTML page$/],
};

const FEED_KINDS = new Set(['rss', 'atom', 'rdf', 'jsonfeed', 'malformed']);

function statedCount(notes: string): number | null {
  const match = /(\d+) <(?:item|entry)>/.exec(notes);
  return match ? Number(match[1]) : null;
}

async function outcome(path: string) {
  try {
    return { feed: await parseFeed(fixtureText(path), FEED_URL) };
  } catch (error) {
    assert.ok(error instanceof ParseError, `${path}: threw ${String(error)}, not a ParseError`);
    assert.doesNotMatch(error.message, /\n/, `${path}: the reason must be one line`);
    return { error };
  }
}

describe('parseFeed over every MANIFEST fixture', () => {
  const rows = readManifest();
  it('knows every file it lists', () => {
    const listed = new Set(rows.map((r) => r.path));
    for (const path of [
      ...Object.keys(EXPECTED_FAILURES),
      ...Object.keys(COUNTS),
      ...Object.keys(EXPECTED_REPAIRS),
    ]) {
      assert.ok(listed.has(path), `${path} is not in MANIFEST.tsv`);
    }
  });

  for (const row of rows.filter((r) => FEED_KINDS.has(r.kind))) {
    it(`${row.path} (${row.kind})`, { timeout: 15_000 }, async () => {
      const result = await outcome(row.path);
      const failure = EXPECTED_FAILURES[row.path];
      if (failure) {
        assert.ok(result.error, `${row.path} should fail`);
        assert.match(result.error.message, failure);
        return;
      }
      assert.ok(result.feed, `${row.path} failed: ${result.error?.message}`);
      const expected = statedCount(row.notes) ?? COUNTS[row.path];
      assert.notEqual(expected, undefined, `${row.path}: no item count known`);
      assert.equal(result.feed.items.length, expected);
      const repairs = EXPECTED_REPAIRS[row.path] ?? [];
      assert.equal(
        result.feed.repairs.length,
        repairs.length,
        `repairs: ${JSON.stringify(result.feed.repairs)}`,
      );
      for (const [i, pattern] of repairs.entries())
        assert.match(result.feed.repairs[i] ?? '', pattern);
    });
  }

  // HTML articles are pages for a later issue; as feeds they are "not a feed", never a crash.
  for (const row of rows.filter((r) => r.kind === 'html-article')) {
    it(`${row.path} is not a feed`, async () => {
      const result = await outcome(row.path);
      assert.match(result.error?.message ?? '', /^not a feed: the document is an HTML page/);
    });
  }
});
