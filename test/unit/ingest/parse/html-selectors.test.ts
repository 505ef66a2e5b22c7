// Listing pages read by operator selectors: hand-written pages in test/fixtures/html/selectors
// cover one behaviour each; two real pages (Hacker News, a WordPress article's comments) check
// that the reader makes sense of markup nobody wrote for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type HtmlSelectors, htmlSelectorsSchema } from '../../../../src/domain/html-selectors.ts';
import {
  parseWithFormat,
  readDetailPage,
  readWithSelectors,
  type SelectorReading,
} from '../../../../src/ingest/parse/html-selectors.ts';
import type { RawItem } from '../../../../src/ingest/parse/raw-feed.ts';
import { fixtureText } from './fixture-text.ts';

const BOARD_URL = 'https://jobs.example.com/board/index.html?page=2';
const DATED_URL = 'https://www.beispiel.de/karriere/';
const HN_URL = 'https://news.ycombinator.com/news';
const WP_URL =
  'https://wptavern.com/stack-overflow-jobs-data-shows-reactjs-skills-in-high-demand-wordpress-market-oversaturated-with-developers';

function page(name: string): string {
  return readFileSync(new URL(`../../../fixtures/html/selectors/${name}`, import.meta.url), 'utf8');
}

function recipe(input: Record<string, unknown>): HtmlSelectors {
  return htmlSelectorsSchema.parse(input);
}

/** A recipe as stored, without the schema's checks (an old or hand-edited one). */
function unchecked(item: string, fields: HtmlSelectors['fields']): HtmlSelectors {
  const defaults = { dateFormat: null, timeZone: null, nextPage: null, maxPages: 1, detail: null };
  return { item, fields, ...defaults };
}

/** The listed keys of an item, to compare with an expectation naming only those. */
function pick(item: RawItem | undefined, expected: Partial<RawItem>): Partial<RawItem> {
  const keys = Object.keys(expected) as Array<keyof RawItem>;
  return Object.fromEntries(keys.map((key) => [key, item?.[key]]));
}

type Case = {
  name: string;
  html: string;
  url: string;
  selectors: HtmlSelectors;
  /** Expected items in page order, each compared on the keys it names. */
  items?: Array<Partial<RawItem>>;
  count?: number;
  nextPage?: string | null;
  fieldCounts?: Record<string, number>;
  /** [code, field] of every warning, in order. */
  warnings?: Array<[SelectorReading['warnings'][number]['code'], string | null]>;
};

const board = page('jobs-board.html');
const boardFields = {
  title: 'h2',
  link: 'h2 a',
  guid: '@data-id',
  date: 'time@datetime',
  company: '.company',
  location: '.location',
  tags: '.tags li',
  thumbnail: 'img.logo',
  summary: '.teaser',
};

