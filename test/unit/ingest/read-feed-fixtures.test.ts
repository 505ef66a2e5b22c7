import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeBody } from '../../../src/ingest/fetch/charset.ts';
import { parseFeed } from '../../../src/ingest/parse/feed.ts';
import { readFeed } from '../../../src/ingest/read-feed.ts';
import { ParseError } from '../../../src/lib/errors.ts';
import { sharedFixtures } from '../../helpers/fixture-server.ts';

// Every real-world feed fixture through the stages a worker runs (decode → parse → normalize):
// entries = the items with a usable title and link, or a ParseError with one clear line.
// null marks the fixtures that are not feeds at all. The counts were checked by reading the
// files: the feedparser unit fixtures are single-item documents that mostly lack a title or
// a link, which is exactly what they test.
const expected: Array<[string, number | null]> = [
  ['rss-parser/atom-customfields.atom', 15],
  ['rss-parser/content-encoded.rss', 7],
  ['rss-parser/craigslist.rss', 25],
  ['rss-parser/customfields.rss', 15],
  ['rss-parser/encoding.rss', 40],
  ['rss-parser/feedburner.atom', 25],
  ['rss-parser/giantbomb-podcast.rss', 730],
  ['rss-parser/guardian.rss', 55],
  ['rss-parser/gulp-atom.atom', 10],
  ['rss-parser/heise.atom', 15],
  ['rss-parser/heraldsun.rss', 2],
  ['rss-parser/incomplete-fields.atom', 0],
  ['rss-parser/instant-article.rss', 1],
  ['rss-parser/many-links.rss', 25],
  ['rss-parser/missing-fields.atom', 0],
  ['rss-parser/narro.rss', 1],
  ['rss-parser/pagination-links.rss', 1],
  ['rss-parser/reddit-atom.rss', 24],
  ['rss-parser/reddit-home.rss', 24],
  ['rss-parser/reddit.rss', 24],
  ['rss-parser/rss-1.rss', 69],
  ['rss-parser/unrecognized.rss', null],
  ['rss-parser/uolNoticias.rss', 15],
  ['feedparser/wellformed/rss/item_pubDate.xml', 0],
  ['feedparser/wellformed/rss/item_pubDate_map_updated_parsed.xml', 0],
  ['feedparser/wellformed/rss/item_dc_date.xml', 0],
  ['feedparser/wellformed/rss/item_guid.xml', 0],
  ['feedparser/wellformed/rss/item_guid_not_permalink.xml', 0],
  ['feedparser/wellformed/rss/item_guid_isPermaLink_map_link.xml', 0],
  ['feedparser/wellformed/rss/item_link.xml', 0],
  ['feedparser/wellformed/rss/item_enclosure_url.xml', 0],
  ['feedparser/wellformed/rss/item_enclosure_multiple.xml', 0],
  ['feedparser/wellformed/rss/item_category_multiple.xml', 0],
  ['feedparser/wellformed/rss/item_content_encoded.xml', 0],
  ['feedparser/wellformed/rss/item_description_escaped_markup.xml', 0],
  ['feedparser/wellformed/rss/item_description_naked_markup.xml', 0],
  ['feedparser/wellformed/rss/item_author.xml', 0],
  ['feedparser/wellformed/rss/rss_version_missing.xml', 0],
  ['feedparser/wellformed/atom10/entry_id.xml', 0],
  ['feedparser/wellformed/atom10/entry_link_alternate_map_link.xml', 0],
  ['feedparser/wellformed/atom10/entry_link_multiple.xml', 0],
  ['feedparser/wellformed/atom10/entry_link_rel_enclosure.xml', 0],
  ['feedparser/wellformed/atom10/entry_content_escaped_markup.xml', 0],
  ['feedparser/wellformed/atom10/entry_content_inline_markup.xml', 0],
  ['feedparser/wellformed/atom10/entry_summary.xml', 0],
  ['feedparser/wellformed/atom10/entry_title_escaped_markup.xml', 0],
  ['feedparser/wellformed/atom10/entry_author_name.xml', 0],
  ['feedparser/wellformed/atom10/entry_category_term.xml', 0],
  ['feedparser/wellformed/atom10/relative_uri.xml', 0],
  ['feedparser/wellformed/atom10/relative_uri_inherit.xml', 0],
  ['feedparser/wellformed/atom10/missing_quote_in_attr.xml', 0],
  ['feedparser/wellformed/atom10/feed_link_rel_self.xml', 0],
  ['feedparser/wellformed/rdf/rss_version_10.xml', 0],
  ['feedparser/wellformed/rdf/rdf_item_rdf_about.xml', 0],
  ['feedparser/illformed/aaa_illformed.xml', 0],
  ['feedparser/illformed/rss_incomplete_cdata.xml', 0],
  ['feedparser/illformed/rss_item_link_corrupted_ampersands.xml', 0],
  ['feedparser/illformed/undeclared_namespace.xml', 0],
  ['feedparser/illformed/rss_empty_document.xml', null],
  ['feedparser/illformed/chardet/koi8r.xml', 0],
  ['feedparser/encoding/demoronize-1.xml', 0],
  ['feedparser/encoding/bozo_encoding_mismatch_crash.xml', 0],
  ['feedparser/encoding/utf-16le-bom.xml', 0],
  ['miniflux-v2/parser/encoding_ISO-8859-1.xml', 40],
  ['miniflux-v2/parser/encoding_WINDOWS-1251.xml', 50],
  ['miniflux-v2/parser/large_atom.xml', 25],
  ['miniflux-v2/parser/large_rss.xml', 25],
  ['miniflux-v2/parser/no_encoding_ISO-8859-1.xml', 9],
  ['miniflux-v2/parser/rdf_UTF8.xml', 60],
  ['miniflux-v2/parser/small_atom.xml', 20],
  ['miniflux-v2/parser/urdu_UTF8.xml', 26],
  ['miniflux-v2/encoding/windows-1252.xml', 0],
  ['miniflux-v2/encoding/windows-1252-incorrect-prolog.xml', 0],
  ['feedjira/AmazonWebServicesBlog.xml', 10],
  ['feedjira/FeedBurnerXHTML.xml', 10],
  ['feedjira/GiantRobotsSmashingIntoOtherGiantRobots.xml', 3],
  ['feedjira/HREFConsideredHarmful.xml', 10],
  ['feedjira/InvalidDateFormat.xml', 2],
  ['feedjira/SamRuby.xml', 20],
  ['feedjira/TechCrunch.xml', 20],
  ['feedjira/TenderLovemaking.xml', 10],
  ['feedjira/DuplicateContentAtomFeed.xml', 10],
  ['feedjira/google_alerts_atom.xml', 20],
  ['feed-extractor/medium-feed.xml', 3],
  ['feed-extractor/rss-feed-miss-base-url.xml', 175],
  ['feed-extractor/atom-feed-standard-realworld.xml', 38],
  ['feed-extractor/json-feed-standard-realworld.json', 10],
  ['feed-extractor/rdf-standard.xml', 3],
  ['jobs-remotely/jobs.rss', 25],
  ['research-computing-teams/jobs.rss', 350],
];

