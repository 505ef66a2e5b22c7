import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Parser from 'rss-parser';
import { escapeXml, escapeXmlAttribute } from '../../../src/domain/xml-escape.ts';
import { renderAtom } from '../../../src/web/feeds/atom.ts';
import type { FeedDocument, FeedItem } from '../../../src/web/feeds/feed-document.ts';
import { JSON_FEED_VERSION, renderJsonFeed } from '../../../src/web/feeds/json-feed.ts';
import { renderRss } from '../../../src/web/feeds/rss.ts';
import { jobFeedTitle } from '../../../src/web/routes/feeds.ts';
import { validateJsonFeed } from '../../helpers/json-feed-validator.ts';

// What escapeXml drops: a C0 control, a lone surrogate of each kind (low first, so they do not
// pair up), and the two non-characters.
const ILLEGAL = '\u0001\uDC00\uD800\uFFFE\uFFFF';
const ILLEGAL_IN_OUTPUT = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const withoutIllegal = (text: string) =>
  ILLEGAL.split('').reduce((rest, unit) => rest.replaceAll(unit, ''), text);

const QUOTED_QUERY = '?a=1&b="x"';
const htmlAngles = (text: string) => text.replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const full: FeedItem = {
  id: 'https://board.example/jobs/1',
  url: `https://board.example/jobs/1${QUOTED_QUERY}`,
  externalUrl: `https://acme.example/apply${QUOTED_QUERY}`,
  title: ` <script>alert(1)</script> &amp; ]]> it's ${ILLEGAL} 🚀\ttabs\r\nand lines `,
  summary: 'Build <script> things ]]> & ship 🚀',
  html: '<p>Hi <script>alert(1)</script> ]]> &amp; <a href="https://x.example/?a=1&amp;b=2">x</a></p>',
  published: new Date('2026-03-01T10:00:00.250Z'),
  updated: new Date('2026-03-02T08:30:00.000Z'),
  author: 'Acme & "Sons" <Ltd>',
  tags: ['go', 'a&b', 'say "hi"', '<script>', 'two\nlines'],
};

const bare: FeedItem = {
  id: 'https://board.example/articles/2',
  url: 'https://board.example/articles/2',
  externalUrl: null,
  title: 'Plain',
  summary: '',
  html: null,
  published: new Date('2026-02-28T23:59:59.000Z'),
  updated: null,
  author: null,
  tags: [],
};

const doc: FeedDocument = {
  title: `Backend jobs & <news> ${ILLEGAL}`,
  description: 'Jobs tagged "go" & <rust>',
  homeUrl: `https://board.example/jobs${QUOTED_QUERY}`,
  feedUrl: `https://board.example/jobs.rss${QUOTED_QUERY}`,
  updated: new Date('2026-03-02T08:30:00.500Z'),
  language: 'en',
  items: [full, bare],
};

const empty: FeedDocument = {
  ...doc,
  title: 'Nothing yet',
  updated: new Date('2026-03-03T00:00:00.000Z'),
  items: [],
};

type XmlNode = { _?: string; $?: Record<string, string> };

// rss-parser keeps only the first link, hides attributes and ignores Atom categories; the raw
// xml2js nodes show what the XML actually says.
const rssParser = new Parser<Record<string, unknown>, { guids: XmlNode[] }>({
  customFields: { item: [['guid', 'guids', { keepArray: true }]] },
});
const atomParser = new Parser<
  // Fields rss-parser sets on Atom documents that its types leave out, then our custom fields.
  { lastBuildDate: string; id: string; author: { name: string[] } },
  { id: string; author?: string; links: XmlNode[]; terms?: XmlNode[]; updated: string }
>({
  customFields: {
    feed: ['id', 'author'],
    item: [
      ['link', 'links', { keepArray: true }],
      ['category', 'terms', { keepArray: true }],
      'updated',
    ],
  },
});