const cases: Case[] = [
  {
    name: 'attributes, links against a relative <base href>, tags, summary markup, next page',
    html: board,
    url: BOARD_URL,
    selectors: recipe({ item: 'li.job', fields: boardFields, nextPage: 'a.next' }),
    items: [
      {
        title: 'Senior Go Engineer',
        link: 'https://jobs.example.com/careers/senior-go-engineer',
        guid: 'job-101',
        guidIsPermaLink: false,
        published: '2026-11-20T10:00:00+01:00',
        categories: ['Go', 'PostgreSQL', 'Kubernetes'],
        imageUrl: 'https://jobs.example.com/logos/acme.png',
        summaryHtml:
          '<p>Build <strong>payment</strong> APIs. <a href="https://jobs.example.com/careers/senior-go-engineer#apply">Apply</a></p>',
        base: 'https://jobs.example.com/careers/',
        extra: {
          company: 'Acme Inc',
          location: 'Berlin Remote (EU)',
          tags: 'Go, PostgreSQL, Kubernetes',
        },
      },
      {
        title: 'Platform Engineer',
        link: 'https://other.example.org/jobs/42?ref=board',
        published: '2026-11-19',
        // The lazy-loaded image, not the placeholder in src.
        imageUrl: 'https://jobs.example.com/logos/globex.png',
        summaryHtml: '<p>Own the build farm.</p>',
      },
      {
        title: 'Data Engineer',
        link: 'https://jobs.example.com/careers/data-engineer',
        summaryHtml: null,
        imageUrl: null,
        extra: { company: 'Umbrella', tags: 'Python, Airflow' },
      },
      {
        title: 'Site Reliability Engineer',
        link: 'https://jobs.example.com/jobs/sre?id=5&src=list',
        categories: ['SRE'],
      },
    ],
    nextPage: 'https://jobs.example.com/careers/?page=3',
    fieldCounts: {
      title: 5,
      link: 4,
      guid: 5,
      date: 4,
      summary: 2,
      company: 5,
      location: 4,
      tags: 4,
      thumbnail: 2,
    },
    warnings: [
      ['field_sparse', 'summary'],
      ['field_sparse', 'thumbnail'],
    ],
  },
  {
    name: 'a@href and img@src read the attribute as written (a data: image is no URL)',
    html: board,
    url: BOARD_URL,
    selectors: recipe({
      item: 'li.job',
      fields: { title: 'h2 a', link: 'h2 a@href', thumbnail: 'img@src', salary: '.salary' },
    }),
    items: [
      {
        imageUrl: 'https://jobs.example.com/logos/acme.png',
        extra: { salary: '€80,000 – €95,000' },
      },
      { imageUrl: null, extra: {} },
      { imageUrl: null },
      { imageUrl: null },
    ],
    fieldCounts: { title: 4, link: 4, salary: 1, thumbnail: 1 },
    warnings: [
      ['field_sparse', 'salary'],
      ['field_sparse', 'thumbnail'],
    ],
  },
  {
    name: 'items without a link are skipped; the counts show it',
    html: board,
    url: BOARD_URL,
    selectors: recipe({ item: 'li.job', fields: { title: 'h2', link: 'h2 a' } }),
    count: 4,
    fieldCounts: { title: 5, link: 4 },
    warnings: [],
  },
  {
    name: "the item's own attribute, fixed values, dates in the operator's format and zone",
    html: page('dated-list.html'),
    url: DATED_URL,
    selectors: recipe({
      item: 'a.card',
      fields: {
        title: 'h3',
        link: '@href',
        date: '.posted',
        author: '.by',
        location: '=Remote',
        tags: '=Backend, Hiring',
      },
      dateFormat: 'dd/MM/yyyy HH:mm',
      timeZone: 'Europe/Berlin',
    }),
    items: [
      {
        title: 'Backend-Entwickler (m/w/d)',
        link: 'https://www.beispiel.de/stellen/backend-entwickler',
        guid: 'https://www.beispiel.de/stellen/backend-entwickler',
        guidIsPermaLink: true,
        published: '2026-11-24T08:30:00.000Z', // CET, +01:00
        author: 'Team Platform',
        categories: ['Backend', 'Hiring'],
        extra: { location: 'Remote', tags: 'Backend, Hiring' },
      },
      { published: '2026-07-15T12:05:00.000Z' }, // CEST, +02:00
      // Words the format does not read go to normalize as found.
      { published: 'gestern', author: null },
    ],
    fieldCounts: { title: 3, link: 3, date: 3, author: 2, location: 3, tags: 3 },
    warnings: [],
  },
  {
    name: 'an item selector that matches nothing (the next page is still read)',
    html: board,
    url: BOARD_URL,
    selectors: recipe({
      item: 'article.job',
      fields: { title: 'h2', link: 'a' },
      nextPage: 'a.next@href',
    }),
    count: 0,
    nextPage: 'https://jobs.example.com/careers/?page=3',
    fieldCounts: { title: 0, link: 0 },
    warnings: [['no_items', null]],
  },
  {
    name: 'a field empty in every item',
    html: board,
    url: BOARD_URL,
    selectors: recipe({
      item: 'li.job',
      fields: { title: 'h2', link: 'h2 a', company: '.employer' },
    }),
    count: 4,
    warnings: [['field_empty', 'company']],
  },
  {
    name: 'invalid CSS in a stored field: one warning, no throw',
    html: board,
    url: BOARD_URL,
    selectors: unchecked('li.job', { title: 'h2[', link: 'h2 a' }),
    count: 0,
    fieldCounts: { title: 0, link: 4 },
    warnings: [['invalid_selector', 'title']],
  },
  {
    name: 'invalid CSS in a stored item selector',
    html: board,
    url: BOARD_URL,
    selectors: unchecked('li:job', { title: 'h2', link: 'h2 a' }),
    count: 0,
    warnings: [['invalid_selector', null]],
  },
  {
    name: 'real page: Hacker News front page (sibling rows, relative links, a title attribute date)',
    html: fixtureText('oscanweb/hn.html'),
    url: HN_URL,
    selectors: recipe({
      item: 'tr.athing',
      fields: {
        title: '.titleline > a',
        link: '.titleline > a',
        guid: '@id',
        author: '+ tr .hnuser',
        // title="2026-04-26T06:24:42 1777184682": the format reads the date, not the epoch.
        date: '+ tr .age@title',
        tags: '.sitestr',
      },
      dateFormat: "yyyy-MM-dd'T'HH:mm:ss",
      nextPage: 'a.morelink',
    }),
    count: 30,
    items: [
      {
        title: "The West Forgot How to Make Things. Now It's Forgetting How to Code",
        link: 'https://techtrenches.dev/p/the-west-forgot-how-to-make-things',
        guid: '47907879',
        author: 'milkglass',
        published: '2026-04-26T06:24:42.000Z',
        categories: ['techtrenches.dev'],
      },
    ],
    nextPage: 'https://news.ycombinator.com/news?p=2',
    // The job ad has neither a submitter nor a site name.
    fieldCounts: { title: 30, link: 30, guid: 30, date: 30, author: 29, tags: 29 },
    warnings: [],
  },
  {
    name: "real page: a WordPress article's comments as items",
    html: fixtureText('readability/wordpress/source.html'),
    url: WP_URL,
    selectors: recipe({
      item: 'article.epoch-single-comment',
      fields: {
        title: '.epoch-comment-author > a.epoch-author-link',
        link: 'a.epoch-comment-link',
        // <time datetime="comment_date">: the theme's broken attribute loses to the text.
        date: 'time',
        description: '.epoch-comment-content',
      },
      dateFormat: "MMMM d, yyyy 'at' h:mm a",
      timeZone: 'America/New_York',
    }),
    count: 12,
    items: [
      {
        title: 'Sallie Goetsch (rhymes with sketch)',
        link: `${WP_URL}#comment-215101`,
        published: '2017-03-10T05:20:00.000Z', // EST: DST began on 12 March 2017
      },
    ],
    // One commenter left no website, so no name link: that comment has no title.
    fieldCounts: { title: 12, link: 13, date: 13, description: 13 },
    warnings: [],
  },
];

