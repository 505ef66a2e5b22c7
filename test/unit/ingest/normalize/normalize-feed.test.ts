import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NormalizedEntry } from '../../../../src/domain/entry.ts';
import {
  bodyText,
  type NormalizeContext,
  normalizeFeed,
} from '../../../../src/ingest/normalize/normalize-feed.ts';
import type { RawFeed } from '../../../../src/ingest/parse/raw-feed.ts';
import { kaleoItem, rawFeed, rawItem, wwrItem } from './raw-items.ts';

const NOW = new Date('2024-06-15T00:00:00Z');
const FEED_URL = 'https://feed.example.com/rss.xml';
const articles: NormalizeContext = { type: 'articles', feedUrl: FEED_URL, now: NOW };
const jobs: NormalizeContext = { type: 'jobs', feedUrl: FEED_URL, now: NOW };
const LINK = 'rel="nofollow noopener noreferrer" target="_blank"';

describe('normalizeFeed: whole entries', () => {
  it('jobs-remotely/jobs.rss item (2015 We Work Remotely)', () => {
    const { entries, dropped } = normalizeFeed(rawFeed([kaleoItem]), jobs);
    const logo =
      'https://dge9rmgqjs8m1.cloudfront.net/wwr_s3/logos/0000/1702/logo.gif/resized_logo.png?r=3';
    const expected: NormalizedEntry = {
      type: 'jobs',
      canonicalUrl: 'https://weworkremotely.com/jobs/1080',
      url: 'https://weworkremotely.com/jobs/1080',
      guid: 'https://weworkremotely.com/jobs/1080',
      title: 'Kaleo Software: Senior Software Engineer',
      summary:
        'Location: Los Angeles, CA URL: http://www.kaleosoftware.com/ Hi there! We (Kaleo) are looking for a Senior Software Engineer. If you’ve ever wanted to work for a high-performance startup, this could be your dream job!',
      html: `<img src="${logo}" alt="Resized_logo" loading="lazy" decoding="async" />\n\n<p>\n  <strong>Location:</strong> Los Angeles, CA\n    <br /><strong>URL:</strong> <a href="http://www.kaleosoftware.com/" ${LINK}>http://www.kaleosoftware.com/</a>\n</p>\n\n<div>Hi there! We (Kaleo) are looking for a Senior Software Engineer.</div><div><br /></div><div>If you’ve ever wanted to work for a high-performance startup,\u00a0this could be your dream job!</div>`,
      author: null,
      tags: [],
      publishedAt: new Date('2014-11-17T05:45:32Z'),
      updatedAt: null,
      dateFlag: null,
      imageUrl: logo,
      enclosure: null,
      terms: ['kaleo', 'software', 'senior', 'engineer'],
      job: {
        company: 'Kaleo Software',
        role: 'Senior Software Engineer',
        location: null,
        region: null,
        country: null,
        employmentType: null,
        category: null,
        skills: [],
        salaryText: null,
        salaryMin: null,
        salaryMax: null,
        salaryCurrency: null,
        expiresAt: null,
        logoUrl: null,
        applyUrl: null,
      },
    };
    assert.deepEqual({ entries, dropped }, { entries: [expected], dropped: [] });
  });

  it("today's We Work Remotely item: tracking params out of the key, logo, terms", () => {
    const [entry] = normalizeFeed(rawFeed([wwrItem]), jobs).entries;
    assert.deepEqual(
      {
        canonicalUrl: entry?.canonicalUrl,
        url: entry?.url,
        summary: entry?.summary,
        html: entry?.html,
        imageUrl: entry?.imageUrl,
        terms: entry?.terms,
        company: entry?.job?.company,
        skills: entry?.job?.skills,
        expiresAt: entry?.job?.expiresAt,
      },
      {
        canonicalUrl: 'https://weworkremotely.com/remote-jobs/acme-corp-senior-backend-engineer-go',
        // The link a visitor follows carries no tracking either.
        url: 'https://weworkremotely.com/remote-jobs/acme-corp-senior-backend-engineer-go',
        summary: 'Headquarters: Berlin Build payment APIs in Go & PostgreSQL.',
        html: '<p><strong>Headquarters:</strong> Berlin</p><p>Build payment APIs in Go &amp; PostgreSQL.</p>',
        imageUrl: 'https://we-work-remotely.imgix.net/logos/0099/1234/logo.png',
        terms: ['acme', 'corp', 'senior', 'backend', 'engineer', 'go', 'postgresql', 'kubernetes'],
        company: 'Acme Corp',
        skills: ['Go', 'PostgreSQL', 'Kubernetes'],
        expiresAt: new Date('2024-07-03T14:05:11Z'),
      },
    );
  });

  it('an article has no job fields and its terms come from title and tags', () => {
    const item = rawItem({
      title: 'Scaling &amp; Sharding Postgres',
      link: '/2024/06/sharding',
      categories: ['Databases', 'PostgreSQL'],
      author: 'jane@example.com (Jane Doe)',
      contentHtml: '<p>Full <b>content</b>.</p><script>x()</script>',
      summaryHtml: '<p>Short summary.</p>',
    });
    const [entry] = normalizeFeed(rawFeed([item]), articles).entries;
    assert.deepEqual(
      {
        title: entry?.title,
        url: entry?.url,
        html: entry?.html,
        summary: entry?.summary,
        author: entry?.author,
        terms: entry?.terms,
        job: entry?.job,
      },
      {
        title: 'Scaling & Sharding Postgres',
        url: 'https://feed.example.com/2024/06/sharding',
        html: '<p>Full <b>content</b>.</p>',
        summary: 'Short summary.',
        author: 'Jane Doe',
        terms: ['scaling', 'sharding', 'postgres', 'databases', 'postgresql'],
        job: null,
      },
    );
  });
});