const now = new Date('2026-11-24T00:00:00Z');

describe('real-world feeds through decode → parse → normalize', () => {
  it('covers every feed in MANIFEST.tsv', async () => {
    const manifest = await readFile(path.join(sharedFixtures, 'MANIFEST.tsv'), 'utf8');
    const feeds = manifest
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t'))
      .filter((cols) => cols[5] !== 'html-article')
      .map((cols) => cols[0]);
    assert.deepEqual(expected.map(([file]) => file).sort(), feeds.sort());
  });

  for (const [file, count] of expected) {
    it(`${file} → ${count === null ? 'a clear ParseError' : `${count} entries`}`, async () => {
      const text = decodeBody(await readFile(path.join(sharedFixtures, file)), null).text;
      const url = `https://fixtures.example/${file}`;
      const type = file.includes('jobs') ? 'jobs' : 'articles';
      if (count === null) {
        await assert.rejects(
          readFeed(text, url, { type }, now),
          (error) => error instanceof ParseError && !error.message.includes('\n'),
        );
        return;
      }
      const reading = await readFeed(text, url, { type }, now);
      assert.equal(reading.entries.length, count);
      const raw = await parseFeed(text, url);
      assert.equal(
        reading.entries.length + reading.dropped.length,
        raw.items.length,
        'every item is stored or counted as dropped',
      );
      for (const entry of reading.entries) {
        assert.match(entry.canonicalUrl, /^https?:\/\/[^/]+/);
        assert.ok(entry.title.length > 0 && entry.title === entry.title.trim());
        assert.ok(entry.summary.length <= 300);
        assert.doesNotMatch(
          entry.html,
          /<(script|iframe|style|object|form)\b|\son[a-z]+=|javascript:/i,
        );
        assert.ok(
          entry.publishedAt === null || entry.publishedAt <= new Date(now.getTime() + 86_400_000),
        );
      }
    });
  }

  it('resolves site-relative permalink guids against the feed (Hugging Face blog)', async () => {
    const text = decodeBody(
      await readFile(path.join(sharedFixtures, 'feed-extractor/rss-feed-miss-base-url.xml')),
      null,
    ).text;
    const reading = await readFeed(
      text,
      'https://huggingface.co/blog/feed.xml',
      { type: 'articles' },
      now,
    );
    const graph = reading.entries.find((e) => e.title === 'Introduction to Graph Machine Learning');
    assert.equal(graph?.canonicalUrl, 'https://huggingface.co/blog/intro-graphml');
    assert.equal(graph?.publishedAt?.toISOString(), '2023-01-03T00:00:00.000Z');
  });

  it('reads the We Work Remotely job feed into job fields', async () => {
    const text = decodeBody(
      await readFile(path.join(sharedFixtures, 'jobs-remotely/jobs.rss')),
      null,
    ).text;
    const reading = await readFeed(
      text,
      'https://weworkremotely.com/categories/2/jobs.rss',
      { type: 'jobs' },
      now,
    );
    const kaleo = reading.entries[0];
    assert.equal(kaleo?.job?.company, 'Kaleo Software');
    assert.equal(kaleo?.job?.role, 'Senior Software Engineer');
    assert.ok(kaleo?.terms.includes('kaleo'));
  });
});
