// One test per row of RSS-PARSER-NOTES.md that belongs to the parse stage. Rows owned by other
// stages: sockets/timeouts/redirects, gzip/br, charset, size cap, SSRF, HTTP status and
// request headers are the fetcher's; parsing dates, resolving URLs and sanitizing HTML are the
// normalizer's (here we only check that the raw strings they need come through). The rows'
// repair cases on whole documents (truncated body, DOCTYPE, feed wrapped in a page) are in
// feed-repairs.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Parser from 'rss-parser';
import { withDeadline } from '../../../../src/ingest/parse/deadline.ts';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import { ParseError } from '../../../../src/lib/errors.ts';
import { fixtureText } from './fixture-text.ts';

const URL = 'https://example.com/feed.xml';
const atom = (entry: string, feedAttrs = '') =>
  `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"${feedAttrs}><title>T</title><entry>${entry}</entry></feed>`;
const rss = (item: string) =>
  `<rss version="2.0"><channel><title>T</title><item>${item}</item></channel></rss>`;

async function parseError(text: string, options?: { deadlineMs?: number }): Promise<ParseError> {
  try {
    await parseFeed(text, URL, options);
  } catch (error) {
    assert.ok(error instanceof ParseError, `not a ParseError: ${String(error)}`);
    assert.doesNotMatch(error.message, /\n/);
    return error;
  }
  assert.fail('expected a ParseError');
}

