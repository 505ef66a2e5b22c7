// RawItem/RawFeed literals for the normalize tests, shaped like what the parser hands over.
import type { RawFeed, RawItem } from '../../../../src/ingest/parse/raw-feed.ts';

/** An item with every field empty, overridden by the given ones. */
export function rawItem(fields: Partial<RawItem> = {}): RawItem {
  return {
    title: null,
    link: null,
    links: [],
    guid: null,
    guidIsPermaLink: true,
    published: null,
    updated: null,
    author: null,
    categories: [],
    contentHtml: null,
    summaryHtml: null,
    enclosures: [],
    imageUrl: null,
    base: null,
    extra: {},
    ...fields,
  };
}

/** An RSS feed holding the given items. */
export function rawFeed(items: RawItem[], fields: Partial<RawFeed> = {}): RawFeed {
  return {
    format: 'rss',
    title: 'Feed',
    link: 'https://feed.example.com/',
    base: 'https://feed.example.com/',
    items,
    repairs: [],
    ...fields,
  };
}

/** The first item of jobs-remotely/jobs.rss (2015), description shortened. */
export const kaleoItem = rawItem({
  title: 'Kaleo Software: Senior Software Engineer',
  link: 'https://weworkremotely.com/jobs/1080',
  guid: 'https://weworkremotely.com/jobs/1080',
  published: 'Mon, 17 Nov 2014 05:45:32 +0000',
  summaryHtml:
    '<img alt="Resized_logo" src="https://dge9rmgqjs8m1.cloudfront.net/wwr_s3/logos/0000/1702/logo.gif/resized_logo.png?r=3" />\n\n<p>\n  <strong>Location:</strong> Los Angeles, CA\n    <br /><strong>URL:</strong> <a href="http://www.kaleosoftware.com/">http://www.kaleosoftware.com/</a>\n</p>\n\n<div>Hi there! We (Kaleo) are looking for a Senior Software Engineer.</div><div class="paragraph_break"><br /></div><div>If you&#8217;ve ever wanted to work for a high-performance startup,&nbsp;this could be your dream job!</div>',
  base: 'https://weworkremotely.com/categories/2/jobs.rss',
});

/** Today's We Work Remotely item shape: region, country, type, skills, category, expires_at, media:content logo. */
export const wwrItem = rawItem({
  title: 'Acme Corp: Senior Backend Engineer (Go)',
  link: 'https://weworkremotely.com/remote-jobs/acme-corp-senior-backend-engineer-go?utm_source=rss',
  guid: 'https://weworkremotely.com/remote-jobs/acme-corp-senior-backend-engineer-go',
  published: 'Mon, 03 Jun 2024 14:05:11 +0000',
  summaryHtml:
    '<p><strong>Headquarters:</strong> Berlin</p><p>Build payment APIs in Go &amp; PostgreSQL.</p>',
  imageUrl: 'https://we-work-remotely.imgix.net/logos/0099/1234/logo.png',
  base: 'https://weworkremotely.com/categories/remote-back-end-programming-jobs.rss',
  extra: {
    region: 'Anywhere in the World',
    country: 'Germany',
    type: 'Full-Time',
    skills: 'Go, PostgreSQL, Kubernetes, go',
    category: 'Back-End Programming',
    expires_at: '2024-07-03 14:05:11 UTC',
  },
});