describe('readWithSelectors', () => {
  for (const c of cases) {
    it(c.name, () => {
      const reading = readWithSelectors(c.html, c.url, c.selectors);
      if (c.count !== undefined) assert.equal(reading.items.length, c.count);
      c.items?.forEach((expected, i) => {
        assert.deepEqual(pick(reading.items[i], expected), expected, `item ${i}`);
      });
      if (c.nextPage !== undefined) assert.equal(reading.nextPage, c.nextPage);
      if (c.fieldCounts) assert.deepEqual(reading.fieldCounts, c.fieldCounts);
      if (c.warnings) {
        const got = reading.warnings.map((w) => [w.code, w.field]);
        assert.deepEqual(got, c.warnings, reading.warnings.map((w) => w.message).join('\n'));
      }
    });
  }

  it('says in its warnings which field and selector are at fault', () => {
    const reading = readWithSelectors(
      board,
      BOARD_URL,
      unchecked('li.job', { title: 'h2', link: 'h2 a', company: 'span:unknown' }),
    );
    assert.deepEqual(
      reading.warnings.map((w) => w.message),
      ['field "company": invalid CSS selector "span:unknown": Unknown pseudo-class :unknown'],
    );
  });

  it('reads at most 1,000 items of a page', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `<li><a href="/j/${i}">Job ${i}</a></li>`);
    const reading = readWithSelectors(
      `<ul>${rows.join('')}</ul>`,
      'https://example.com/',
      recipe({ item: 'li', fields: { title: 'a', link: 'a' } }),
    );
    assert.equal(reading.items.length, 1000);
    assert.equal(reading.items.at(-1)?.link, 'https://example.com/j/999');
  });

  it('never finds items in scripts', () => {
    const reading = readWithSelectors(
      board,
      BOARD_URL,
      recipe({ item: 'li.job', fields: { title: 'h2', link: 'h2 a' } }),
    );
    assert.ok(reading.items.every((item) => !item.title?.includes('not a job')));
  });
});