describe('RSS-PARSER-NOTES rows owned by parse', () => {
  it('one bad element: a bare & is escaped and the repair recorded (#207)', async () => {
    const feed = await parseFeed(rss('<title>Q&A</title><link>http://x.test/?a=1&b=2</link>'), URL);
    assert.equal(feed.items[0]?.title, 'Q&A');
    assert.equal(feed.items[0]?.link, 'http://x.test/?a=1&b=2');
    assert.deepEqual(feed.repairs, ['escaped 2 bare & characters']);
  });

  it('one bad element: HTML entities XML lacks become character references', async () => {
    const feed = await parseFeed(rss('<title>Caf&eacute; it&rsquo;s &bogus;</title>'), URL);
    assert.equal(feed.items[0]?.title, 'Café it\u2019s &bogus;');
    assert.deepEqual(feed.repairs, [
      'escaped 1 bare & character, replaced 2 HTML entities XML does not define',
    ]);
  });

  it('one bad element: Atom <link>text</link> (a TypeError in rss-parser) becomes an href', async () => {
    const feed = await parseFeed(atom('<title>A</title><link>http://x.test/a</link><link/>'), URL);
    assert.equal(feed.items[0]?.link, 'http://x.test/a');
    assert.deepEqual(feed.repairs, [
      'turned 1 Atom <link>URL</link> into <link href>, dropped 1 Atom <link> without href',
    ]);
  });

  it('one bad element: an invalid Atom <published> (a RangeError) is kept raw for the date normalizer', async () => {
    const feed = await parseFeed(
      atom('<title>A</title><published>10/06/2024 10:00 CEST</published>'),
      URL,
    );
    assert.equal(feed.items[0]?.published, '10/06/2024 10:00 CEST');
    assert.match(
      feed.repairs[0] ?? '',
      /^set aside 1 Atom date rss-parser cannot read \(<published>10\/06\/2024 10:00 CEST\)/,
    );
  });

  it('RSS without a version attribute parses as RSS 2.0 (defaultRSS, #69, #211)', async () => {
    const feed = await parseFeed(
      fixtureText('feedparser/wellformed/rss/rss_version_missing.xml'),
      URL,
    );
    assert.equal(feed.format, 'rss');
    assert.deepEqual(feed.repairs, []);
    const uol = await parseFeed(fixtureText('rss-parser/uolNoticias.rss'), URL);
    assert.equal(uol.items.length, 15);
    assert.match(uol.items[0]?.title ?? '', /simulações de 2º turno/);
  });

  it('RSS 1.0 with and without the channel item list', async () => {
    const withList = await parseFeed(
      fixtureText('feedparser/wellformed/rdf/rdf_item_rdf_about.xml'),
      URL,
    );
    assert.equal(withList.format, 'rdf');
    assert.equal(withList.items[0]?.guid, 'http://example.org/1');
    const craigslist = await parseFeed(fixtureText('rss-parser/craigslist.rss'), URL);
    assert.equal(craigslist.items.length, 25);
    const empty = await parseFeed(fixtureText('feedparser/wellformed/rdf/rss_version_10.xml'), URL);
    assert.deepEqual([empty.format, empty.items.length], ['rdf', 0]);
    // A channel without <items><rdf:Seq>: the items are still the root's <item> children.
    const noList =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://x.test/"><title>C</title><link>http://x.test/</link></channel><item rdf:about="http://x.test/1"><title>One</title><link>http://x.test/1</link></item></rdf:RDF>';
    const loose = await parseFeed(noList, URL);
    assert.deepEqual(
      loose.items.map((i) => [i.title, i.guid]),
      [['One', 'http://x.test/1']],
    );
    assert.deepEqual(loose.repairs, []);
  });

  it('a reused Parser never settles on a comment-only body; we use fresh ones, reject it up front, and race a deadline', async () => {
    const reused = new Parser();
    await reused.parseString(fixtureText('feedparser/wellformed/rss/item_link.xml'));
    const comment = fixtureText('feedparser/illformed/rss_empty_document.xml');
    const hung = withDeadline(
      reused.parseString(comment),
      200,
      () => new ParseError('parse timed out after 200 ms'),
    );
    await assert.rejects(hung, /parse timed out after 200 ms/);
    // parseFeed after a good parse: rejected at once, before any parser sees it.
    await parseFeed(fixtureText('feedparser/wellformed/rss/item_link.xml'), URL);
    const started = Date.now();
    assert.match((await parseError(comment)).message, /^empty document/);
    assert.ok(Date.now() - started < 1000, 'rejected without waiting for the deadline');
    assert.equal((await parseError('  \n\t')).message, 'empty document');
    assert.match(
      (await parseError(rss(''), { deadlineMs: 0 })).message,
      /^parse timed out after 0 ms$/,
    );
  });

  it('Atom: rel="alternate" wins, an enclosure is never the link, every link is kept', async () => {
    const feed = await parseFeed(
      atom(
        '<link rel="enclosure" type="audio/mpeg" href="http://x.test/ep.mp3" length="123"/><link rel="replies" href="http://x.test/c"/><link rel="alternate" type="text/html" href="/posts/1"/>',
      ),
      URL,
    );
    const item = feed.items[0];
    assert.equal(item?.link, '/posts/1');
    assert.equal(item?.links.length, 3);
    assert.deepEqual(item?.enclosures, [
      { url: 'http://x.test/ep.mp3', type: 'audio/mpeg', length: 123 },
    ]);
    const noAlternate = await parseFeed(
      atom(
        '<link rel="enclosure" href="http://x.test/ep.mp3"/><link rel="related" href="http://x.test/p"/>',
      ),
      URL,
    );
    assert.equal(noAlternate.items[0]?.link, 'http://x.test/p');
    const onlyEnclosure = await parseFeed(
      atom('<link rel="enclosure" href="http://x.test/ep.mp3"/>'),
      URL,
    );
    assert.equal(onlyEnclosure.items[0]?.link, null);
  });

  it('categories: strings, {_, $} objects and Atom terms all become strings', async () => {
    const heraldsun = await parseFeed(fixtureText('rss-parser/heraldsun.rss'), URL);
    assert.ok(
      heraldsun.items[0]?.categories.every(
        (c) => typeof c === 'string' && c.startsWith('Business/'),
      ),
    );
    const mixed = await parseFeed(
      rss('<category>plain</category><category domain="d">with domain</category>'),
      URL,
    );
    assert.deepEqual(mixed.items[0]?.categories, ['plain', 'with domain']);
    const term = await parseFeed(
      fixtureText('feedparser/wellformed/atom10/entry_category_term.xml'),
      URL,
    );
    assert.deepEqual(term.items[0]?.categories, ['atom10']);
  });

  it('xhtml content loses its <div xmlns> wrapper; its markup stays in order', async () => {
    const feed = await parseFeed(
      fixtureText('feedparser/wellformed/atom10/entry_content_inline_markup.xml'),
      URL,
    );
    assert.equal(feed.items[0]?.contentHtml, 'Example <b>Atom</b>');
    const reddit = await parseFeed(
      fixtureText('rss-parser/reddit-home.rss'),
      'https://www.reddit.com/.rss',
    );
    assert.match(
      reddit.items[0]?.contentHtml ?? '',
      /^<table><tr><td><a href="https:\/\/www\.reddit\.com\/r\/funny\//,
    );
  });

  it('raw HTML child elements in <description> come back as the HTML string (all 350 research-computing-teams jobs)', async () => {
    const feed = await parseFeed(fixtureText('research-computing-teams/jobs.rss'), URL);
    assert.equal(feed.items.length, 350);
    for (const item of feed.items) {
      assert.equal(typeof item.summaryHtml, 'string');
      assert.match(
        item.summaryHtml ?? '',
        /^<p>[\s\S]*<a href="[^"]+">View Job Posting<\/a><\/p>$/,
      );
    }
    assert.deepEqual(feed.repairs, []);
  });

  it('relative links stay as found; each item gets its effective xml:base', async () => {
    const gulp = await parseFeed(fixtureText('rss-parser/gulp-atom.atom'), URL);
    assert.equal(gulp.items[0]?.link, '/gulpjs/gulp/releases/tag/v3.9.0');
    assert.equal(gulp.base, 'https://github.com/gulpjs/gulp/releases');
    const reddit = await parseFeed(
      fixtureText('rss-parser/reddit-home.rss'),
      'https://www.reddit.com/.rss',
    );
    assert.equal(reddit.items[0]?.base, 'https://www.reddit.com/.rss?limit=50');
    const inherit = await parseFeed(
      fixtureText('feedparser/wellformed/atom10/relative_uri_inherit.xml'),
      URL,
    );
    assert.equal(inherit.base, 'http://example.com/test/');
    assert.equal(inherit.title, 'Example <a href="test.html">test</a>');
    const chained = await parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/blog/"><entry xml:base="2024/"><link href="post.html"/></entry><entry><link href="x.html"/></entry></feed>`,
      'https://example.com/feeds/atom.xml',
    );
    assert.equal(chained.base, 'https://example.com/blog/');
    assert.deepEqual(
      chained.items.map((i) => [i.link, i.base]),
      [
        ['post.html', 'https://example.com/blog/2024/'],
        ['x.html', 'https://example.com/blog/'],
      ],
    );
    const hf = await parseFeed(
      fixtureText('feed-extractor/rss-feed-miss-base-url.xml'),
      'https://huggingface.co/blog/feed.xml',
    );
    assert.equal(hf.base, 'https://huggingface.co/blog/feed.xml');
  });

  it('no JSON Feed in rss-parser (#197): our reader', async () => {
    const feed = await parseFeed(
      fixtureText('feed-extractor/json-feed-standard-realworld.json'),
      URL,
    );
    assert.equal(feed.format, 'json');
    assert.equal(feed.items.length, 10);
    assert.equal(feed.items[0]?.link, 'https://adactio.com/journal/19317');
    assert.equal(feed.items[0]?.published, '2022-07-26 13:01:01');
    assert.ok(feed.items[0]?.categories.includes('dconstruct'));
  });
});