describe('escapeXml', () => {
  const cases: Array<[string, string, string]> = [
    [
      'markup characters',
      `<a href="x">Tom & Jerry's</a>`,
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;',
    ],
    ['an existing entity is escaped again', '&amp;', '&amp;amp;'],
    ['a CDATA end', ']]>', ']]&gt;'],
    ['C0 controls other than tab, LF, CR', 'a\u0000b\u0001c\u001Fd\u000Be', 'abcde'],
    ['tab and LF kept, CR as a reference', 'a\tb\nc\rd', 'a\tb\nc&#xD;d'],
    ['non-characters U+FFFE and U+FFFF', 'a\uFFFEb\uFFFFc', 'abc'],
    ['lone surrogates', 'a\uD800b\uDFFFc', 'abc'],
    ['surrogate pairs kept', '🚀 \u{10FFFD}', '🚀 \u{10FFFD}'],
    ['DEL and C1 controls are legal XML 1.0', '\u007F\u0085', '\u007F\u0085'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(escapeXml(input), expected));
  }

  it('escapeXmlAttribute also protects tab and LF from attribute normalization', () => {
    assert.equal(escapeXmlAttribute('a\tb\nc\r"d"\u0001'), 'a&#x9;b&#xA;c&#xD;&quot;d&quot;');
  });
});

describe('renderRss', () => {
  const xml = renderRss(doc);

  it('escapes everything: no raw script tag, CDATA end or illegal character', () => {
    assert.doesNotMatch(xml, /<script/i);
    assert.doesNotMatch(xml, /]]>/);
    assert.doesNotMatch(xml, ILLEGAL_IN_OUTPUT);
    assert.doesNotMatch(xml, /CDATA/);
  });

  it('round-trips the channel through rss-parser', async () => {
    const feed = await rssParser.parseString(xml);
    assert.equal(feed.title, htmlAngles(withoutIllegal(doc.title)));
    assert.equal(feed.link, doc.homeUrl);
    assert.equal(feed.description, doc.description);
    assert.equal(feed.language, 'en');
    assert.equal(feed.lastBuildDate, 'Mon, 02 Mar 2026 08:30:00 GMT');
    assert.equal(feed.feedUrl, doc.feedUrl);
    assert.equal(feed.items.length, 2);
  });

  it('round-trips a full item', async () => {
    const item = (await rssParser.parseString(xml)).items[0];
    assert.ok(item);
    // Angle brackets reach the reader escaped as HTML: many render RSS titles as HTML.
    assert.equal(item.title, htmlAngles(withoutIllegal(full.title)));
    assert.equal(item.link, full.url);
    assert.equal(item.guid, full.id);
    assert.deepEqual({ ...item.guids[0]?.$ }, { isPermaLink: 'true' });
    // RFC 822 has whole seconds only.
    assert.equal(item.pubDate, 'Sun, 01 Mar 2026 10:00:00 GMT');
    assert.equal(item.isoDate, '2026-03-01T10:00:00.000Z');
    assert.equal(item.content, full.html);
    assert.deepEqual(item.categories, full.tags);
    assert.equal(item.creator, full.author);
  });

  it('round-trips a bare item: summary as description, no creator or categories', async () => {
    const item = (await rssParser.parseString(xml)).items[1];
    assert.ok(item);
    assert.equal(item.title, 'Plain');
    assert.equal(item.link, bare.url);
    assert.equal(item.guid, bare.id);
    assert.equal(item.isoDate, bare.published.toISOString());
    assert.equal(item.content, '');
    assert.equal(item.categories, undefined);
    assert.equal(item.creator, undefined);
  });

  it('sends a plain summary as text: readers take a description as HTML', async () => {
    const summary = 'Why Vec<T> beats <script> hacks & &lt;img onerror=x&gt; for AT&T';
    const plain = renderRss({ ...doc, items: [{ ...bare, summary }] });
    const item = (await rssParser.parseString(plain)).items[0];
    // One XML decoding gives the HTML a reader renders; as HTML it reads as the summary.
    assert.equal(
      item?.content,
      'Why Vec&lt;T&gt; beats &lt;script&gt; hacks &amp; &amp;lt;img onerror=x&amp;gt; for AT&amp;T',
    );
  });

  it('renders an empty feed', async () => {
    const feed = await rssParser.parseString(renderRss(empty));
    assert.equal(feed.title, 'Nothing yet');
    assert.equal(feed.feedUrl, doc.feedUrl);
    assert.deepEqual(feed.items, []);
  });
});