describe('readDetailPage', () => {
  const listing = readWithSelectors(
    board,
    BOARD_URL,
    recipe({ item: 'li.job', fields: { title: 'h2', link: 'h2 a', date: 'time' } }),
  );
  const dataEngineer = listing.items[2] as RawItem;
  const detailUrl = 'https://jobs.example.com/careers/data-engineer';
  const detail = page('job-detail.html');
  const fields = {
    description: '.body',
    company: '.company',
    location: 'dd.location',
    thumbnail: 'meta[property="og:image"]@content',
    date: 'time',
  };

  it('fills the description and a missing company, keeps what the listing had', () => {
    assert.equal(dataEngineer.link, detailUrl);
    const filled = readDetailPage(detail, detailUrl, fields, dataEngineer);
    assert.deepEqual(filled.extra, { company: 'Umbrella Corp.', location: 'Raccoon City' });
    assert.equal(filled.imageUrl, 'https://jobs.example.com/img/umbrella-card.png');
    assert.equal(filled.published, dataEngineer.published);
    assert.equal(filled.title, 'Data Engineer');
    assert.equal(filled.link, detailUrl);
    assert.equal(filled.guid, detailUrl);
    // Its markup kept, its links made absolute against the detail page.
    assert.equal(
      filled.contentHtml,
      [
        '<h2>About the role</h2>',
        '      <p>Design pipelines in <em>Python</em> and Airflow.</p>',
        '      <img src="https://jobs.example.com/careers/diagram.png" alt="Our data platform">',
        '      <p><a href="https://jobs.example.com/benefits">Benefits</a></p>',
      ].join('\n'),
    );
  });

  it('does not replace a company the listing already had', () => {
    const withCompany = { ...dataEngineer, extra: { company: 'Umbrella' } };
    const filled = readDetailPage(detail, detailUrl, fields, withCompany);
    assert.equal(filled.extra.company, 'Umbrella');
    assert.equal(filled.extra.location, 'Raccoon City');
  });

  it('leaves the item as it was when the page has none of the fields', () => {
    const filled = readDetailPage('<p>Gone</p>', detailUrl, fields, dataEngineer);
    assert.deepEqual(filled, dataEngineer);
  });
});

describe('parseWithFormat', () => {
  const cases: Array<[text: string, format: string, zone: string | null, expected: string | null]> =
    [
      ['24/11/2026 09:30', 'dd/MM/yyyy HH:mm', 'Europe/Berlin', '2026-11-24T08:30:00.000Z'],
      ['24/07/2026 09:30', 'dd/MM/yyyy HH:mm', 'Europe/Berlin', '2026-07-24T07:30:00.000Z'],
      ['Posted on 24/11/2026', 'dd/MM/yyyy', null, '2026-11-24T00:00:00.000Z'],
      ['3/7/2026', 'd/M/yyyy', null, '2026-07-03T00:00:00.000Z'],
      ['24.11.26', 'dd.MM.yy', null, '2026-11-24T00:00:00.000Z'],
      ['November 3, 2026', 'MMMM d, yyyy', 'America/New_York', '2026-11-03T05:00:00.000Z'],
      ['NOV 3 2026', 'MMM d yyyy', null, '2026-11-03T00:00:00.000Z'],
      ['Sept. 3, 2026', 'MMM d, yyyy', null, '2026-09-03T00:00:00.000Z'],
      ['June 3, 2026', 'MMM d, yyyy', null, '2026-06-03T00:00:00.000Z'],
      [
        'Tue, Mar 10, 2026 at 9:05 pm',
        "EEE, MMM d, yyyy 'at' h:mm a",
        'America/New_York',
        '2026-03-11T01:05:00.000Z',
      ],
      ['12:30 AM 1/2/2026', 'h:mm a M/d/yyyy', null, '2026-01-02T00:30:00.000Z'],
      ['2026-11-24 09:30:15', 'yyyy-MM-dd HH:mm:ss', null, '2026-11-24T09:30:15.000Z'],
      // An offset in the text wins over the source's zone.
      ['2026-11-24 09:30 +05:30', 'yyyy-MM-dd HH:mm', 'Europe/Berlin', '2026-11-24T04:00:00.000Z'],
      ['2026-11-24 09:30 UTC', 'yyyy-MM-dd HH:mm', 'Europe/Berlin', '2026-11-24T09:30:00.000Z'],
      ['24/11/2026', 'dd/MM/yyyy', 'Asia/Kolkata', '2026-11-23T18:30:00.000Z'],
      ['31/02/2026', 'dd/MM/yyyy', null, null],
      ['24/13/2026', 'dd/MM/yyyy', null, null],
      ['24/11/2026 25:00', 'dd/MM/yyyy HH:mm', null, null],
      ['124/11/2026', 'dd/MM/yyyy', null, null],
      ['Novembre 3, 2026', 'MMMM d, yyyy', null, null],
      ['yesterday', 'dd/MM/yyyy', null, null],
      ['24/11/2026', 'dd/MM/YYYY', null, null],
    ];
  for (const [text, format, zone, expected] of cases) {
    it(`"${text}" as ${format}${zone ? ` in ${zone}` : ''} → ${expected}`, () => {
      assert.equal(parseWithFormat(text, format, zone), expected);
    });
  }
});
