// The shape of RawItem on real feeds: job elements, pictures, enclosures, content fields, and
// items kept whole (no title, no link, duplicates) for the normalizer to judge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../src/ingest/parse/feed.ts';
import { readJsonFeed } from '../../../../src/ingest/parse/json-feed.ts';
import { fixtureText } from './fixture-text.ts';

const URL = 'https://example.com/feed.xml';

// Today's We Work Remotely item shape (the 2015 capture in jobs-remotely/ predates these elements).
const WWR_ITEM = `<item>
  <title>Acme: Senior Backend Engineer</title>
  <region>Anywhere in the World</region>
  <country>United States</country>
  <state>CA</state>
  <skills>Go, PostgreSQL, Kubernetes</skills>
  <category>Back-End Programming</category>
  <type>Full-Time</type>
  <description>&lt;p&gt;Build &amp;amp; run services.&lt;/p&gt;</description>
  <media:content url="https://wwr.test/logos/acme.png" type="image/png"/>
  <pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate>
  <expires_at>2026-12-02 10:00:00 UTC</expires_at>
  <guid>https://weworkremotely.com/remote-jobs/acme-senior-backend-engineer</guid>
  <link>https://weworkremotely.com/remote-jobs/acme-senior-backend-engineer</link>
</item>`;

describe('RawItem fields', () => {
  it('keeps job elements in extra and the company logo as the image', async () => {
    const text = `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>WWR</title>${WWR_ITEM}</channel></rss>`;
    const item = (await parseFeed(text, URL)).items[0];
    assert.deepEqual(item?.extra, {
      region: 'Anywhere in the World',
      country: 'United States',
      state: 'CA',
      type: 'Full-Time',
      category: 'Back-End Programming',
      skills: 'Go, PostgreSQL, Kubernetes',
      expires_at: '2026-12-02 10:00:00 UTC',
    });
    assert.equal(item?.imageUrl, 'https://wwr.test/logos/acme.png');
    assert.deepEqual(item?.categories, ['Back-End Programming']);
    assert.equal(item?.summaryHtml, '<p>Build &amp; run services.</p>');
    assert.equal(item?.guidIsPermaLink, true);
  });

  it('keeps salary and company elements other boards use', async () => {
    const text = `<rss version="2.0"><channel><title>Jobs</title><item><title>Role</title><company>Initech</company><location>Berlin</location><salary_min>70000</salary_min><salary_max>90000</salary_max><job_type>contract</job_type></item></channel></rss>`;
    const item = (await parseFeed(text, URL)).items[0];
    assert.deepEqual(item?.extra, {
      company: 'Initech',
      location: 'Berlin',
      job_type: 'contract',
      salary_min: '70000',
      salary_max: '90000',
    });
  });

  it('reads the 2015 We Work Remotely feed: "Company: Role" titles, escaped HTML descriptions', async () => {
    const feed = await parseFeed(fixtureText('jobs-remotely/jobs.rss'), URL);
    assert.equal(feed.items.length, 25);
    assert.equal(feed.items[0]?.title, 'Kaleo Software: Senior Software Engineer');
    assert.match(feed.items[0]?.summaryHtml ?? '', /^<img alt="Resized_logo" src="https:\/\//);
  });

  it('keeps items without title or link, and duplicates', async () => {
    const missing = await parseFeed(fixtureText('rss-parser/missing-fields.atom'), URL);
    assert.deepEqual(
      missing.items.map((i) => [i.title, i.link, i.guid]),
      [[null, null, 'tag:github.com,2008:Repository/11167738/v3.9.0']],
    );
    const twice = '<item><title>Same</title><link>http://x.test/1</link></item>';
    const dup = await parseFeed(
      `<rss version="2.0"><channel><title>T</title>${twice}${twice}<item/></channel></rss>`,
      URL,
    );
    assert.equal(dup.items.length, 3);
  });

  it('picks the item picture: largest media:content image, media:group thumbnail, itunes:image', async () => {
    const guardian = await parseFeed(fixtureText('rss-parser/guardian.rss'), URL);
    assert.match(guardian.items[0]?.imageUrl ?? '', /[?&]w=460&/);
    const youtube = await parseFeed(fixtureText('rss-parser/atom-customfields.atom'), URL);
    assert.equal(youtube.items[0]?.imageUrl, 'https://i1.ytimg.com/vi/lR-w1h5ONOY/hqdefault.jpg');
    assert.match(youtube.items[0]?.summaryHtml ?? '', /\S/);
    const giantbomb = await parseFeed(fixtureText('rss-parser/giantbomb-podcast.rss'), URL);
    assert.match(giantbomb.items[0]?.imageUrl ?? '', /^https:\/\/giantbomb1\.cbsistatic\.com\//);
    assert.deepEqual(giantbomb.items[0]?.enclosures[0]?.type, 'audio/mpeg');
  });

  it('separates content:encoded from the description', async () => {
    const feed = await parseFeed(fixtureText('rss-parser/content-encoded.rss'), URL);
    assert.match(feed.items[0]?.contentHtml ?? '', /<\w+/);
    const plain = await parseFeed(
      fixtureText('feedparser/wellformed/atom10/entry_title_escaped_markup.xml'),
      URL,
    );
    assert.equal(plain.items[0]?.title, 'Example <b>Atom</b>');
  });

  it('reads RSS guid isPermaLink and only uses a URL guid as the link', async () => {
    const notPermalink = await parseFeed(
      fixtureText('feedparser/wellformed/rss/item_guid_not_permalink.xml'),
      URL,
    );
    assert.deepEqual(
      [notPermalink.items[0]?.link, notPermalink.items[0]?.guidIsPermaLink],
      [null, false],
    );
    const opaque = await parseFeed(
      '<rss version="2.0"><channel><title>T</title><item><guid>job-3520</guid></item></channel></rss>',
      URL,
    );
    assert.deepEqual([opaque.items[0]?.link, opaque.items[0]?.guid], [null, 'job-3520']);
  });

  it('reads JSON Feed 1.1 authors, attachments and text-only content', () => {
    const feed = readJsonFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Jobs',
        home_page_url: 'https://jobs.test/',
        authors: [{ name: 'Board' }],
        items: [
          {
            id: 7,
            external_url: 'https://elsewhere.test/job/7',
            content_text: 'Pay: 5 < 6 & more',
            summary: 'Short <summary>',
            attachments: [
              { url: 'https://jobs.test/7.pdf', mime_type: 'application/pdf', size_in_bytes: 1200 },
            ],
            company: 'Acme',
          },
        ],
      }),
      'https://jobs.test/feed.json',
      ['company'],
    );
    const item = feed.items[0];
    assert.equal(feed.base, 'https://jobs.test/');
    assert.deepEqual(
      [item?.guid, item?.link, item?.author],
      ['7', 'https://elsewhere.test/job/7', 'Board'],
    );
    assert.equal(item?.contentHtml, 'Pay: 5 &lt; 6 &amp; more');
    assert.equal(item?.summaryHtml, 'Short &lt;summary&gt;');
    assert.deepEqual(item?.enclosures, [
      { url: 'https://jobs.test/7.pdf', type: 'application/pdf', length: 1200 },
    ]);
    assert.deepEqual(item?.extra, { company: 'Acme' });
  });
});