type DropCase = {
  name: string;
  feed: RawFeed;
  context: NormalizeContext;
  urls: string[];
  titles: string[];
  dropped: Array<{ reason: string; title: string | null; link: string | null }>;
};

describe('normalizeFeed: links, titles, drops and duplicates', () => {
  const cases: DropCase[] = [
    {
      name: 'items without a usable link or title are dropped and reported',
      feed: rawFeed([
        rawItem({ title: 'Kept', link: 'https://a.example/1' }),
        rawItem({}),
        rawItem({ title: 'No link' }),
        rawItem({ title: 'Script link', link: 'javascript:alert(1)' }),
        rawItem({ link: 'https://a.example/2', summaryHtml: '<p>Job text</p>' }),
        rawItem({ title: '  <b></b> ', link: 'https://a.example/3' }),
      ]),
      context: jobs,
      urls: ['https://a.example/1'],
      titles: ['Kept'],
      dropped: [
        { reason: 'no usable link', title: null, link: null },
        { reason: 'no usable link', title: 'No link', link: null },
        { reason: 'no usable link', title: 'Script link', link: 'javascript:alert(1)' },
        { reason: 'no usable title', title: null, link: 'https://a.example/2' },
        { reason: 'no usable title', title: null, link: 'https://a.example/3' },
      ],
    },
    {
      name: 'an article without a title takes the first words of its text',
      feed: rawFeed([
        rawItem({
          link: 'https://a.example/note',
          contentHtml: `<p>${'Short notes about distributed systems and consensus protocols in practice '.repeat(3)}</p>`,
        }),
        rawItem({
          link: 'https://a.example/empty',
          contentHtml: '<img src="https://a.example/i.png">',
        }),
      ]),
      context: articles,
      urls: ['https://a.example/note'],
      titles: ['Short notes about distributed systems and consensus protocols in practice…'],
      dropped: [{ reason: 'no usable title', title: null, link: 'https://a.example/empty' }],
    },
    {
      name: 'repeats of a canonical URL in one feed keep the first',
      feed: rawFeed([
        rawItem({ title: 'First', link: 'https://a.example/post?id=1&utm_source=rss' }),
        rawItem({ title: 'Again', link: 'https://A.example:443/post?id=1#comments' }),
        rawItem({ title: 'Other', link: 'https://a.example/post?id=2' }),
      ]),
      context: articles,
      urls: ['https://a.example/post?id=1', 'https://a.example/post?id=2'],
      titles: ['First', 'Other'],
      dropped: [
        {
          reason: 'duplicate in feed',
          title: 'Again',
          link: 'https://a.example/post?id=1#comments',
        },
      ],
    },
    {
      name: 'relative links resolve against the item base, else the feed base, else the feed URL',
      feed: rawFeed(
        [
          rawItem({ title: 'Item base', link: 'post-1.html', base: 'https://other.example/blog/' }),
          rawItem({ title: 'Feed base', link: '../post-2.html' }),
          rawItem({ title: 'Bad item base', link: '/post-3', base: 'not a url' }),
        ],
        { base: 'https://feed.example.com/posts/feed/' },
      ),
      context: articles,
      urls: [
        'https://other.example/blog/post-1.html',
        'https://feed.example.com/posts/post-2.html',
        'https://feed.example.com/post-3',
      ],
      titles: ['Item base', 'Feed base', 'Bad item base'],
      dropped: [],
    },
    {
      name: 'link fallbacks: permalink guid, then the first link that is the page',
      feed: rawFeed([
        rawItem({ title: 'Guid', guid: 'https://a.example/guid-page' }),
        rawItem({ title: 'Not a permalink', guid: 'https://a.example/x', guidIsPermaLink: false }),
        rawItem({ title: 'Guid not a URL', guid: 'tag:a.example,2024:1' }),
        rawItem({
          title: 'Links',
          links: [
            { href: 'https://a.example/ep.mp3', rel: 'enclosure', type: 'audio/mpeg' },
            { href: 'https://a.example/feed', rel: 'self', type: null },
            { href: '/page', rel: null, type: 'text/html' },
          ],
        }),
      ]),
      context: articles,
      urls: ['https://a.example/guid-page', 'https://feed.example.com/page'],
      titles: ['Guid', 'Links'],
      dropped: [
        { reason: 'no usable link', title: 'Not a permalink', link: null },
        { reason: 'no usable link', title: 'Guid not a URL', link: null },
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { entries, dropped } = normalizeFeed(c.feed, c.context);
      assert.deepEqual(
        { urls: entries.map((e) => e.url), titles: entries.map((e) => e.title), dropped },
        { urls: c.urls, titles: c.titles, dropped: c.dropped },
      );
    });
  }
});