describe('renderAtom', () => {
  const xml = renderAtom(doc);

  it('escapes everything: no raw script tag, CDATA end or illegal character', () => {
    assert.doesNotMatch(xml, /<script/i);
    assert.doesNotMatch(xml, /]]>/);
    assert.doesNotMatch(xml, ILLEGAL_IN_OUTPUT);
  });

  it('round-trips the feed through rss-parser', async () => {
    const feed = await atomParser.parseString(xml);
    assert.equal(feed.id, doc.feedUrl);
    assert.equal(feed.title, withoutIllegal(doc.title));
    assert.equal(feed.link, doc.homeUrl);
    assert.equal(feed.feedUrl, doc.feedUrl);
    assert.equal(feed.lastBuildDate, '2026-03-02T08:30:00.500Z');
    assert.deepEqual(feed.author.name, [withoutIllegal(doc.title)]);
    assert.equal(feed.items.length, 2);
  });

  it('round-trips a full entry, with the origin as a related link', async () => {
    const entry = (await atomParser.parseString(xml)).items[0];
    assert.ok(entry);
    assert.equal(entry.id, full.id);
    assert.equal(entry.title, withoutIllegal(full.title));
    assert.equal(entry.link, full.url);
    assert.deepEqual(
      // xml2js builds null-prototype objects; spread them into plain ones to compare.
      entry.links.map((link) => ({ ...link.$ })),
      [
        { rel: 'alternate', type: 'text/html', href: full.url },
        { rel: 'related', href: full.externalUrl },
      ],
    );
    assert.equal(entry.isoDate, '2026-03-01T10:00:00.250Z');
    assert.equal(entry.updated, '2026-03-02T08:30:00.000Z');
    assert.equal(entry.author, full.author);
    assert.equal(entry.summary, full.summary);
    assert.equal(entry.content, full.html);
    assert.deepEqual(
      (entry.terms ?? []).map((term) => term.$?.term),
      full.tags,
    );
  });

  it('round-trips a bare entry: updated falls back to published, feed author covers it', async () => {
    const entry = (await atomParser.parseString(xml)).items[1];
    assert.ok(entry);
    assert.equal(entry.id, bare.id);
    assert.equal(entry.link, bare.url);
    assert.equal(entry.links.length, 1);
    assert.equal(entry.updated, bare.published.toISOString());
    assert.equal(entry.author, undefined);
    assert.equal(entry.summary, undefined);
    assert.equal(entry.content, undefined);
    assert.equal(entry.terms, undefined);
  });

  it('never dates an entry updated before it was published', async () => {
    const edited = { ...bare, updated: new Date(bare.published.getTime() - 86_400_000) };
    const entry = (await atomParser.parseString(renderAtom({ ...doc, items: [edited] }))).items[0];
    assert.equal(entry?.updated, bare.published.toISOString());
  });

  it('renders an empty feed', async () => {
    const feed = await atomParser.parseString(renderAtom(empty));
    assert.equal(feed.title, 'Nothing yet');
    assert.equal(feed.lastBuildDate, '2026-03-03T00:00:00.000Z');
    assert.deepEqual(feed.items, []);
  });
});

describe('renderJsonFeed', () => {
  const feed = JSON.parse(renderJsonFeed(doc));

  it('is a valid JSON Feed 1.1', () => {
    assert.deepEqual(validateJsonFeed(feed), []);
    assert.equal(feed.version, JSON_FEED_VERSION);
  });

  it('round-trips the feed fields exactly, illegal-in-XML characters included', () => {
    assert.equal(feed.title, doc.title);
    assert.equal(feed.home_page_url, doc.homeUrl);
    assert.equal(feed.feed_url, doc.feedUrl);
    assert.equal(feed.description, doc.description);
    assert.equal(feed.language, 'en');
  });

  it('round-trips a full item', () => {
    assert.deepEqual(feed.items[0], {
      id: full.id,
      url: full.url,
      external_url: full.externalUrl,
      title: full.title,
      summary: full.summary,
      content_html: full.html,
      date_published: '2026-03-01T10:00:00.250Z',
      date_modified: '2026-03-02T08:30:00.000Z',
      authors: [{ name: full.author }],
      tags: full.tags,
    });
  });

  it('gives a bare item its summary as content_text and leaves absent fields out', () => {
    assert.deepEqual(feed.items[1], {
      id: bare.id,
      url: bare.url,
      title: 'Plain',
      summary: '',
      content_text: '',
      date_published: '2026-02-28T23:59:59.000Z',
    });
  });

  it('renders a valid empty feed', () => {
    const parsed = JSON.parse(renderJsonFeed(empty));
    assert.deepEqual(validateJsonFeed(parsed), []);
    assert.deepEqual(parsed.items, []);
  });
});