describe('normalizeFeed: dates', () => {
  const cases: Array<
    [
      name: string,
      published: string | null,
      updated: string | null,
      context: NormalizeContext,
      expected: { publishedAt: string | null; updatedAt: string | null; dateFlag: string | null },
    ]
  > = [
    [
      'published',
      'Mon, 03 Jun 2024 14:05:11 +0000',
      null,
      articles,
      { publishedAt: '2024-06-03T14:05:11.000Z', updatedAt: null, dateFlag: null },
    ],
    [
      'published and updated',
      '2024-06-01T10:00:00Z',
      '2024-06-02T10:00:00Z',
      articles,
      {
        publishedAt: '2024-06-01T10:00:00.000Z',
        updatedAt: '2024-06-02T10:00:00.000Z',
        dateFlag: null,
      },
    ],
    [
      'only updated',
      null,
      '2024-06-02T10:00:00Z',
      articles,
      {
        publishedAt: '2024-06-02T10:00:00.000Z',
        updatedAt: '2024-06-02T10:00:00.000Z',
        dateFlag: null,
      },
    ],
    [
      'unreadable published, readable updated',
      'garbage',
      '2024-06-02T10:00:00Z',
      articles,
      {
        publishedAt: '2024-06-02T10:00:00.000Z',
        updatedAt: '2024-06-02T10:00:00.000Z',
        dateFlag: null,
      },
    ],
    [
      'unreadable',
      'garbage',
      null,
      articles,
      { publishedAt: null, updatedAt: null, dateFlag: 'unparseable' },
    ],
    [
      'unreadable both',
      'garbage',
      'junk',
      articles,
      { publishedAt: null, updatedAt: null, dateFlag: 'unparseable' },
    ],
    ['missing', null, null, articles, { publishedAt: null, updatedAt: null, dateFlag: 'missing' }],
    [
      'far future',
      '2030-01-01T00:00:00Z',
      null,
      articles,
      { publishedAt: null, updatedAt: null, dateFlag: 'future' },
    ],
    [
      'ambiguous without a hint',
      '03/04/2024',
      null,
      articles,
      { publishedAt: null, updatedAt: null, dateFlag: 'unparseable' },
    ],
    [
      'ambiguous with the source hint',
      '03/04/2024',
      null,
      { ...articles, dateHint: { order: 'dmy', timeZone: 'Europe/Paris' } },
      { publishedAt: '2024-04-02T22:00:00.000Z', updatedAt: null, dateFlag: null },
    ],
  ];
  for (const [name, published, updated, context, expected] of cases) {
    it(name, () => {
      const item = rawItem({ title: 'T', link: 'https://a.example/1', published, updated });
      const [entry] = normalizeFeed(rawFeed([item]), context).entries;
      assert.deepEqual(
        {
          publishedAt: entry?.publishedAt?.toISOString() ?? null,
          updatedAt: entry?.updatedAt?.toISOString() ?? null,
          dateFlag: entry?.dateFlag ?? null,
        },
        expected,
      );
    });
  }
});

describe('normalizeFeed: tags, images, enclosures', () => {
  it('tags are trimmed, decoded, deduplicated case-insensitively and capped at 20', () => {
    const categories = [
      ' Go ',
      'go',
      'GO',
      'Dev &amp; Ops',
      '',
      ...Array.from({ length: 30 }, (_, i) => `tag${i}`),
    ];
    const [entry] = normalizeFeed(
      rawFeed([rawItem({ title: 'T', link: 'https://a.example/1', categories })]),
      articles,
    ).entries;
    assert.deepEqual(entry?.tags, [
      'Go',
      'Dev & Ops',
      ...Array.from({ length: 18 }, (_, i) => `tag${i}`),
    ]);
  });

  const imageCases: Array<
    [
      name: string,
      fields: Parameters<typeof rawItem>[0],
      imageUrl: string | null,
      enclosure: NormalizedEntry['enclosure'],
    ]
  > = [
    [
      'own image, resolved',
      { imageUrl: '/img/cover.jpg', contentHtml: '<img src="https://a.example/other.png">' },
      'https://feed.example.com/img/cover.jpg',
      null,
    ],
    [
      'image enclosure',
      { enclosures: [{ url: 'media/pic.png', type: null, length: null }] },
      'https://feed.example.com/media/pic.png',
      { url: 'https://feed.example.com/media/pic.png', type: null, length: null },
    ],
    [
      'first image of the content, trackers skipped',
      {
        contentHtml:
          '<img src="http://feeds.feedburner.com/~r/x/~4/y" width="1" height="1"><p>t<img src="/a.png?w=1&amp;h=2"></p>',
      },
      'https://feed.example.com/a.png?w=1&h=2',
      null,
    ],
    [
      'audio enclosure is not an image',
      { enclosures: [{ url: 'https://cdn.example/ep1.mp3', type: 'audio/mpeg', length: 1234 }] },
      null,
      { url: 'https://cdn.example/ep1.mp3', type: 'audio/mpeg', length: 1234 },
    ],
    [
      'unusable enclosure skipped',
      {
        enclosures: [
          { url: 'javascript:x', type: null, length: null },
          { url: 'ep2.mp3', type: 'audio/mpeg', length: null },
        ],
      },
      null,
      { url: 'https://feed.example.com/ep2.mp3', type: 'audio/mpeg', length: null },
    ],
  ];
  for (const [name, fields, imageUrl, enclosure] of imageCases) {
    it(name, () => {
      const [entry] = normalizeFeed(
        rawFeed([rawItem({ title: 'T', link: 'https://a.example/1', ...fields })]),
        articles,
      ).entries;
      assert.deepEqual(
        { imageUrl: entry?.imageUrl, enclosure: entry?.enclosure },
        { imageUrl, enclosure },
      );
    });
  }
});

describe('bodyText', () => {
  const item = (fields: Parameters<typeof rawItem>[0]) =>
    rawItem({ title: 'Go developer', link: 'https://jobs.example.com/1', ...fields });

  it('is the plain text of the entry HTML, whether or not the summary came from it', () => {
    const [same] = normalizeFeed(
      rawFeed([item({ summaryHtml: '<p>Remote &amp; <b>US</b> only</p><p>Go</p>' })]),
      jobs,
    ).entries;
    assert.equal(bodyText(same as NormalizedEntry), 'Remote & US only\nGo');
    const [split] = normalizeFeed(
      rawFeed([item({ summaryHtml: '<p>Short</p>', contentHtml: '<p>The whole <i>text</i></p>' })]),
      jobs,
    ).entries;
    assert.equal(split?.summary, 'Short');
    assert.equal(bodyText(split as NormalizedEntry), 'The whole text');
  });

  it('reads the HTML afresh when it is not what normalize read', () => {
    const [entry] = normalizeFeed(rawFeed([item({ summaryHtml: '<p>Before</p>' })]), jobs).entries;
    const changed = { ...(entry as NormalizedEntry), html: '<p>After</p>' };
    assert.equal(bodyText(changed), 'After');
    (entry as NormalizedEntry).html = '<p>Edited</p>';
    assert.equal(bodyText(entry as NormalizedEntry), 'Edited');
  });
});