describe('validateJsonFeed', () => {
  type Feed = Record<string, unknown> & { items: Array<Record<string, unknown>> };
  const edit = (change: (feed: Feed, item: Record<string, unknown>) => void): Feed => {
    const feed: Feed = JSON.parse(renderJsonFeed(doc));
    change(feed, feed.items[0] ?? {});
    return feed;
  };

  const broken: Array<[string, unknown, RegExp]> = [
    ['not an object', null, /^\$: must be an object, got null$/],
    ['an array', [], /^\$: must be an object, got array$/],
    [
      'the 1.0 version URL',
      edit((f) => {
        f.version = 'https://jsonfeed.org/version/1';
      }),
      /^\$\.version: must be "https:\/\/jsonfeed\.org\/version\/1\.1"/,
    ],
    [
      'no version',
      edit((f) => {
        delete f.version;
      }),
      /^\$\.version: is required$/,
    ],
    [
      'no title',
      edit((f) => {
        delete f.title;
      }),
      /^\$\.title: is required$/,
    ],
    [
      'a numeric title',
      edit((f) => {
        f.title = 1;
      }),
      /^\$\.title: must be a string, got number$/,
    ],
    [
      'no items',
      edit((f) => {
        delete (f as Partial<Feed>).items;
      }),
      /^\$\.items: is required$/,
    ],
    [
      'items as an object',
      edit((f) => {
        (f as Record<string, unknown>).items = {};
      }),
      /^\$\.items: must be an array, got object$/,
    ],
    [
      'a numeric id',
      edit((_, i) => {
        i.id = 1;
      }),
      /^\$\.items\[0\]\.id: must be a string, got number$/,
    ],
    [
      'no id',
      edit((_, i) => {
        delete i.id;
      }),
      /^\$\.items\[0\]\.id: is required$/,
    ],
    [
      'a duplicate id',
      edit((f, i) => {
        f.items.push({ ...i });
      }),
      /^\$\.items\[2\]\.id: duplicate id/,
    ],
    [
      'no content',
      edit((_, i) => {
        delete i.content_html;
      }),
      /^\$\.items\[0\]: needs content_html or content_text$/,
    ],
    [
      'numeric content_text',
      edit((_, i) => {
        delete i.content_html;
        i.content_text = 3;
      }),
      /^\$\.items\[0\]\.content_text: must be a string, got number$/,
    ],
    [
      'a relative item url',
      edit((_, i) => {
        i.url = '/jobs/1';
      }),
      /^\$\.items\[0\]\.url: must be an absolute URL, got "\/jobs\/1"$/,
    ],
    [
      'a relative home_page_url',
      edit((f) => {
        f.home_page_url = 'jobs?a=1';
      }),
      /^\$\.home_page_url: must be an absolute URL/,
    ],
    [
      'a feed_url with a space the URL parser would quietly drop',
      edit((f) => {
        f.feed_url = ' https://board.example/feed.json';
      }),
      /^\$\.feed_url: must be an absolute URL/,
    ],
    [
      'a relative external_url',
      edit((_, i) => {
        i.external_url = '//acme.example/apply';
      }),
      /^\$\.items\[0\]\.external_url: must be an absolute URL/,
    ],
    [
      'next_url equal to feed_url',
      edit((f) => {
        f.next_url = f.feed_url;
      }),
      /^\$\.next_url: must not equal feed_url$/,
    ],
    [
      'an RFC 822 date',
      edit((_, i) => {
        i.date_published = 'Sun, 01 Mar 2026 10:00:00 GMT';
      }),
      /^\$\.items\[0\]\.date_published: must be an RFC 3339 date/,
    ],
    [
      'a date without an offset',
      edit((_, i) => {
        i.date_modified = '2026-03-01T10:00:00';
      }),
      /^\$\.items\[0\]\.date_modified: must be an RFC 3339 date/,
    ],
    [
      'a date that is not on the calendar',
      edit((_, i) => {
        i.date_published = '2026-02-29T10:00:00Z';
      }),
      /^\$\.items\[0\]\.date_published: must be an RFC 3339 date/,
    ],
    [
      'an unknown top-level key',
      edit((f) => {
        f.generator = 'backboard';
      }),
      /^\$\.generator: unknown key/,
    ],
    [
      'an unknown item key',
      edit((_, i) => {
        i.content = 'x';
      }),
      /^\$\.items\[0\]\.content: unknown key/,
    ],
    [
      'an extension name without a letter after "_"',
      edit((f) => {
        f._1st = {};
      }),
      /^\$\._1st: extension names/,
    ],
    [
      'a non-string tag',
      edit((_, i) => {
        i.tags = ['go', 7];
      }),
      /^\$\.items\[0\]\.tags\[1\]: must be a string, got number$/,
    ],
    [
      'an empty author',
      edit((_, i) => {
        i.authors = [{}];
      }),
      /^\$\.items\[0\]\.authors\[0\]: an author needs at least one of name, url, avatar$/,
    ],
    [
      'authors as an object',
      edit((_, i) => {
        i.authors = { name: 'Acme' };
      }),
      /^\$\.items\[0\]\.authors: must be an array, got object$/,
    ],
    [
      'a numeric language',
      edit((f) => {
        f.language = 1;
      }),
      /^\$\.language: must be a string, got number$/,
    ],
    [
      'an attachment without mime_type',
      edit((_, i) => {
        i.attachments = [{ url: 'https://board.example/a.pdf' }];
      }),
      /^\$\.items\[0\]\.attachments\[0\]\.mime_type: is required$/,
    ],
  ];
  for (const [name, value, expected] of broken) {
    it(`reports ${name}`, () => {
      const problems = validateJsonFeed(value);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', expected);
    });
  }

  const valid: Array<[string, Feed]> = [
    [
      'extensions at the top and on items',
      edit((f, i) => {
        f._backboard = { about: 'https://board.example/docs' };
        i._backboard = { score: 1 };
      }),
    ],
    [
      'the deprecated 1.0 author next to authors',
      edit((f) => {
        f.author = { name: 'Backboard' };
        f.authors = [{ name: 'Backboard', url: 'mailto:team@board.example' }];
      }),
    ],
    [
      'RFC 3339 offsets, fractions, a leap day and a leap second',
      edit((_, i) => {
        i.date_published = '2024-02-29T14:04:00.123456-05:00';
        i.date_modified = '2016-12-31T23:59:60Z';
      }),
    ],
    [
      'content_text alone',
      edit((_, i) => {
        delete i.content_html;
        i.content_text = 'plain';
      }),
    ],
    [
      'the spec’s optional members',
      edit((f, i) => {
        Object.assign(f, {
          user_comment: 'for humans',
          next_url: 'https://board.example/feed.json?page=2',
          icon: 'https://board.example/icon.png',
          favicon: 'https://board.example/favicon.png',
          expired: false,
          hubs: [{ type: 'WebSub', url: 'https://hub.example/' }],
        });
        Object.assign(i, {
          image: 'https://board.example/a.png',
          banner_image: 'https://board.example/b.png',
          language: 'en-US',
          attachments: [{ url: 'https://board.example/a.pdf', mime_type: 'application/pdf' }],
        });
      }),
    ],
  ];
  for (const [name, value] of valid) {
    it(`accepts ${name}`, () => assert.deepEqual(validateJsonFeed(value), []));
  }
});

describe('jobFeedTitle: a job feed named for its filters', () => {
  it("is the board's own without filters", () => {
    assert.equal(jobFeedTitle({}), 'backboard: backend jobs');
  });

  it('names each filter, so several subscriptions can be told apart', () => {
    assert.equal(
      jobFeedTitle(
        {
          seniority: ['senior'],
          tags: ['go', 'postgresql'],
          q: 'payments',
          workplace: ['remote'],
          from: 'DE',
          salaryMin: 90000,
          currency: 'EUR',
        },
        'Example Board',
      ),
      'backboard: senior Go, PostgreSQL backend jobs, matching “payments”, remote, open to applicants in Germany, paying €90K+ a year, from Example Board',
    );
    assert.equal(
      jobFeedTitle({ seniority: ['mid'], posted: '7d', hasSalary: true, location: 'Berlin' }),
      'backboard: mid-level backend jobs, in Berlin, with a salary, posted in the last 7 days',
    );
  });

  it('leaves out keywords too common to search for', () => {
    assert.equal(jobFeedTitle({ q: 'the' }), 'backboard: backend jobs');
  });
});
